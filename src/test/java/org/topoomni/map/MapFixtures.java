package org.topoomni.map;

import org.topoomni.sheet.LayerStack;
import org.topoomni.sheet.Placement;

import org.topoomni.sheet.Band;
import org.topoomni.sheet.Modality;
import org.topoomni.sheet.SheetLayout;
import org.topoomni.sheet.SheetResponses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Synthetic localizer data for tests: a small sheet, every standard category, known maps. */
public final class MapFixtures {

    private MapFixtures() {
    }

    /** The from-scratch baseline's sheet: vision and audio 6 x 128 side by side, language 6 x 256 below: 48 x 64. */
    public static SheetLayout tiny() {
        return SheetLayout.of(List.of(LayerStack.uniform("vision", Modality.VISION, Placement.SENSORY, 6, 128),
                LayerStack.uniform("audio", Modality.AUDIO, Placement.SENSORY, 6, 128),
                LayerStack.uniform("language", Modality.LANGUAGE, Placement.SHARED, 6, 256)));
    }

    /** A larger sheet of the same shape family: 144 x 128 (top stacks rows 0-95, vision cols 0-63, audio 64-127). */
    public static SheetLayout medium() {
        return SheetLayout.of(List.of(LayerStack.uniform("vision", Modality.VISION, Placement.SENSORY, 8, 768),
                LayerStack.uniform("audio", Modality.AUDIO, Placement.SENSORY, 8, 768),
                LayerStack.uniform("language", Modality.LANGUAGE, Placement.SHARED, 8, 768)));
    }

    public static final List<String> VISUAL = List.of("faces", "bodies", "objects", "scenes", "words", "scrambled_objects");
    public static final List<String> AUDITORY = List.of("speech", "quilted_speech", "vocal", "nonvocal", "music");
    public static final List<String> TEXT = List.of("sentences", "nonwords", "false_belief", "false_photo", "arithmetic_hard", "arithmetic_easy");
    public static final List<String> WEDGES = List.of("wedge_000", "wedge_045", "wedge_090", "wedge_135", "wedge_180", "wedge_225", "wedge_270", "wedge_315");
    public static final List<String> RINGS = List.of("ring_0", "ring_1", "ring_2", "ring_3", "ring_4", "ring_5");
    public static final List<String> TONES = List.of("tone_0250hz", "tone_0500hz", "tone_1000hz", "tone_2000hz", "tone_4000hz", "tone_8000hz");

    /** Every category of the fixture. */
    public static List<String> categories() {
        List<String> all = new ArrayList<>(VISUAL);
        all.addAll(AUDITORY);
        all.addAll(TEXT);
        all.addAll(WEDGES);
        all.addAll(RINGS);
        all.addAll(TONES);
        return all;
    }

    static Modality modalityOf(String category) {
        if (VISUAL.contains(category) || WEDGES.contains(category) || RINGS.contains(category)) return Modality.VISION;
        if (AUDITORY.contains(category) || TONES.contains(category)) return Modality.AUDIO;
        return Modality.LANGUAGE;
    }

    /**
     * A localizer run on a sheet: {@code perCategory} stimuli per category spread over runs
     * 1..runs. Each stimulus drives the units of its modality's stack (and the language stack for
     * images and sounds, as tokens flow into the language model); undriven stacks respond exactly 0.
     * Driven units respond with N(0, 1) noise plus the category's pattern; in the topographic
     * sheet the noise is spatially smooth (neighbours share their stimulus-to-stimulus variation,
     * as the spatial loss makes them), in the control it is independent per unit.
     *
     * <p>topographic: each ON category of a standard contrast has a Gaussian bump (peak
     * {@code amplitude}, sigma = 0.75 radius) at its own place in its region; retinotopy and tonotopy
     * follow smooth maps (polar angle around the vision stack's centre, eccentricity with distance,
     * frequency along the audio stack's columns). control: the same categories raise the same
     * number of units, but as scattered 2 x 2 squares of flat amplitude, and the preferred
     * angle/ring/tone of each unit is random.
     */
    public static SheetResponses localizer(SheetLayout l, boolean topographic, int perCategory, int runs, double amplitude, long seed) {
        Map<String, float[]> patterns = patterns(l, topographic, amplitude, seed);
        List<String> cats = categories();
        int units = l.units();
        int n = cats.size() * perCategory;
        float[] data = new float[n * units];
        List<SheetResponses.Row> rows = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = 0; i < data.length; i++) data[i] = (float) rng.nextGaussian();
        if (topographic) {
            // neighbouring units share their stimulus-to-stimulus variation: smooth the noise, keep unit variance
            double sigma = 1.5;
            double[] w = org.topoomni.stats.GaussianSmoothing.kernel(sigma, 3.0);
            double ss = 0;
            for (double x : w) ss += x * x; // 2-D kernel: sum of squares = ss^2, sd factor = ss
            org.topoomni.stats.GaussianSmoothing.smoothInPlaceSigma(data, n, l.rows(), l.cols(), sigma, 3.0);
            for (int i = 0; i < data.length; i++) data[i] /= (float) ss;
        }
        int s = 0;
        for (String c : cats) {
            boolean[] driven = driven(l, modalityOf(c));
            float[] p = patterns.get(c);
            for (int k = 0; k < perCategory; k++, s++) {
                rows.add(new SheetResponses.Row(c + "_" + k, c, 1 + k % runs));
                int base = s * units;
                for (int u = 0; u < units; u++) data[base + u] = driven[u] ? data[base + u] + (p == null ? 0f : p[u]) : 0f;
            }
        }
        return new SheetResponses(l, data, rows);
    }

    static boolean[] driven(SheetLayout l, Modality m) {
        boolean[] d = Region.of(m).mask(l);
        boolean[] lang = Region.LANGUAGE.mask(l);
        for (int u = 0; u < d.length; u++) d[u] |= lang[u];
        return d;
    }

    /** Where each contrast's bump sits, as fractions of its stack (row, col). */
    static final Map<String, double[]> PLACES = new LinkedHashMap<>();

    static {
        PLACES.put("faces", new double[] {0.3, 0.25});
        PLACES.put("bodies", new double[] {0.3, 0.75});
        PLACES.put("objects", new double[] {0.75, 0.25});
        PLACES.put("scenes", new double[] {0.75, 0.75});
        PLACES.put("words", new double[] {0.5, 0.5});
        PLACES.put("speech", new double[] {0.3, 0.3});
        PLACES.put("vocal", new double[] {0.35, 0.35});
        PLACES.put("music", new double[] {0.75, 0.7});
        PLACES.put("sentences", new double[] {0.3, 0.2});
        PLACES.put("false_belief", new double[] {0.5, 0.6});
        PLACES.put("arithmetic_hard", new double[] {0.7, 0.85});
    }

    static Map<String, float[]> patterns(SheetLayout l, boolean topographic, double amplitude, long seed) {
        Map<String, float[]> out = new LinkedHashMap<>();
        SplittableRandom rng = new SplittableRandom(seed * 31 + 7);
        double radius = Math.max(2.5, Math.min(l.rows(), l.cols()) / 12.0);
        for (var e : PLACES.entrySet()) {
            Band b = l.bands().stream().filter(x -> x.stack().modality() == modalityOf(e.getKey())).findFirst().orElseThrow();
            double r0 = b.top() + e.getValue()[0] * b.rows(), c0 = b.left() + e.getValue()[1] * b.cols();
            float[] p = new float[l.units()];
            if (topographic) {
                double sigma = radius * 0.75;
                for (int r = b.top(); r < b.bottom(); r++) {
                    for (int c = b.left(); c < b.right(); c++) {
                        double d2 = (r - r0) * (r - r0) + (c - c0) * (c - c0);
                        if (d2 <= 4 * radius * radius) p[r * l.cols() + c] = (float) (amplitude * Math.exp(-d2 / (2 * sigma * sigma)));
                    }
                }
            } else {
                int squares = (int) Math.round(Math.PI * radius * radius / 4);
                for (int k = 0; k < squares; k++) {
                    int r = b.top() + rng.nextInt(b.rows() - 1), c = b.left() + rng.nextInt(b.cols() - 1);
                    for (int dr = 0; dr < 2; dr++) for (int dc = 0; dc < 2; dc++) p[(r + dr) * l.cols() + c + dc] = (float) (amplitude * 0.8);
                }
            }
            out.put(e.getKey(), p);
        }
        // Retinotopy and tonotopy: every unit of the stack prefers one condition.
        Band v = l.bands().stream().filter(x -> x.stack().modality() == Modality.VISION).findFirst().orElseThrow();
        Band a = l.bands().stream().filter(x -> x.stack().modality() == Modality.AUDIO).findFirst().orElseThrow();
        double vr = v.top() + v.rows() / 2.0, vc = v.left() + v.cols() / 2.0;
        double maxDist = Math.hypot(v.rows() / 2.0, v.cols() / 2.0);
        for (int i = 0; i < WEDGES.size(); i++) out.put(WEDGES.get(i), new float[l.units()]);
        for (int i = 0; i < RINGS.size(); i++) out.put(RINGS.get(i), new float[l.units()]);
        for (int i = 0; i < TONES.size(); i++) out.put(TONES.get(i), new float[l.units()]);
        for (int r = v.top(); r < v.bottom(); r++) {
            for (int c = v.left(); c < v.right(); c++) {
                int u = r * l.cols() + c;
                int wedge, ring;
                if (topographic) {
                    double ang = Math.toDegrees(Math.atan2(-(r + 0.5 - vr), c + 0.5 - vc));
                    wedge = (int) Math.round(((ang % 360) + 360) % 360 / 45.0) % 8;
                    ring = Math.min(5, (int) (Math.hypot(r + 0.5 - vr, c + 0.5 - vc) / maxDist * 6));
                } else {
                    wedge = rng.nextInt(8);
                    ring = rng.nextInt(6);
                }
                out.get(WEDGES.get(wedge))[u] = (float) amplitude;
                out.get(RINGS.get(ring))[u] = (float) amplitude;
            }
        }
        for (int r = a.top(); r < a.bottom(); r++) {
            for (int c = a.left(); c < a.right(); c++) {
                int tone = topographic ? Math.min(5, (c - a.left()) * 6 / a.cols()) : rng.nextInt(6);
                out.get(TONES.get(tone))[r * l.cols() + c] = (float) amplitude;
            }
        }
        return out;
    }
}

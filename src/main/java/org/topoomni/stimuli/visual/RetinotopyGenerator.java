package org.topoomni.stimuli.visual;

import org.topoomni.stimuli.Provenance;
import org.topoomni.stimuli.Stimulus;
import org.topoomni.stimuli.StimulusGenerator;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The "retinotopy" family: black-and-white checkerboard apertures on mid-grey, as in
 * retinotopic mapping with rotating wedges and expanding rings.
 * <ul>
 *   <li>{@code wedge_000} .. {@code wedge_315}: 45-degree wedges centred at 8 polar angles,
 *       measured counter-clockwise from the right horizontal meridian, reaching from the centre
 *       to the edge of the field (radius min(width, height) / 2);</li>
 *   <li>{@code ring_0} .. {@code ring_5}: annuli at 6 eccentricities whose borders are
 *       log-spaced ({@link #ringBounds(int)}): ring_0 is the central disc, ring_5 reaches the
 *       edge.</li>
 * </ul>
 * The checkerboard is polar (checks bounded by rays and by log-spaced circles, so check size
 * grows with eccentricity as cortical magnification suggests). The "flicker" is its contrast
 * phase: even exemplars have phase 0, odd ones phase 1 (black and white swapped); each exemplar
 * also varies the number of checks and the board's rotation slightly. Pixels are not
 * antialiased: every pixel is exactly grey (128), black (0) or white (255), computed with
 * StrictMath, so the images are the same on every platform.
 */
public final class RetinotopyGenerator implements StimulusGenerator {
    public static final String FAMILY = "retinotopy";
    public static final int DEFAULT_WIDTH = VisualGenerator.DEFAULT_WIDTH;
    public static final int DEFAULT_HEIGHT = VisualGenerator.DEFAULT_HEIGHT;
    public static final int GREY = 128;
    public static final int WEDGES = 8;
    public static final double WEDGE_WIDTH_DEG = 45;
    public static final int RINGS = 6;
    /** Inner radius of ring_1 (the edge of the central disc ring_0), as a fraction of the field radius. */
    public static final double INNER_FRACTION = 0.1;
    public static final List<String> CATEGORIES;

    static {
        List<String> c = new ArrayList<>();
        for (int k = 0; k < WEDGES; k++) c.add(String.format(Locale.ROOT, "wedge_%03d", k * 45));
        for (int k = 0; k < RINGS; k++) c.add("ring_" + k);
        CATEGORIES = List.copyOf(c);
    }

    private final int width, height;

    public RetinotopyGenerator() {
        this(DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    public RetinotopyGenerator(int width, int height) {
        if (width < 16 || height < 16) {
            throw new IllegalArgumentException("retinotopy stimuli must be at least 16 x 16 pixels, got " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
    }

    @Override
    public String family() {
        return FAMILY;
    }

    @Override
    public List<String> categories() {
        return CATEGORIES;
    }

    /** Field radius in pixels: from the centre to the nearest edge. */
    public double fieldRadius() {
        return Math.min(width, height) / 2.0;
    }

    /**
     * Inner and outer radius, in pixels, of ring {@code k}: b_0 = 0 and
     * b_j = R * INNER_FRACTION^((RINGS - j) / (RINGS - 1)) for j = 1..RINGS, so b_1 = 0.1 R and
     * b_6 = R, log-spaced in between.
     */
    public double[] ringBounds(int k) {
        if (k < 0 || k >= RINGS) throw new IllegalArgumentException("ring index must be 0.." + (RINGS - 1) + ", got " + k);
        return new double[]{bound(k), bound(k + 1)};
    }

    private double bound(int j) {
        if (j == 0) return 0;
        return fieldRadius() * StrictMath.pow(INNER_FRACTION, (RINGS - j) / (double) (RINGS - 1));
    }

    @Override
    public Stimulus generate(String category, int index, int run, long seed) {
        if (category == null || !CATEGORIES.contains(category)) {
            throw new IllegalArgumentException("unknown retinotopy category '" + category + "'; known: " + CATEGORIES);
        }
        if (index < 0) throw new IllegalArgumentException("exemplar index must be >= 0, got " + index);
        if (run < 1) throw new IllegalArgumentException("run must be >= 1, got " + run);
        SplittableRandom r = new SplittableRandom(seed);
        int phase = index % 2;
        double rotation = Drawing.u(r, -6, 6);                       // of the checkerboard, degrees
        double logStep = StrictMath.log(Drawing.u(r, 1.28, 1.45));         // radial check size (log units)
        double radialOffset = Drawing.u(r, 0, 1);                    // shifts the circles slightly
        Map<String, String> attrs = new TreeMap<>();
        attrs.put("phase", Integer.toString(phase));
        attrs.put("check_rotation_deg", String.format(Locale.ROOT, "%.2f", rotation));
        double angleCentre = Double.NaN, inner = 0, outer = fieldRadius(), checkDeg;
        if (category.startsWith("wedge_")) {
            angleCentre = Integer.parseInt(category.substring(6));
            checkDeg = WEDGE_WIDTH_DEG / Drawing.i(r, 3, 4);
            attrs.put("angle_deg", Integer.toString((int) angleCentre));
            attrs.put("wedge_width_deg", Double.toString(WEDGE_WIDTH_DEG));
        } else {
            int k = Integer.parseInt(category.substring(5));
            double[] b = ringBounds(k);
            inner = b[0];
            outer = b[1];
            checkDeg = 360.0 / (2 * Drawing.i(r, 8, 12));
            attrs.put("eccentricity_index", Integer.toString(k));
            attrs.put("inner_radius_px", String.format(Locale.ROOT, "%.2f", inner));
            attrs.put("outer_radius_px", String.format(Locale.ROOT, "%.2f", outer));
        }
        attrs.put("check_angle_deg", String.format(Locale.ROOT, "%.2f", checkDeg));
        double cx = width / 2.0, cy = height / 2.0;
        double minR = fieldRadius() * INNER_FRACTION * 0.5;
        int[] px = new int[width * height];
        int grey = (GREY << 16) | (GREY << 8) | GREY;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double dx = x + 0.5 - cx, dy = cy - (y + 0.5);     // y up: angles counter-clockwise
                double rad = StrictMath.hypot(dx, dy);
                double theta = Math.toDegrees(StrictMath.atan2(dy, dx)); // -180..180, 0 = right meridian
                boolean inside;
                if (!Double.isNaN(angleCentre)) {
                    double d = Math.abs(((theta - angleCentre) % 360 + 540) % 360 - 180);
                    inside = d <= WEDGE_WIDTH_DEG / 2 && rad <= outer;
                } else {
                    inside = rad >= inner && rad < outer;
                }
                if (!inside) {
                    px[y * width + x] = grey;
                    continue;
                }
                double a = ((theta - rotation) % 360 + 360) % 360;
                int angular = (int) Math.floor(a / checkDeg);
                int radial = (int) Math.floor(StrictMath.log(Math.max(rad, minR) / minR) / logStep + radialOffset);
                int v = ((angular + radial + phase) & 1) == 0 ? 0 : 255;
                px[y * width + x] = (v << 16) | (v << 8) | v;
            }
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, width, height, px, 0, width);
        String id = String.format(Locale.ROOT, "%s_%04d", category, index);
        return new Stimulus(id, category, run, img, null, null, attrs, Provenance.generated(FAMILY, seed));
    }
}

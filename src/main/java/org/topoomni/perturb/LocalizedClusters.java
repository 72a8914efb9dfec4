package org.topoomni.perturb;

import org.topoomni.map.Contrast;
import org.topoomni.map.Contrasts;
import org.topoomni.map.Region;
import org.topoomni.map.ResponseProfiles;
import org.topoomni.map.ResponseFiles;
import org.topoomni.map.SelectivityAnalysis;
import org.topoomni.results.ContrastSummary;
import org.topoomni.results.LocalizerSummary;
import org.topoomni.sheet.SheetResponses;
import org.topoomni.stats.Descriptives;
import org.topoomni.stimuli.Seeds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The category clusters a localizer run found, as perturbation needs them (METHOD.md section 6):
 * for a category X with a contrast of the same name (X against the other categories of the
 * localizer, e.g. faces &gt; bodies + objects + scenes),
 * <ul>
 * <li>the Welch t of the contrast on the <b>even</b> runs only, computed by
 * {@link SelectivityAnalysis} with the localizer's own smoothing, like the selection half of
 * {@link ResponseProfiles};</li>
 * <li>the mask at coverage p: the top p% of the contrast's region (the vision stack for the
 * visual categories) by that t, {@link ResponseProfiles#topUnits} (at least one unit for p &gt; 0,
 * none for p = 0);</li>
 * <li>the delta of every unit, from the <b>odd</b> runs: mean raw (unsmoothed) Z response to the
 * ON category minus mean response to the OFF stimuli (all of them pooled). Raw, because the
 * intervention adds to raw Z; selection and delta never share a stimulus;</li>
 * <li>random masks of the same size: units drawn uniformly without replacement from the same
 * region, with the category's delta at those units. For a seed and a mask number they are
 * nested across coverages (the first n units of one seeded permutation of the region), as the
 * cluster masks are (the first n units by t).</li>
 * </ul>
 * The contrasts are read from the localizer's {@code summary.json} (ON, OFF, region as run), or
 * taken from the standard set when the summary does not list them.
 */
public final class LocalizedClusters {
    public static final String RESPONSES_DIR = "responses", SUMMARY = LocalizerSummary.FILE;

    private final Path dir;
    private final SheetResponses raw;
    private final LocalizerSummary summary;
    private final SelectivityAnalysis.Settings settings;

    /** One category's cluster. */
    public record Cluster(String category, Contrast contrast, double[] evenT, int[] candidates, float[] delta,
                          int nOddOn, int nOddOff) {

        /** Units in the mask at a coverage (percent of the region). */
        public int size(double coverage) {
            checkCoverage(coverage);
            return coverage == 0 ? 0 : Math.max(1, (int) Math.floor(coverage / 100.0 * candidates.length + 1e-9));
        }

        /** The top {@code coverage}% of the region by even-run t. */
        public int[] mask(double coverage) {
            return size(coverage) == 0 ? new int[0] : ResponseProfiles.topUnits(evenT, candidates, coverage);
        }

        /** Random mask number {@code k} of the same size as {@link #mask}, drawn uniformly from the region. */
        public int[] randomMask(double coverage, int k, long seed) {
            int n = size(coverage);
            int[] perm = candidates.clone();
            SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, "perturb/random/" + category + "/" + k));
            for (int i = 0; i < n; i++) {
                int j = i + rng.nextInt(perm.length - i);
                int tmp = perm[i];
                perm[i] = perm[j];
                perm[j] = tmp;
            }
            return java.util.Arrays.copyOf(perm, n);
        }
    }

    private LocalizedClusters(Path dir, SheetResponses raw, LocalizerSummary summary, SelectivityAnalysis.Settings settings) {
        this.dir = dir;
        this.raw = raw;
        this.summary = summary;
        this.settings = settings;
    }

    /** Reads a {@code localize} output folder: its stored responses and its summary. */
    public static LocalizedClusters read(Path localizerDir) throws IOException {
        if (localizerDir == null) throw new IllegalArgumentException("no localizer folder given");
        if (!Files.isDirectory(localizerDir)) {
            throw new IllegalArgumentException("localizer folder not found: " + localizerDir + " (run ./topo-omni localize --out " + localizerDir + " first)");
        }
        Path responses = localizerDir.resolve(RESPONSES_DIR);
        if (!Files.isDirectory(responses)) {
            throw new IllegalArgumentException(localizerDir + " has no " + RESPONSES_DIR + "/ folder: not a localize output, or an unfinished one");
        }
        LocalizerSummary summary = Files.isRegularFile(localizerDir.resolve(SUMMARY)) ? LocalizerSummary.read(localizerDir.resolve(SUMMARY)) : null;
        SheetResponses raw = ResponseFiles.read(responses);
        SelectivityAnalysis.Settings s = SelectivityAnalysis.Settings.defaults().withPermutations(0);
        double fwhm = summary == null || summary.settings() == null ? Double.NaN : summary.settings().fwhm();
        if (Double.isFinite(fwhm)) s = s.withFwhm(fwhm);
        return new LocalizedClusters(localizerDir, raw, summary, s);
    }

    public SheetResponses responses() {
        return raw;
    }

    /** The smoothing FWHM of the even-run t maps (the localizer's). */
    public double fwhm() {
        return settings.fwhmFor(raw.layout());
    }

    /** The model name the localizer recorded, or null. */
    public String modelName() {
        return summary == null ? null : summary.model();
    }

    /** The contrast named after a category: from the summary if it lists it, else the standard one. */
    public Contrast contrast(String category) {
        List<String> known = new ArrayList<>();
        if (summary != null) {
            known.addAll(summary.contrasts().keySet());
            ContrastSummary c = summary.contrasts().get(category);
            if (c != null) {
                return new Contrast(category, strings(c.on()), strings(c.off()), c.region() != null ? Region.parse(c.region()) : Region.ALL,
                        Contrast.Kind.parse(c.kind()), null);
            }
        } else {
            for (Contrast c : Contrasts.standard()) {
                if (c.name().equals(category)) return c;
                known.add(c.name());
            }
        }
        throw new IllegalArgumentException("unknown category '" + category + "': the localizer run " + dir + " has no contrast of that name; its contrasts: " + known);
    }

    private List<String> strings(List<String> categories) {
        List<String> out = categories == null ? List.of() : List.copyOf(categories);
        if (out.isEmpty()) throw new IllegalArgumentException(dir.resolve(SUMMARY) + ": a contrast lacks its ON or OFF categories");
        return out;
    }

    /**
     * The cluster of a category: the contrast named after it (whose ON stimuli are the category's
     * own, e.g. faces, or its parts, e.g. fLoc's adult + child), its even-run t map, region and
     * odd-run deltas.
     */
    public Cluster cluster(String category) {
        Contrast c = contrast(category);
        double[] t = SelectivityAnalysis.run(raw, c, settings, ResponseProfiles.EVEN).t();
        int[] on = raw.rowsOf(c.on(), ResponseProfiles.ODD), off = raw.rowsOf(c.off(), ResponseProfiles.ODD);
        if (on.length == 0 || off.length == 0) {
            throw new IllegalArgumentException("contrast '" + category + "': the odd runs hold " + on.length + " ON and " + off.length
                    + " OFF stimuli; the deltas need both");
        }
        double[] mOn = Descriptives.columnMeans(raw.data(), raw.units(), on), mOff = Descriptives.columnMeans(raw.data(), raw.units(), off);
        float[] delta = new float[raw.units()];
        for (int u = 0; u < delta.length; u++) delta[u] = (float) (mOn[u] - mOff[u]);
        return new Cluster(category, c, t, c.region().units(raw.layout()), delta, on.length, off.length);
    }

    static void checkCoverage(double coverage) {
        if (!(coverage >= 0 && coverage <= 100)) throw new IllegalArgumentException("coverage must be a percentage in [0, 100], got " + coverage);
    }
}

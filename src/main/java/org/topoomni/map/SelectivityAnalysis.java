package org.topoomni.map;

import org.topoomni.sheet.SheetLayout;
import org.topoomni.sheet.SheetResponses;
import org.topoomni.stats.FDR;
import org.topoomni.stats.IslandMoransI;
import org.topoomni.stats.IslandResult;
import org.topoomni.stats.WelchResult;
import org.topoomni.stats.WelchT;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Selectivity map of one contrast on the sheet (METHOD.md sections 4-5): every stimulus's sheet
 * map is smoothed, each unit gets a one-sided Welch t-test ON &gt; OFF (t map, Cohen's d effect
 * size map), the p-values are corrected with Benjamini-Hochberg FDR (q map), significant units
 * are q &lt; threshold and t &gt; 0, and their spatial clustering is measured with island Moran's I.
 *
 * <p><b>Smoothing.</b> The default FWHM scales the paper's 4 units on its 304 x 512 sheet with
 * the sheet's linear size: {@code fwhm = 4 * sqrt(rows * cols / (304 * 512))} (the geometric mean
 * of the row and column ratios; exactly 4 on the paper's sheet, 0.56 on a 48 x 64 sheet).
 * The whole sheet is smoothed as one image, like the paper's evaluation.
 *
 * <p><b>Region.</b> The t map and the q map are computed over the whole sheet (one FDR family of
 * all units, like the paper, which applies its anatomical constraint after the statistics). The
 * contrast's region then selects what is read: the significance mask, the number of significant
 * units, the islands and their Moran's I, and the peak are those inside the region. Counts per
 * region and per layer are given for the whole sheet (so the region's own count equals the number
 * of significant units and the others show where else the contrast lights up).
 */
public final class SelectivityAnalysis {

    /** The paper's FWHM and the sheet it was set for. */
    public static final double REFERENCE_FWHM = 4.0;
    public static final int REFERENCE_ROWS = 304, REFERENCE_COLS = 512;

    private SelectivityAnalysis() {
    }

    /** 4 * sqrt(rows * cols / (304 * 512)): the paper's FWHM scaled to this sheet. */
    public static double defaultFwhm(SheetLayout layout) {
        return REFERENCE_FWHM * Math.sqrt((double) layout.rows() * layout.cols() / ((double) REFERENCE_ROWS * REFERENCE_COLS));
    }

    /**
     * Settings of the analysis.
     *
     * @param fwhm          smoothing FWHM in sheet units; NaN: {@link #defaultFwhm}; 0: none
     * @param q             FDR threshold (significant: q &lt; this and t &gt; 0)
     * @param permutations  permutations per island for Moran's I
     * @param minIslandSize smallest island kept
     * @param seed          seed of the permutations
     */
    public record Settings(double fwhm, double q, int permutations, int minIslandSize, long seed) {
        public Settings {
            if (!Double.isNaN(fwhm)) SmoothedResponses.checkFwhm(fwhm);
            if (!(q > 0 && q <= 1)) throw new IllegalArgumentException("FDR threshold q must be in (0, 1], got " + q);
            if (permutations < 0) throw new IllegalArgumentException("number of permutations must be >= 0, got " + permutations);
            if (minIslandSize < 2) throw new IllegalArgumentException("minimum island size must be at least 2, got " + minIslandSize);
        }

        /** Paper defaults: FWHM scaled to the sheet, q &lt; 0.001, 999 permutations, islands of 8+ units, seed 0. */
        public static Settings defaults() {
            return new Settings(Double.NaN, 0.001, IslandMoransI.DEFAULT_PERMUTATIONS, IslandMoransI.DEFAULT_MIN_SIZE, 0);
        }

        public Settings withFwhm(double f) {
            return new Settings(f, q, permutations, minIslandSize, seed);
        }

        public Settings withQ(double v) {
            return new Settings(fwhm, v, permutations, minIslandSize, seed);
        }

        public Settings withPermutations(int p) {
            return new Settings(fwhm, q, p, minIslandSize, seed);
        }

        public Settings withSeed(long s) {
            return new Settings(fwhm, q, permutations, minIslandSize, s);
        }

        /** The FWHM used on this sheet. */
        public double fwhmFor(SheetLayout layout) {
            return Double.isNaN(fwhm) ? defaultFwhm(layout) : fwhm;
        }
    }

    /** Runs a contrast on raw responses over all runs (only its ON and OFF stimuli are smoothed). */
    public static SelectivityMap run(SheetResponses raw, Contrast contrast, Settings settings) {
        return run(raw, contrast, settings, null);
    }

    /** Runs a contrast on raw responses, using only the stimuli whose run passes {@code runs} (null: all). */
    public static SelectivityMap run(SheetResponses raw, Contrast contrast, Settings settings, IntPredicate runs) {
        int[][] g = groups(raw, contrast, runs);
        int[] rows = new int[g[0].length + g[1].length];
        System.arraycopy(g[0], 0, rows, 0, g[0].length);
        System.arraycopy(g[1], 0, rows, g[0].length, g[1].length);
        SmoothedResponses sm = SmoothedResponses.ofRows(raw, rows, settings.fwhmFor(raw.layout()));
        int[] on = range(0, g[0].length), off = range(g[0].length, rows.length);
        return test(sm, contrast, settings, on, off);
    }

    /**
     * Runs a contrast on responses already smoothed (e.g. once for all contrasts); the recorded
     * FWHM is theirs and {@code settings.fwhm()} is not used.
     */
    public static SelectivityMap run(SmoothedResponses smoothed, Contrast contrast, Settings settings, IntPredicate runs) {
        int[][] g = groups(smoothed.responses(), contrast, runs);
        return test(smoothed, contrast, settings, g[0], g[1]);
    }

    /** ON and OFF row indices of a contrast, checked (known categories, at least 2 each). */
    static int[][] groups(SheetResponses r, Contrast contrast, IntPredicate runs) {
        if (r == null) throw new IllegalArgumentException("responses are missing (null)");
        if (contrast == null) throw new IllegalArgumentException("contrast is missing (null)");
        contrast.validateAgainst(r.categories());
        int[] on = r.rowsOf(contrast.on(), runs), off = r.rowsOf(contrast.off(), runs);
        String which = runs == null ? "" : " in the runs used";
        if (on.length < 2) {
            throw new IllegalArgumentException("contrast '" + contrast.name() + "': the ON group " + contrast.on() + " has "
                    + on.length + " stimul" + (on.length == 1 ? "us" : "i") + which + "; the Welch t-test needs at least 2");
        }
        if (off.length < 2) {
            throw new IllegalArgumentException("contrast '" + contrast.name() + "': the OFF group " + contrast.off() + " has "
                    + off.length + " stimul" + (off.length == 1 ? "us" : "i") + which + "; the Welch t-test needs at least 2");
        }
        return new int[][] {on, off};
    }

    private static SelectivityMap test(SmoothedResponses sm, Contrast contrast, Settings s, int[] on, int[] off) {
        SheetResponses r = sm.responses();
        SheetLayout layout = r.layout();
        WelchResult w = WelchT.welch(r.data(), r.units(), on, off);
        double[] q = FDR.benjaminiHochberg(w.pGreater());
        boolean[] sheetMask = IslandMoransI.significantCells(q, w.t(), s.q());
        boolean[] region = contrast.region().mask(layout);
        boolean[] mask = new boolean[sheetMask.length];
        for (int u = 0; u < mask.length; u++) mask[u] = sheetMask[u] && region[u];
        IslandResult islands = IslandMoransI.compute(w.t(), mask, layout.rows(), layout.cols(), s.minIslandSize(), s.permutations(), s.seed());
        return new SelectivityMap(contrast, layout, sm.fwhm(), s.q(), w.t(), q, w.cohenD(), sheetMask, mask, islands,
                on.length, off.length, SelectivityMap.peak(layout, w.t(), sheetMask, region));
    }

    static int[] range(int a, int b) {
        int[] out = new int[b - a];
        for (int i = 0; i < out.length; i++) out[i] = a + i;
        return out;
    }

    /** Runs of a list of rows, as a sorted list of distinct values (for messages). */
    static List<Integer> runsOf(SheetResponses r) {
        List<Integer> out = new ArrayList<>();
        for (SheetResponses.Row row : r.rows()) if (!out.contains(row.run())) out.add(row.run());
        out.sort(null);
        return out;
    }
}

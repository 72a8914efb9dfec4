package org.topoomni.bench;

import org.topoomni.map.Contrast;
import org.topoomni.map.SelectivityAnalysis;
import org.topoomni.map.SelectivityMap;
import org.topoomni.map.SmoothedResponses;
import org.topoomni.map.SyntheticResponses;
import org.topoomni.sheet.SheetLayout;
import org.topoomni.sheet.SheetResponses;
import org.topoomni.stats.FDR;
import org.topoomni.stats.IslandMoransI;
import org.topoomni.stats.WelchResult;
import org.topoomni.stats.WelchT;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times one contrast's statistics on a full sheet, the way a localizer runs them: Gaussian
 * smoothing of every stimulus's map, Welch t per unit, Benjamini-Hochberg FDR, significance mask
 * and island Moran's I with 999 permutations, on synthetic stimuli (half ON, half OFF) with a few
 * planted patches.
 */
public final class AnalysisBenchmark {

    private AnalysisBenchmark() {
    }

    public record Settings(SheetLayout layout, int stimuli, int warmup, int repetitions, int permutations, long seed) {}

    public record Result(double medianMs, double minMs, SelectivityMap last) {}

    /** The planted patches: one in each modality's stacks, scaled to the sheet. */
    public static List<SyntheticResponses.Patch> patches(SheetLayout l) {
        double s = Math.sqrt((double) l.rows() * l.cols() / (304.0 * 512.0));
        return List.of(
                new SyntheticResponses.Patch(l.rows() * 0.25, l.cols() * 0.25, 12 * s, 0.8),
                new SyntheticResponses.Patch(l.rows() * 0.20, l.cols() * 0.75, 10 * s, 0.8),
                new SyntheticResponses.Patch(l.rows() * 0.75, l.cols() * 0.50, 15 * s, 0.6),
                new SyntheticResponses.Patch(l.rows() * 0.40, l.cols() * 0.10, 6 * s, 1.0));
    }

    public static Result run(Settings s, PrintStream out) {
        if (s.repetitions() < 1) throw new IllegalArgumentException("need at least one timed repetition, got " + s.repetitions());
        if (s.stimuli() < 4) throw new IllegalArgumentException("need at least 4 stimuli (2 ON, 2 OFF), got " + s.stimuli());
        if (s.warmup() < 0) throw new IllegalArgumentException("warm-up repetitions must be >= 0, got " + s.warmup());
        SheetLayout l = s.layout();
        int nOn = s.stimuli() / 2, nOff = s.stimuli() - nOn;
        out.printf(Locale.ROOT, "analysis benchmark: sheet %d x %d (%,d units), %d stimuli (%d ON / %d OFF), %d planted patches%n",
                l.rows(), l.cols(), l.units(), s.stimuli(), nOn, nOff, patches(l).size());
        SheetResponses r = SyntheticResponses.onOff(l, nOn, nOff, patches(l), 2, s.seed());
        Contrast c = Contrast.of("bench", List.of("on"), List.of("off"));
        SelectivityAnalysis.Settings settings = SelectivityAnalysis.Settings.defaults().withPermutations(s.permutations()).withSeed(s.seed());
        out.printf(Locale.ROOT, "per repetition: smoothing (FWHM %.2f) + Welch t + BH-FDR (q < %s) + island Moran's I (%d permutations); %d threads%n",
                settings.fwhmFor(l), settings.q(), s.permutations(), Runtime.getRuntime().availableProcessors());
        double[] times = new double[s.repetitions()];
        SelectivityMap last = null;
        for (int rep = -s.warmup(); rep < s.repetitions(); rep++) {
            long t0 = System.nanoTime();
            last = SelectivityAnalysis.run(r, c, settings);
            double ms = (System.nanoTime() - t0) / 1e6;
            if (rep >= 0) times[rep] = ms;
            out.printf(Locale.ROOT, "%s %d: %.1f ms (%,d significant units, %d islands, Moran's I %.3f)%n", rep < 0 ? "warm-up" : "run",
                    rep < 0 ? rep + s.warmup() + 1 : rep + 1, ms, last.nSignificant(), last.islands().nIslands(), last.islands().meanI());
        }
        stages(r, settings, out);
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Result(median, sorted[0], last);
    }

    /** One instrumented pass, stage by stage. */
    private static void stages(SheetResponses r, SelectivityAnalysis.Settings s, PrintStream out) {
        int n = r.stimuli();
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        long t0 = System.nanoTime();
        SmoothedResponses sm = SmoothedResponses.ofRows(r, all, s.fwhmFor(r.layout()));
        long t1 = System.nanoTime();
        int[] on = r.rowsOf(List.of("on"), null), off = r.rowsOf(List.of("off"), null);
        WelchResult w = WelchT.welch(sm.responses().data(), r.units(), on, off);
        long t2 = System.nanoTime();
        double[] q = FDR.benjaminiHochberg(w.pGreater());
        boolean[] mask = IslandMoransI.significantCells(q, w.t(), s.q());
        long t3 = System.nanoTime();
        IslandMoransI.compute(w.t(), mask, r.layout().rows(), r.layout().cols(), s.minIslandSize(), s.permutations(), s.seed());
        long t4 = System.nanoTime();
        out.printf(Locale.ROOT, "stages: copy + smoothing %.1f ms, Welch t %.1f ms, FDR + mask %.1f ms, island Moran's I %.1f ms%n",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6);
    }
}

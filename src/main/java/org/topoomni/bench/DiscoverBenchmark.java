package org.topoomni.bench;

import org.topoomni.discover.Discovery;
import org.topoomni.discover.SyntheticPool;
import org.topoomni.sheet.SheetLayout;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times the statistics of a screening (everything after the forward passes): smoothing every
 * item's sheet map, the Ward tree of the embeddings, the top-down walk, and each cluster's map
 * (Welch t, FDR, island Moran's I with 999 permutations), on a synthetic pool with planted
 * responsive groups ({@link SyntheticPool}); it also checks that the walk found them.
 */
public final class DiscoverBenchmark {

    private DiscoverBenchmark() {
    }

    /**
     * @param items        pool size (a multiple of 2 x pairs)
     * @param pairs        pairs of groups (one responsive, one not)
     * @param dim          embedding width
     * @param permutations permutations per island
     * @param repetitions  timed repetitions
     */
    public record Settings(SheetLayout layout, int items, int pairs, int dim, int permutations, int repetitions, long seed) {}

    /** Median and minimum wall time of one screening's statistics, the stages of the last run, and how many planted groups it found. */
    public record Result(double medianMs, double minMs, Discovery.Analysis last, int recovered) {}

    public static Result run(Settings s, PrintStream out) {
        if (s.repetitions() < 1) throw new IllegalArgumentException("need at least one timed repetition, got " + s.repetitions());
        if (s.pairs() < 1 || s.items() % (2 * s.pairs()) != 0 || s.items() / (2 * s.pairs()) < 2) {
            throw new IllegalArgumentException("items (" + s.items() + ") must be a multiple of 2 x pairs (" + 2 * s.pairs() + ") with at least 2 items per group");
        }
        SheetLayout l = s.layout();
        int perGroup = s.items() / (2 * s.pairs());
        long g0 = System.nanoTime();
        SyntheticPool pool = SyntheticPool.planted(l, s.pairs(), perGroup, s.dim(), s.seed());
        out.printf(Locale.ROOT, "discover benchmark: sheet %d x %d (%,d units), %d items in %d groups of %d (%d responsive), %d-dimensional embeddings "
                        + "(made in %.1f s); %d permutations per island; %d threads%n", l.rows(), l.cols(), l.units(), s.items(), 2 * s.pairs(), perGroup,
                s.pairs(), s.dim(), (System.nanoTime() - g0) / 1e9, s.permutations(), Runtime.getRuntime().availableProcessors());
        Discovery.Settings settings = Discovery.Settings.defaults().withPermutations(s.permutations()).withSeed(s.seed());
        double[] times = new double[s.repetitions()];
        Discovery.Analysis last = null;
        for (int rep = 0; rep < s.repetitions(); rep++) {
            long t0 = System.nanoTime();
            last = Discovery.analyse(pool.responses(), pool.embeddings(), pool.dim(), null, settings, null);
            times[rep] = (System.nanoTime() - t0) / 1e6;
            StringBuilder stages = new StringBuilder();
            last.seconds().forEach((k, v) -> stages.append(String.format(Locale.ROOT, "%s %.2f s, ", k, v)));
            out.printf(Locale.ROOT, "run %d: %.0f ms (%s%d clusters of %d-%d items)%n", rep + 1, times[rep], stages, last.clusters().size(),
                    last.walk().minSize(), last.walk().maxSize());
        }
        int recovered = 0;
        for (int g = 0; g < 2 * s.pairs(); g += 2) {
            int[] rows = pool.rows(g);
            for (Discovery.Found f : last.clusters()) {
                int[] m = f.cluster().members().clone();
                Arrays.sort(m);
                if (Arrays.equals(m, rows)) recovered++;
            }
        }
        out.printf(Locale.ROOT, "planted responsive groups found exactly as clusters: %d of %d%n", recovered, s.pairs());
        return new Result(Timing.median(times), Arrays.stream(times).min().orElse(Double.NaN), last, recovered);
    }
}

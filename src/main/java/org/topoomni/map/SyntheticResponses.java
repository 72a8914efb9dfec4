package org.topoomni.map;

import org.topoomni.sheet.SheetLayout;
import org.topoomni.sheet.SheetResponses;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Synthetic sheet responses with known answers, for tests and benchmarks: every unit responds
 * with independent standard normal noise, and the stimuli of the ON category respond more inside
 * planted discs ("patches"). A correct pipeline finds the patches and nothing else.
 */
public final class SyntheticResponses {

    private SyntheticResponses() {
    }

    /** A disc of units centred at (row, col) whose ON response is raised by {@code amplitude} noise sd. */
    public record Patch(double row, double col, double radius, double amplitude) {
        public boolean contains(int r, int c) {
            double dr = r - row, dc = c - col;
            return dr * dr + dc * dc <= radius * radius;
        }

        /** Row-major mask of the disc on a sheet. */
        public boolean[] mask(SheetLayout l) {
            boolean[] m = new boolean[l.units()];
            for (int r = 0; r < l.rows(); r++) for (int c = 0; c < l.cols(); c++) m[r * l.cols() + c] = contains(r, c);
            return m;
        }
    }

    /**
     * {@code nOn} stimuli of category "on" and {@code nOff} of category "off", runs assigned in turn
     * 1, 2, ..., {@code runs}; unit noise N(0, 1); the ON stimuli add each patch's amplitude inside it.
     * Deterministic in the seed (each stimulus draws from its own split generator).
     */
    public static SheetResponses onOff(SheetLayout l, int nOn, int nOff, List<Patch> patches, int runs, long seed) {
        if (nOn < 0 || nOff < 0 || nOn + nOff == 0) throw new IllegalArgumentException("need a positive number of stimuli, got " + nOn + " ON and " + nOff + " OFF");
        if (runs < 1) throw new IllegalArgumentException("runs must be at least 1, got " + runs);
        int n = nOn + nOff, units = l.units();
        float[] data = new float[n * units];
        List<SheetResponses.Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String cat = i < nOn ? "on" : "off";
            int k = i < nOn ? i : i - nOn;
            rows.add(new SheetResponses.Row(cat + "_" + k, cat, 1 + k % runs));
        }
        SplittableRandom master = new SplittableRandom(seed);
        SplittableRandom[] rngs = new SplittableRandom[n];
        for (int i = 0; i < n; i++) rngs[i] = master.split();
        float[] boost = new float[units];
        for (Patch p : patches) {
            boolean[] m = p.mask(l);
            for (int u = 0; u < units; u++) if (m[u]) boost[u] += (float) p.amplitude();
        }
        IntStream.range(0, n).parallel().forEach(i -> {
            SplittableRandom rng = rngs[i];
            int base = i * units;
            boolean on = i < nOn;
            for (int u = 0; u < units; u++) data[base + u] = (float) rng.nextGaussian() + (on ? boost[u] : 0f);
        });
        return new SheetResponses(l, data, rows);
    }
}

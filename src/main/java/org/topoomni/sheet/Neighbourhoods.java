package org.topoomni.sheet;

import java.util.SplittableRandom;

/**
 * A batch of disc neighbourhoods on a sheet: centres drawn uniformly from all units by a seeded
 * generator; each neighbourhood lists, for every cell of the {@link Disc} template, the sheet unit
 * there, or -1 where the disc leaves the sheet.
 *
 * @param disc    the shared template
 * @param centres the centre unit of each neighbourhood
 * @param units   {@code count x disc.size()} unit indices, row-major, -1 for clipped cells
 */
public record Neighbourhoods(Disc disc, int[] centres, int[] units) {

    public int count() { return centres.length; }

    /** Cells per neighbourhood before clipping. */
    public int size() { return disc.size(); }

    public int unit(int neighbourhood, int cell) { return units[neighbourhood * disc.size() + cell]; }

    /** Number of cells of a neighbourhood that lie on the sheet. */
    public int validCount(int neighbourhood) {
        int k = disc.size(), n = 0;
        for (int i = 0; i < k; i++) if (units[neighbourhood * k + i] >= 0) n++;
        return n;
    }

    /** Draws {@code count} neighbourhoods of the given radius. */
    public static Neighbourhoods sample(SheetLayout layout, double radius, int count, SplittableRandom rng) {
        return sample(layout.rows(), layout.cols(), new Disc(radius), count, rng);
    }

    public static Neighbourhoods sample(int rows, int cols, Disc disc, int count, SplittableRandom rng) {
        if (count <= 0) throw new IllegalArgumentException("number of neighbourhoods must be positive, got " + count);
        if (rows <= 0 || cols <= 0) throw new IllegalArgumentException("sheet must have positive size, got " + rows + " x " + cols);
        int[] centres = new int[count];
        for (int n = 0; n < count; n++) centres[n] = rng.nextInt(rows * cols);
        return around(rows, cols, disc, centres);
    }

    /**
     * Draws {@code count} neighbourhoods centred on units of {@code region} and keeps only their
     * units inside it (the others count as off the sheet): a loss over one part of the sheet,
     * e.g. the language stack for items that drive nothing else.
     */
    public static Neighbourhoods sampleWithin(SheetLayout layout, double radius, int count, int[] region, SplittableRandom rng) {
        if (count <= 0) throw new IllegalArgumentException("number of neighbourhoods must be positive, got " + count);
        if (region == null || region.length == 0) throw new IllegalArgumentException("the region to sample neighbourhoods in is empty");
        int[] centres = new int[count];
        for (int n = 0; n < count; n++) centres[n] = region[rng.nextInt(region.length)];
        Neighbourhoods all = around(layout.rows(), layout.cols(), new Disc(radius), centres);
        boolean[] in = new boolean[layout.units()];
        for (int u : region) in[u] = true;
        int[] kept = all.units().clone();
        for (int i = 0; i < kept.length; i++) if (kept[i] >= 0 && !in[kept[i]]) kept[i] = -1;
        return new Neighbourhoods(all.disc(), centres, kept);
    }

    /** Neighbourhoods around given centre units. */
    public static Neighbourhoods around(int rows, int cols, Disc disc, int[] centres) {
        int k = disc.size(), count = centres.length;
        int[] units = new int[count * k];
        for (int n = 0; n < count; n++) {
            int c = centres[n];
            if (c < 0 || c >= rows * cols) {
                throw new IllegalArgumentException("centre " + c + " is outside the " + rows + " x " + cols + " sheet");
            }
            int cr = c / cols, cc = c % cols;
            for (int i = 0; i < k; i++) {
                int r = cr + disc.dy(i), q = cc + disc.dx(i);
                units[n * k + i] = (r >= 0 && r < rows && q >= 0 && q < cols) ? r * cols + q : -1;
            }
        }
        return new Neighbourhoods(disc, centres, units);
    }
}

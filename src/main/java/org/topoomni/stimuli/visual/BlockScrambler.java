package org.topoomni.stimuli.visual;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Block scrambling, the control of the fLoc-style object localizer: the image is cut into a
 * grid x grid array of equal blocks which are permuted, so the pixels (and with them the
 * luminance and colour histogram and most local statistics) stay exactly the same while the
 * shape is destroyed. The permutation is a single cycle (Sattolo's algorithm), so no block
 * stays in place. Rows or columns left over when the size is not a multiple of the grid stay
 * where they are.
 */
public final class BlockScrambler {
    private BlockScrambler() {}

    /** A uniformly random cyclic permutation of 0..n-1 (no fixed point when n &gt;= 2). */
    public static int[] cyclicPermutation(int n, SplittableRandom r) {
        if (n < 1) throw new IllegalArgumentException("permutation size must be >= 1, got " + n);
        int[] p = new int[n];
        for (int k = 0; k < n; k++) p[k] = k;
        for (int k = n - 1; k > 0; k--) {
            int j = r.nextInt(k); // j < k: Sattolo
            int t = p[k];
            p[k] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * Returns a new RGB image whose block {@code b} holds the source's block {@code perm[b]}.
     *
     * @param grid blocks per side (8 for the localizer)
     */
    public static BufferedImage scramble(BufferedImage src, int grid, SplittableRandom r) {
        int w = src.getWidth(), h = src.getHeight();
        if (grid < 2) throw new IllegalArgumentException("scramble grid must be >= 2, got " + grid);
        if (w < grid || h < grid) {
            throw new IllegalArgumentException("image " + w + "x" + h + " is smaller than the " + grid + "x" + grid + " scramble grid");
        }
        int bw = w / grid, bh = h / grid;
        int[] px = src.getRGB(0, 0, w, h, null, 0, w);
        int[] out = px.clone();
        int[] perm = cyclicPermutation(grid * grid, r);
        for (int b = 0; b < perm.length; b++) {
            int dx = (b % grid) * bw, dy = (b / grid) * bh;
            int sx = (perm[b] % grid) * bw, sy = (perm[b] / grid) * bh;
            for (int y = 0; y < bh; y++) {
                System.arraycopy(px, (sy + y) * w + sx, out, (dy + y) * w + dx, bw);
            }
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, h, out, 0, w);
        return img;
    }
}

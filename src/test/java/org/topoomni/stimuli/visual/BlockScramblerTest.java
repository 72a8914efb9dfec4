package org.topoomni.stimuli.visual;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class BlockScramblerTest {

    @Test
    void cyclicPermutationHasNoFixedPoint() {
        SplittableRandom r = new SplittableRandom(3);
        for (int n : new int[]{2, 3, 64}) {
            for (int rep = 0; rep < 20; rep++) {
                int[] p = BlockScrambler.cyclicPermutation(n, r);
                int[] sorted = p.clone();
                Arrays.sort(sorted);
                for (int k = 0; k < n; k++) {
                    assertEquals(k, sorted[k]);
                    assertNotEquals(k, p[k], "no block stays in place");
                }
                // a single cycle
                int len = 0, k = 0;
                do {
                    k = p[k];
                    len++;
                } while (k != 0);
                assertEquals(n, len);
            }
        }
        assertArrayEquals(new int[]{0}, BlockScrambler.cyclicPermutation(1, r));
        assertThrows(IllegalArgumentException.class, () -> BlockScrambler.cyclicPermutation(0, r));
    }

    @Test
    void scramblingKeepsEveryPixelAndMovesEveryBlock() {
        for (int[] size : new int[][]{{96, 96}, {100, 90}}) {
            int w = size[0], h = size[1];
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, y * w + x); // all distinct
            BufferedImage s = BlockScrambler.scramble(img, 8, new SplittableRandom(1));
            int[] a = img.getRGB(0, 0, w, h, null, 0, w), b = s.getRGB(0, 0, w, h, null, 0, w);
            int[] sa = a.clone(), sb = b.clone();
            Arrays.sort(sa);
            Arrays.sort(sb);
            assertArrayEquals(sa, sb);
            int bw = w / 8, bh = h / 8, moved = 0;
            for (int y = 0; y < 8 * bh; y++) for (int x = 0; x < 8 * bw; x++) if (a[y * w + x] != b[y * w + x]) moved++;
            assertEquals(64 * bw * bh, moved, "every pixel of the grid moved");
            for (int y = 8 * bh; y < h; y++) for (int x = 0; x < w; x++) assertEquals(a[y * w + x], b[y * w + x], "leftover rows stay");
        }
    }

    @Test
    void rejectsTooSmallImagesAndGrids() {
        BufferedImage tiny = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        assertThrows(IllegalArgumentException.class, () -> BlockScrambler.scramble(tiny, 8, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> BlockScrambler.scramble(tiny, 1, new SplittableRandom(1)));
    }
}

package org.topoomni.stimuli.visual;

import org.junit.jupiter.api.Test;
import org.topoomni.stimuli.Seeds;
import org.topoomni.stimuli.Stimulus;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class RetinotopyGeneratorTest {
    static final RetinotopyGenerator GEN = new RetinotopyGenerator();

    static Stimulus make(String c, int i, long seed) {
        return GEN.generate(c, i, 1, Seeds.item(seed, "retinotopy", c, i));
    }

    @Test
    void eightWedgesAndSixRings() {
        assertEquals(List.of("wedge_000", "wedge_045", "wedge_090", "wedge_135", "wedge_180", "wedge_225", "wedge_270",
                "wedge_315", "ring_0", "ring_1", "ring_2", "ring_3", "ring_4", "ring_5"), GEN.categories());
        assertEquals("retinotopy", GEN.family());
    }

    @Test
    void onlyBlackWhiteAndMidGreyPixels() {
        for (String c : GEN.categories()) {
            BufferedImage img = make(c, 0, 3).image();
            assertEquals(96, img.getWidth());
            assertEquals(BufferedImage.TYPE_INT_RGB, img.getType());
            int black = 0, white = 0;
            for (int v : img.getRGB(0, 0, 96, 96, null, 0, 96)) {
                int rgb = v & 0xffffff;
                assertTrue(rgb == 0 || rgb == 0xffffff || rgb == 0x808080, c + ": " + Integer.toHexString(rgb));
                if (rgb == 0) black++;
                if (rgb == 0xffffff) white++;
            }
            assertTrue(black > 0 && white > 0, c + " is a checkerboard");
            assertEquals(0.5, black / (double) (black + white), 0.2, c + ": about as much black as white");
        }
    }

    /** Centroid of the non-grey pixels relative to the centre, y pointing up: {x, y, mean radius}. */
    static double[] centroid(BufferedImage img) {
        double sx = 0, sy = 0, sr = 0;
        int n = 0;
        int w = img.getWidth(), h = img.getHeight();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if ((img.getRGB(x, y) & 0xffffff) == 0x808080) continue;
                double dx = x + 0.5 - w / 2.0, dy = h / 2.0 - (y + 0.5);
                sx += dx;
                sy += dy;
                sr += Math.hypot(dx, dy);
                n++;
            }
        }
        return new double[]{sx / n, sy / n, sr / n};
    }

    @Test
    void eachWedgeIsCentredOnItsPolarAngleCounterClockwiseFromTheRight() {
        for (int k = 0; k < 8; k++) {
            int a = 45 * k;
            String c = String.format("wedge_%03d", a);
            for (int i = 0; i < 3; i++) {
                Stimulus s = make(c, i, 11);
                assertEquals(Integer.toString(a), s.attributes().get("angle_deg"));
                double[] m = centroid(s.image());
                double angle = Math.toDegrees(Math.atan2(m[1], m[0]));
                double diff = Math.abs(((angle - a) % 360 + 540) % 360 - 180);
                assertTrue(diff < 2.0, c + ": centroid at " + angle + " degrees");
                assertTrue(Math.hypot(m[0], m[1]) > 15, c + ": mass away from the centre");
                // every checked pixel lies within the 45-degree wedge (half a pixel of slack)
                BufferedImage img = s.image();
                for (int y = 0; y < 96; y++) {
                    for (int x = 0; x < 96; x++) {
                        if ((img.getRGB(x, y) & 0xffffff) == 0x808080) continue;
                        double dx = x + 0.5 - 48, dy = 48 - (y + 0.5);
                        double t = Math.toDegrees(Math.atan2(dy, dx));
                        double d = Math.abs(((t - a) % 360 + 540) % 360 - 180);
                        assertTrue(d <= 22.5 + 1e-9, c + " pixel " + x + "," + y + " at " + t);
                        assertTrue(Math.hypot(dx, dy) <= GEN.fieldRadius() + 1e-9);
                    }
                }
            }
        }
    }

    @Test
    void ringsAreLogSpacedAndTheirMeanRadiusGrowsWithEccentricity() {
        double prev = -1;
        double[] b1 = GEN.ringBounds(1);
        for (int k = 0; k < 6; k++) {
            double[] b = GEN.ringBounds(k);
            if (k == 0) assertEquals(0, b[0]);
            if (k == 5) assertEquals(48, b[1], 1e-9, "the last ring reaches the edge");
            if (k >= 1) assertEquals(b1[1] / b1[0], b[1] / b[0], 1e-9, "log-spaced");
            Stimulus s = make("ring_" + k, 0, 5);
            assertEquals(Integer.toString(k), s.attributes().get("eccentricity_index"));
            double[] m = centroid(s.image());
            assertEquals(0, m[0], 1.0, "ring_" + k + " is centred");
            assertEquals(0, m[1], 1.0, "ring_" + k + " is centred");
            assertTrue(m[2] > prev, "ring_" + k + " mean radius " + m[2] + " after " + prev);
            assertTrue(m[2] >= b[0] && m[2] <= b[1], "mean radius inside the ring");
            prev = m[2];
        }
        assertThrows(IllegalArgumentException.class, () -> GEN.ringBounds(6));
    }

    @Test
    void flickerAlternatesContrastPhaseAndExemplarsDiffer() {
        long seed = 1234;
        for (String c : List.of("wedge_090", "ring_3")) {
            Stimulus even = GEN.generate(c, 0, 1, seed), odd = GEN.generate(c, 1, 1, seed);
            assertEquals("0", even.attributes().get("phase"));
            assertEquals("1", odd.attributes().get("phase"));
            int[] a = even.image().getRGB(0, 0, 96, 96, null, 0, 96), b = odd.image().getRGB(0, 0, 96, 96, null, 0, 96);
            for (int k = 0; k < a.length; k++) {
                int x = a[k] & 0xffffff, y = b[k] & 0xffffff;
                if (x == 0x808080) assertEquals(0x808080, y);
                else assertEquals(0xffffff, x ^ y, "black and white swap");
            }
            // another seed varies the check size / rotation
            int[] other = make(c, 0, 99).image().getRGB(0, 0, 96, 96, null, 0, 96);
            int[] same = GEN.generate(c, 0, 1, seed).image().getRGB(0, 0, 96, 96, null, 0, 96);
            assertArrayEquals(a, same, "deterministic");
            assertFalse(Arrays.equals(a, other), "exemplars differ");
        }
    }

    @Test
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> GEN.generate("wedge_010", 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> GEN.generate("ring_0", -1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> GEN.generate("ring_0", 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new RetinotopyGenerator(8, 8));
    }
}

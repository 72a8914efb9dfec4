package org.topoomni.sheet;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class NeighbourhoodsTest {

    @Test
    void discIsStrictlyInsideTheRadius() {
        Disc d = new Disc(20);
        int n = 0;
        for (int y = -20; y <= 20; y++) for (int x = -20; x <= 20; x++) if (x * x + y * y < 400) n++;
        assertEquals(n, d.size());
        assertEquals(1245, d.size()); // about pi r^2 = 1,257
        for (int i = 0; i < d.size(); i++) assertTrue(d.dy(i) * d.dy(i) + d.dx(i) * d.dx(i) < 400);
        assertEquals(5, new Disc(1.2).size()); // centre and its four edge neighbours
        assertEquals(9, new Disc(1.5).size()); // plus the diagonals at sqrt 2
    }

    @Test
    void radiusMustBePositive() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Disc(-3));
        assertTrue(e.getMessage().contains("radius"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Disc(0));
        assertThrows(IllegalArgumentException.class, () -> new Disc(Double.NaN));
    }

    @Test
    void neighbourhoodsAreClippedAtTheBorderAndSeeded() {
        SheetLayout qwen = SheetPresets.qwen25Omni3b();
        Neighbourhoods a = Neighbourhoods.sample(qwen, 20, 100, new SplittableRandom(7));
        Neighbourhoods b = Neighbourhoods.sample(qwen, 20, 100, new SplittableRandom(7));
        Neighbourhoods c = Neighbourhoods.sample(qwen, 20, 100, new SplittableRandom(8));
        assertArrayEquals(a.units(), b.units());
        assertFalse(java.util.Arrays.equals(a.centres(), c.centres()));
        for (int n = 0; n < a.count(); n++) {
            int centre = a.centres()[n], cr = centre / 512, cc = centre % 512;
            for (int i = 0; i < a.size(); i++) {
                int u = a.unit(n, i);
                int r = cr + a.disc().dy(i), col = cc + a.disc().dx(i);
                boolean inside = r >= 0 && r < 304 && col >= 0 && col < 512;
                assertEquals(inside ? r * 512 + col : -1, u);
            }
        }
        // a corner centre keeps the quarter disc with dy, dx >= 0; an interior one keeps all
        Neighbourhoods corner = Neighbourhoods.around(304, 512, new Disc(20), new int[] {0, 100 * 512 + 100});
        int quarter = 0;
        for (int i = 0; i < corner.size(); i++) if (corner.disc().dy(i) >= 0 && corner.disc().dx(i) >= 0) quarter++;
        assertEquals(quarter, corner.validCount(0));
        assertEquals(corner.size(), corner.validCount(1));
    }

    @Test
    void centresCoverTheWholeSheetUniformly() {
        SplittableRandom rng = new SplittableRandom(1);
        Neighbourhoods nb = Neighbourhoods.sample(10, 10, new Disc(2), 20_000, rng);
        int[] counts = new int[100];
        for (int c : nb.centres()) counts[c]++;
        for (int c : counts) assertTrue(c > 120 && c < 280, "each of 100 cells should be drawn about 200 times, got " + c);
    }

    @Test
    void neighbourhoodsWithinARegionAreCentredInItAndCutToIt() {
        SheetLayout tiny = SheetPresets.tinyOmni();
        int[] language = tiny.modalityUnits(Modality.LANGUAGE);
        boolean[] in = new boolean[tiny.units()];
        for (int u : language) in[u] = true;
        Neighbourhoods nb = Neighbourhoods.sampleWithin(tiny, 18, 200, language, new SplittableRandom(3));
        Neighbourhoods whole = Neighbourhoods.around(tiny.rows(), tiny.cols(), new Disc(18), nb.centres());
        int cut = 0;
        for (int n = 0; n < nb.count(); n++) {
            assertTrue(in[nb.centres()[n]], "centre " + nb.centres()[n] + " lies in the language stack");
            for (int i = 0; i < nb.size(); i++) {
                int u = nb.unit(n, i), w = whole.unit(n, i);
                assertEquals(w >= 0 && in[w] ? w : -1, u, "a unit outside the region counts as off the sheet");
                if (w >= 0 && !in[w]) cut++;
            }
        }
        assertTrue(cut > 0, "a radius-18 disc reaches from the language stack into the encoders, and is cut there");
        assertArrayEquals(nb.units(), Neighbourhoods.sampleWithin(tiny, 18, 200, language, new SplittableRandom(3)).units(), "seeded");
        var e = assertThrows(IllegalArgumentException.class, () -> Neighbourhoods.sampleWithin(tiny, 18, 5, new int[0], new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }
}

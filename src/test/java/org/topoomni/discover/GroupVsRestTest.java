package org.topoomni.discover;

import org.junit.jupiter.api.Test;
import org.topoomni.stats.WelchT;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

class GroupVsRestTest {

    static float[] data(int n, int units, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] d = new float[n * units];
        for (int i = 0; i < d.length; i++) d[i] = (float) (100 + 3 * r.nextGaussian() + (i % units == 7 ? 0 : (i / units) % 3)); // large mean: centring matters
        for (int i = 0; i < n; i++) d[i * units + 5] = 0f; // a dead unit
        return d;
    }

    @Test
    void equalsTheWelchTOfTheGroupAgainstEveryOtherItem() {
        int n = 60, units = 2500; // more than one block of units
        float[] d = data(n, units, 1);
        GroupVsRest g = new GroupVsRest(d, units);
        int[] group = {3, 9, 10, 11, 40, 41, 59};
        int[] rest = IntStream.range(0, n).filter(i -> IntStream.of(group).noneMatch(x -> x == i)).toArray();
        double[] fast = g.t(g.sums(group));
        double[] ref = WelchT.welch(d, units, group, rest).t();
        for (int u = 0; u < units; u++) {
            if (Double.isNaN(ref[u])) assertTrue(Double.isNaN(fast[u]), "unit " + u);
            else assertEquals(ref[u], fast[u], 1e-6 * Math.max(1, Math.abs(ref[u])), "unit " + u);
        }
        assertTrue(Double.isNaN(fast[5]), "a dead unit has no t");
    }

    @Test
    void aGroupOfOneModalityIsComparedWithTheOtherItemsOfItsModality() {
        int n = 40, units = 300;
        float[] d = data(n, units, 4);
        int[] modality = new int[n];
        for (int i = 0; i < n; i++) modality[i] = i < 25 ? 0 : 1; // e.g. 25 images, 15 sounds
        for (int i = 25; i < n; i++) for (int u = 0; u < 100; u++) d[i * units + u] = 0f; // sounds leave the vision units silent
        GroupVsRest g = new GroupVsRest(d, units, modality);
        int[] images = {1, 2, 3, 7, 8}, restOfImages = IntStream.range(0, 25).filter(i -> IntStream.of(images).noneMatch(x -> x == i)).toArray();
        GroupVsRest.Sums s = g.sums(images);
        assertEquals(0, s.modality());
        assertNotSame(g.total(), g.reference(s), "compared within its modality");
        double[] fast = g.t(s), ref = WelchT.welch(d, units, images, restOfImages).t();
        for (int u = 0; u < units; u++) {
            if (Double.isNaN(ref[u])) assertTrue(Double.isNaN(fast[u]), "unit " + u);
            else assertEquals(ref[u], fast[u], 1e-6 * Math.max(1, Math.abs(ref[u])), "unit " + u);
        }
        // a unit with one value over a modality has no t within that modality (not round-off), as in the two-pass WelchT
        int[] someSounds = {26, 27, 28, 31, 33}, otherSounds = IntStream.range(25, n).filter(i -> IntStream.of(someSounds).noneMatch(x -> x == i)).toArray();
        double[] soundT = g.t(g.sums(someSounds)), soundRef = WelchT.welch(d, units, someSounds, otherSounds).t();
        for (int u = 0; u < units; u++) {
            if (Double.isNaN(soundRef[u])) assertTrue(Double.isNaN(soundT[u]), "unit " + u + ": " + soundT[u]);
            else assertEquals(soundRef[u], soundT[u], 1e-6 * Math.max(1, Math.abs(soundRef[u])), "unit " + u);
        }
        assertTrue(Double.isNaN(soundT[0]) && Double.isNaN(soundT[99]), "silent vision units have no t among sounds");
        // a group mixing modalities is compared with every other item
        int[] mixed = {1, 2, 30, 31};
        int[] rest = IntStream.range(0, n).filter(i -> IntStream.of(mixed).noneMatch(x -> x == i)).toArray();
        GroupVsRest.Sums m = g.sums(mixed);
        assertEquals(-1, m.modality());
        assertSame(g.total(), g.reference(m), "compared with all items");
        assertArrayEquals(WelchT.welch(d, units, mixed, rest).t(), g.t(m), 1e-6);
        // all sounds but one: too few of its modality left, so compared with everything else
        int[] sounds = IntStream.range(25, 39).toArray();
        GroupVsRest.Sums nearlyAll = g.sums(sounds);
        assertSame(g.total(), g.reference(nearlyAll));
        // the modality counts survive subtraction: parent minus a child
        GroupVsRest.Sums parent = g.sums(new int[] {1, 2, 3, 7, 8, 30, 31}), child = g.sums(new int[] {30, 31});
        GroupVsRest.Sums other = g.minus(parent, child);
        assertEquals(0, other.modality());
        assertArrayEquals(g.t(s), g.t(other), 1e-8);
        var e = assertThrows(IllegalArgumentException.class, () -> new GroupVsRest(d, units, new int[3]));
        assertTrue(e.getMessage().contains("kinds are given for 3 items"), e.getMessage());
    }

    @Test
    void aParentMinusOneChildIsTheOtherChild() {
        int units = 300;
        float[] d = data(30, units, 2);
        GroupVsRest g = new GroupVsRest(d, units);
        int[] parent = {0, 1, 2, 3, 4, 5, 6, 7}, a = {0, 1, 2}, b = {3, 4, 5, 6, 7};
        double[] direct = g.t(g.sums(b)), viaParent = g.t(g.minus(g.sums(parent), g.sums(a)));
        assertArrayEquals(direct, viaParent, 1e-8);
        assertEquals(5, g.minus(g.sums(parent), g.sums(a)).size());
    }

    @Test
    void medianSkipsUndefinedUnits() {
        assertEquals(2.0, GroupVsRest.median(new double[] {Double.NaN, 3, 1, 2}));
        assertEquals(2.5, GroupVsRest.median(new double[] {4, 1, 2, 3, Double.NaN}));
        assertEquals(Double.POSITIVE_INFINITY, GroupVsRest.median(new double[] {Double.POSITIVE_INFINITY, 1, Double.POSITIVE_INFINITY}));
        assertTrue(Double.isNaN(GroupVsRest.median(new double[] {Double.NaN})));
    }

    @Test
    void badInputIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GroupVsRest(new float[10], 3));
        assertTrue(e.getMessage().contains("does not hold whole rows of 3 units"), e.getMessage());
        GroupVsRest g = new GroupVsRest(data(5, 8, 3), 8);
        e = assertThrows(IllegalArgumentException.class, () -> g.t(g.sums(new int[] {0, 1, 2, 3})));
        assertTrue(e.getMessage().contains("at least 2 items in the group and 2 outside it"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> g.sums(new int[] {7}));
        assertTrue(e.getMessage().contains("item 7 is out of range"), e.getMessage());
    }
}

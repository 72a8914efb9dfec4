package org.topoomni.discover;

import org.junit.jupiter.api.Test;
import org.topoomni.results.ScreeningSummary;
import org.topoomni.map.SmoothedResponses;
import org.topoomni.map.MapFixtures;
import org.topoomni.map.SyntheticResponses;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class DiscoveryTest {
    static final SyntheticPool POOL = SyntheticPool.planted(MapFixtures.tiny(), 3, 30, 21);

    static Discovery.Settings settings(long seed) {
        return Discovery.Settings.defaults().withSizes(8, 80).withPermutations(49).withSeed(seed);
    }

    static Map<String, String> labels() {
        Map<String, String> l = new HashMap<>();
        for (int i = 0; i < POOL.items(); i++) l.put(POOL.responses().rows().get(i).id(), "group-" + POOL.group()[i]);
        return l;
    }

    static Discovery.Analysis analyse(Map<String, String> labels, long seed) {
        return Discovery.analyse(POOL.responses(), POOL.embeddings(), POOL.dim(), labels, settings(seed), null);
    }

    @Test
    void findsEachResponsiveGroupWithItsPatchAndEvaluatesItAgainstTheHiddenLabels() {
        Discovery.Analysis a = analyse(labels(), 1);
        for (int k = 0; k < 3; k++) {
            Discovery.Found f = a.clusters().get(k);
            assertEquals(k + 1, f.id());
            int[] members = f.cluster().members().clone();
            Arrays.sort(members);
            int g = POOL.group()[members[0]];
            assertTrue(POOL.responsive(g), "the top clusters are the responsive groups");
            assertArrayEquals(POOL.rows(g), members);
            assertEquals("group-" + g, f.topLabel());
            assertEquals(1.0, f.purity());
            // its map: the same statistic as the score, and the planted patch as an island
            assertEquals(f.cluster().score(), GroupVsRest.median(f.map().t()), 1e-6 * Math.abs(f.cluster().score()),
                    "the score is the median of the cluster map's t");
            SyntheticResponses.Patch patch = POOL.patches().get(g);
            assertTrue(patch.contains(f.map().peak().row(), f.map().peak().col()), "the map peaks in the planted patch: " + f.map().peak());
            assertEquals(1, f.map().islands().nIslands(), "one island: the patch");
            assertTrue(f.map().islands().meanI() > 0.4, "a smooth planted island: Moran's I " + f.map().islands().meanI());
        }
        ScreeningSummary.Category g0 = Discovery.categories(a, labels()).get("group-0");
        assertEquals(1.0, g0.recall());
        assertEquals(1.0, g0.precision());
        assertEquals(a.clusters().stream().filter(f -> "group-0".equals(f.topLabel())).findFirst().orElseThrow().id(), g0.bestCluster());
        assertTrue(g0.isTopLabel());
    }

    @Test
    void eachHiddenLabelGetsTheMapOfAllItsItemsAndOnlyWithLabels() {
        Discovery.Analysis a = analyse(labels(), 1);
        assertEquals(6, a.labelMaps().size(), "one map per hidden label");
        GroupVsRest g = new GroupVsRest(SmoothedResponses.of(POOL.responses(), a.fwhm()).responses().data(), POOL.responses().units(), null);
        for (int k = 0; k < 6; k++) {
            Discovery.LabelMap m = a.labelMaps().get("group-" + k);
            assertEquals(30, m.size());
            assertEquals(30, m.map().nOn());
            assertEquals(150, m.map().nOff());
            assertEquals(GroupVsRest.median(g.t(g.sums(POOL.rows(k)))), m.score(), 1e-9, "scored as the walk scores a node");
            if (POOL.responsive(k)) {
                assertEquals(1, m.map().islands().nIslands(), "the planted patch is the label's one island");
                assertTrue(m.map().islands().meanI() > 0.4, "Moran's I " + m.map().islands().meanI());
                assertTrue(POOL.patches().get(k).contains(m.map().peak().row(), m.map().peak().col()));
            } else {
                assertEquals(0, m.map().nSignificant(), "a group that responds like noise has no significant unit at q < 0.001");
            }
        }
        ScreeningSummary.LabelMap g0 = Discovery.categories(a, labels()).get("group-0").allItemsMap();
        assertEquals(a.labelMaps().get("group-0").map().islands().meanI(), g0.islandMoransI());
        assertEquals(1, g0.nIslands());
        assertTrue(analyse(null, 1).labelMaps().isEmpty(), "no labels, no label maps");
    }

    @Test
    void aClusterOfOneModalityIsMappedAgainstTheOtherItemsOfItsModality() {
        int n = POOL.items();
        int[] modalities = new int[n];
        for (int i = 0; i < n; i++) modalities[i] = POOL.group()[i] % 2; // e.g. images and sounds: every group is of one modality
        Discovery.Analysis a = Discovery.analyse(POOL.responses(), modalities, POOL.embeddings(), POOL.dim(), labels(), settings(1), null);
        Discovery.Analysis plain = analyse(labels(), 1);
        assertArrayEquals(plain.tree().linkage(), a.tree().linkage(), "modalities change the comparison, never the tree");
        GroupVsRest g = new GroupVsRest(SmoothedResponses.of(POOL.responses(), a.fwhm()).responses().data(), POOL.responses().units(), modalities);
        for (Discovery.Found f : a.clusters()) {
            int[] members = f.cluster().members();
            GroupVsRest.Sums sums = g.sums(members);
            int expectedOff = g.reference(sums).size() - members.length;
            assertEquals(members.length, f.map().nOn());
            assertEquals(expectedOff, f.map().nOff(), "cluster " + f.id() + " (modality " + sums.modality() + ") is compared with " + expectedOff + " items");
            assertEquals(f.cluster().score(), GroupVsRest.median(f.map().t()), 1e-6 * Math.max(1, Math.abs(f.cluster().score())),
                    "the score is still the median of the cluster map's t");
        }
        assertTrue(a.clusters().stream().anyMatch(f -> f.map().nOff() < n - f.cluster().size()), "some cluster is compared within its modality");
        var e = assertThrows(IllegalArgumentException.class,
                () -> Discovery.analyse(POOL.responses(), new int[3], POOL.embeddings(), POOL.dim(), null, settings(0), null));
        assertTrue(e.getMessage().contains("kinds are given for 3 items"), e.getMessage());
    }

    @Test
    void theWalkNeverSeesTheLabelsAndIsDeterministicForASeed() {
        Discovery.Analysis withLabels = analyse(labels(), 7), without = analyse(null, 7), again = analyse(labels(), 7), other = analyse(labels(), 8);
        assertEquals(withLabels.walk().steps(), without.walk().steps(), "labels change nothing in the walk");
        assertNull(without.clusters().get(0).topLabel());
        assertTrue(Double.isNaN(without.clusters().get(0).purity()));
        assertEquals(withLabels.clusters().size(), again.clusters().size());
        for (int k = 0; k < withLabels.clusters().size(); k++) {
            Discovery.Found x = withLabels.clusters().get(k), y = again.clusters().get(k), z = other.clusters().get(k);
            assertArrayEquals(x.cluster().members(), y.cluster().members());
            assertArrayEquals(x.map().t(), y.map().t());
            assertEquals(x.map().islands(), y.map().islands(), "same seed, same permutations");
            assertArrayEquals(x.cluster().members(), z.cluster().members(), "the seed only drives the permutations");
        }
    }

    @Test
    void badInputIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Discovery.analyse(POOL.responses(), new double[10], 16, null, settings(0), null));
        assertTrue(e.getMessage().contains("embeddings hold 10 values, expected 180 items x 16"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Discovery.Settings.defaults().withSizes(50, 20));
        assertEquals("the minimum cluster size (50) is larger than the maximum (20)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Discovery.analyse(POOL.responses(), POOL.embeddings(), POOL.dim(), null, Discovery.Settings.defaults().withSizes(40, 0), null));
        assertEquals("the minimum cluster size (40) is larger than the maximum (35, the default for 180 items)", e.getMessage());
    }

    @Test
    void sizesDefaultToThePapersScaledToThePool() {
        assertEquals(new ClusterWalk.Settings(7, 336), Discovery.Settings.defaults().sizesFor(1728));
        assertEquals(new ClusterWalk.Settings(7, 100), Discovery.Settings.defaults().withSizes(0, 100).sizesFor(1728));
        assertEquals(List.of(3, 35), List.of(Discovery.Settings.defaults().withSizes(3, 0).sizesFor(180).minSize(),
                Discovery.Settings.defaults().withSizes(3, 0).sizesFor(180).maxSize()));
    }
}

package org.topoomni.discover;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ClusterWalkTest {

    /** A hand-made tree of 10 items: root = {0..4} + {5..9}; {0..4} = 0 + {1..4}; {5..9} = 9 + {5..8}. */
    static WardTree handTree() {
        double[][] z = {
                {1, 2, 1, 2}, {3, 4, 1, 2}, {10, 11, 2, 4}, {0, 12, 3, 5},
                {5, 6, 1, 2}, {7, 8, 1, 2}, {14, 15, 2, 4}, {9, 16, 3, 5}, {13, 17, 9, 10}};
        return new WardTree(z, 10);
    }

    /** One unit: items 1-4 near 10, item 0 at 5, items 5-8 near 2, item 9 at 6. */
    static GroupVsRest handResponses() {
        float[] v = {5f, 10f, 10.1f, 9.9f, 10.05f, 2f, 2.1f, 1.9f, 2.05f, 6f};
        return new GroupVsRest(v, 1);
    }

    @Test
    void splitsOnlyWhenAnInRangeChildScoresAtLeastAsHighAndLeavesTooSmallChildrenOut() {
        for (int min : new int[] {2, 3}) { // with 3, {1..4}'s children (2 items each) are too small: it stays whole either way
            ClusterWalk.Result r = ClusterWalk.walk(handTree(), handResponses(), new ClusterWalk.Settings(min, 6));
            List<String> steps = r.steps().stream().map(s -> s.node() + ":" + s.decision().id()).toList();
            assertEquals(List.of("18:too_large", "13:split", "0:too_small", "12:cluster", "17:cluster"), steps, "min " + min);
            assertEquals(2, r.clusters().size());
            assertArrayEquals(new int[] {1, 2, 3, 4}, r.clusters().get(0).members());
            assertArrayEquals(new int[] {9, 5, 6, 7, 8}, r.clusters().get(1).members(), "the too-small child 9 does not split {5..9}");
            assertEquals(1, r.unassigned(), "item 0, shed by the split of {0..4}, is in no cluster");
            ClusterWalk.Step split = r.steps().get(1);
            assertTrue(split.bestChild() >= split.score(), split.toString());
            ClusterWalk.Step kept = r.steps().get(4);
            assertTrue(kept.bestChild() < kept.score(), kept.toString());
        }
    }

    @Test
    void recoversThePlantedResponsiveGroupsAsTheTopClusters() {
        SyntheticPool p = SyntheticPool.planted(org.topoomni.map.MapFixtures.tiny(), 4, 40, 11);
        WardTree tree = WardTree.of(p.embeddings(), p.items(), p.dim());
        ClusterWalk.Result r = ClusterWalk.walk(tree, new GroupVsRest(p.responses().data(), p.responses().units()), new ClusterWalk.Settings(10, 100));
        List<ClusterWalk.Cluster> byScore = r.clusters().stream().sorted((a, b) -> Double.compare(b.score(), a.score())).toList();
        for (int k = 0; k < 4; k++) {
            int[] members = byScore.get(k).members().clone();
            Arrays.sort(members);
            int g = p.group()[members[0]];
            assertTrue(p.responsive(g), "cluster " + k + " is a responsive group");
            assertArrayEquals(p.rows(g), members, "cluster " + k + " is exactly group " + g);
            assertTrue(byScore.get(k).score() > 0, "a responsive group scores above 0: " + byScore.get(k).score());
        }
        for (int k = 4; k < byScore.size(); k++) assertTrue(byScore.get(k).score() < 0, "the rest score below 0: " + byScore.get(k).score());
        int[] assigned = ClusterWalk.assignment(r.clusters(), p.items());
        for (int i = 0; i < assigned.length; i++) if (p.responsive(p.group()[i])) assertTrue(assigned[i] >= 0, "responsive item " + i + " is in a cluster");
        assertEquals(ClusterWalk.Decision.TOO_LARGE, r.steps().get(0).decision(), "the root (320 items) is too large to count");
        assertTrue(r.steps().stream().anyMatch(s -> s.decision() == ClusterWalk.Decision.SPLIT && s.size() == 80),
                "a pair of groups (80 items, in range) is split into its responsive and unresponsive halves");

        ClusterWalk.Result again = ClusterWalk.walk(tree, new GroupVsRest(p.responses().data(), p.responses().units()), new ClusterWalk.Settings(10, 100));
        assertEquals(r.steps(), again.steps(), "the walk is deterministic");
    }

    @Test
    void defaultSizesScaleThePapersTenToFiveHundredOf2572() {
        assertEquals(new ClusterWalk.Settings(10, 500), ClusterWalk.Settings.defaults(2572));
        assertEquals(new ClusterWalk.Settings(7, 336), ClusterWalk.Settings.defaults(1728));
        assertEquals(new ClusterWalk.Settings(8, 389), ClusterWalk.Settings.defaults(2000));
        assertEquals(new ClusterWalk.Settings(2, 4), ClusterWalk.Settings.defaults(20));
    }

    @Test
    void badSizesAreClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ClusterWalk.Settings(20, 10));
        assertEquals("the minimum cluster size (20) is larger than the maximum (10)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ClusterWalk.Settings(1, 10));
        assertTrue(e.getMessage().contains("must be at least 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ClusterWalk.walk(handTree(), handResponses(), new ClusterWalk.Settings(9, 20)));
        assertTrue(e.getMessage().contains("a pool of 10 items cannot hold a cluster of 9 or more items"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ClusterWalk.walk(handTree(), new GroupVsRest(new float[12], 1), new ClusterWalk.Settings(2, 5)));
        assertTrue(e.getMessage().contains("the tree has 10 items but the responses have 12"), e.getMessage());
    }
}

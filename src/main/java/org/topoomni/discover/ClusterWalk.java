package org.topoomni.discover;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The top-down walk of a Ward tree that screens the sheet for clusters (METHOD.md section 7).
 *
 * <p><b>Score.</b> A node's score is the median, over all sheet units, of the Welch t of the
 * (smoothed) sheet responses of the node's items against those of all other items
 * ({@link GroupVsRest}; units whose t is undefined are left out of the median).
 *
 * <p><b>Sizes.</b> Only nodes of {@code minSize..maxSize} items count (the paper: 10-500 of
 * 2,572 clips; {@link Settings#defaults} scales both to the pool). A node also needs 2 items
 * outside it for the t-test, so the largest size used is {@code min(maxSize, items - 2)}.
 *
 * <p><b>The walk</b>, from the root, left child first:
 * <ul>
 * <li>a node larger than the largest size is not scored; both its children are walked;</li>
 * <li>a node smaller than {@code minSize} is left out: its items belong to no cluster;</li>
 * <li>a node in range is scored, and so are those of its children that are in range (a child
 * can only be too small, never too large). If the better of these in-range children scores at
 * least as high as the node, the node is split and both children are walked (a too-small child
 * is then left out as above); otherwise, and when no child is in range, the node is a cluster
 * and the walk stops there.</li>
 * </ul>
 * So the clusters are disjoint, and every item lies in at most one of them. Children that are
 * too small never justify a split: a node that would only shed a few items stays whole unless
 * its large child alone scores at least as high.
 *
 * <p><b>Cost.</b> A node's sums cost O(size x units); a split node's smaller child is summed
 * directly and the larger one is the node minus it, so a whole walk costs about
 * O(items x depth x units) additions plus O(units log units) per score.
 */
public final class ClusterWalk {

    /** The paper's sizes and pool. */
    public static final int PAPER_MIN = 10, PAPER_MAX = 500, PAPER_POOL = 2572;

    private ClusterWalk() {
    }

    /**
     * Sizes of the nodes that count.
     *
     * @param minSize smallest cluster (at least 2)
     * @param maxSize largest cluster (at least minSize)
     */
    public record Settings(int minSize, int maxSize) {
        public Settings {
            if (minSize < 2) throw new IllegalArgumentException("the minimum cluster size must be at least 2 (the Welch t needs 2 items), got " + minSize);
            if (maxSize < minSize) {
                throw new IllegalArgumentException("the minimum cluster size (" + minSize + ") is larger than the maximum (" + maxSize + ")");
            }
        }

        /** The paper's 10-500 of 2,572 clips scaled to {@code items}: min = max(2, round(10 n / 2572)), max = max(min, round(500 n / 2572)). */
        public static Settings defaults(int items) {
            int min = Math.max(2, (int) Math.round((double) PAPER_MIN * items / PAPER_POOL));
            int max = Math.max(min, (int) Math.round((double) PAPER_MAX * items / PAPER_POOL));
            return new Settings(min, max);
        }
    }

    /** What the walk did at a node. */
    public enum Decision {
        /** larger than the largest size: not scored, both children walked */
        TOO_LARGE,
        /** smaller than the smallest size: left out */
        TOO_SMALL,
        /** scored, and an in-range child scored at least as high: both children walked */
        SPLIT,
        /** scored, and no in-range child scored as high: a cluster */
        CLUSTER;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One node the walk visited.
     *
     * @param node      tree node id
     * @param size      items under it
     * @param score     its score (NaN when not scored)
     * @param bestChild the best score among its in-range children (NaN when none was scored)
     * @param decision  what the walk did
     */
    public record Step(int node, int size, double score, double bestChild, Decision decision) {}

    /**
     * A discovered cluster.
     *
     * @param node    tree node id
     * @param members its items, in the dendrogram's order
     * @param score   median Welch t over the sheet units (members vs all other items)
     */
    public record Cluster(int node, int[] members, double score) {
        public int size() {
            return members.length;
        }
    }

    /**
     * The walk's outcome.
     *
     * @param clusters   in the dendrogram's left-to-right order
     * @param steps      every visited node, in visiting order
     * @param minSize    smallest size used
     * @param maxSize    largest size used (at most items - 2)
     * @param unassigned items in no cluster
     */
    public record Result(List<Cluster> clusters, List<Step> steps, int minSize, int maxSize, int unassigned) {}

    private record Pending(int node, GroupVsRest.Sums sums, double score) {}

    /** Walks {@code tree} scoring nodes on {@code responses} (one row per tree item, same order). */
    public static Result walk(WardTree tree, GroupVsRest responses, Settings settings) {
        if (tree == null || responses == null || settings == null) throw new IllegalArgumentException("tree, responses and settings are all needed");
        int n = tree.items();
        if (responses.items() != n) {
            throw new IllegalArgumentException("the tree has " + n + " items but the responses have " + responses.items());
        }
        int min = settings.minSize(), max = Math.min(settings.maxSize(), n - 2);
        if (min > max) {
            throw new IllegalArgumentException("a pool of " + n + " items cannot hold a cluster of " + min
                    + " or more items with 2 items outside it; lower the minimum cluster size");
        }
        List<Cluster> clusters = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        int unassigned = 0;
        Deque<Pending> stack = new ArrayDeque<>();
        stack.push(new Pending(tree.root(), null, Double.NaN));
        while (!stack.isEmpty()) {
            Pending p = stack.pop();
            int node = p.node(), size = tree.size(node);
            if (size < min) {
                steps.add(new Step(node, size, Double.NaN, Double.NaN, Decision.TOO_SMALL));
                unassigned += size;
                continue;
            }
            int l = tree.left(node), r = tree.right(node);
            if (size > max) {
                steps.add(new Step(node, size, Double.NaN, Double.NaN, Decision.TOO_LARGE));
                stack.push(new Pending(r, null, Double.NaN));
                stack.push(new Pending(l, null, Double.NaN));
                continue;
            }
            GroupVsRest.Sums sums = p.sums() != null ? p.sums() : responses.sums(tree.members(node));
            double score = Double.isNaN(p.score()) ? score(responses, sums) : p.score();
            // The smaller child is summed directly, the larger one is the node minus it (min >= 2, so the node is not a leaf).
            boolean leftSmaller = tree.size(l) <= tree.size(r);
            int small = leftSmaller ? l : r;
            GroupVsRest.Sums smallSums = responses.sums(tree.members(small));
            GroupVsRest.Sums bigSums = responses.minus(sums, smallSums);
            GroupVsRest.Sums lSums = leftSmaller ? smallSums : bigSums, rSums = leftSmaller ? bigSums : smallSums;
            double lScore = tree.size(l) >= min ? score(responses, lSums) : Double.NaN;
            double rScore = tree.size(r) >= min ? score(responses, rSums) : Double.NaN;
            double best = Double.isNaN(lScore) ? rScore : Double.isNaN(rScore) ? lScore : Math.max(lScore, rScore);
            if (!Double.isNaN(best) && best >= score) {
                steps.add(new Step(node, size, score, best, Decision.SPLIT));
                stack.push(new Pending(r, Double.isNaN(rScore) ? null : rSums, rScore));
                stack.push(new Pending(l, Double.isNaN(lScore) ? null : lSums, lScore));
            } else {
                steps.add(new Step(node, size, score, best, Decision.CLUSTER));
                clusters.add(new Cluster(node, tree.members(node), score));
            }
        }
        return new Result(List.copyOf(clusters), List.copyOf(steps), min, max, unassigned);
    }

    /** The median over units of the group's Welch t against the rest. */
    public static double score(GroupVsRest responses, GroupVsRest.Sums group) {
        return GroupVsRest.median(responses.t(group));
    }

    /** Which cluster each item belongs to (index into {@code clusters}), -1 for none. */
    public static int[] assignment(List<Cluster> clusters, int items) {
        int[] a = new int[items];
        Arrays.fill(a, -1);
        for (int c = 0; c < clusters.size(); c++) for (int m : clusters.get(c).members()) a[m] = c;
        return a;
    }
}

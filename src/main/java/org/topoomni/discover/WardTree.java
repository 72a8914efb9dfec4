package org.topoomni.discover;

import org.topoomni.stats.WardLinkage;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The Ward tree of a set of embeddings, as nodes: leaves 0..n-1 are the items, internal node
 * n + k is the merge of row k of the scipy-style linkage matrix ({@link WardLinkage}), the root
 * is 2n - 2. A node's members are listed left subtree first (the dendrogram's leaf order).
 */
public final class WardTree {
    private final int n;
    private final int[] left, right, size;
    private final double[] height;
    private final double[][] linkage;

    /** The tree of a linkage matrix of {@code n} observations (n - 1 rows [a, b, distance, size]). */
    public WardTree(double[][] linkage, int n) {
        if (linkage == null) throw new IllegalArgumentException("linkage matrix is missing (null)");
        if (n < 2 || linkage.length != n - 1) {
            throw new IllegalArgumentException("a linkage of " + n + " observations has " + (n - 1) + " rows, got " + linkage.length);
        }
        this.n = n;
        this.linkage = new double[n - 1][];
        int nodes = 2 * n - 1;
        left = new int[nodes];
        right = new int[nodes];
        size = new int[nodes];
        height = new double[nodes];
        for (int i = 0; i < n; i++) {
            left[i] = right[i] = -1;
            size[i] = 1;
        }
        for (int k = 0; k < n - 1; k++) {
            if (linkage[k] == null || linkage[k].length != 4) throw new IllegalArgumentException("linkage row " + k + " must hold [a, b, distance, size]");
            int a = (int) linkage[k][0], b = (int) linkage[k][1], id = n + k;
            if (a < 0 || b < 0 || a >= id || b >= id) throw new IllegalArgumentException("linkage row " + k + " merges " + a + " and " + b + ", not earlier nodes");
            left[id] = a;
            right[id] = b;
            size[id] = size[a] + size[b];
            height[id] = linkage[k][2];
            this.linkage[k] = linkage[k].clone();
        }
    }

    /** Ward linkage of {@code n} embeddings of dimension {@code d} (row-major), as a tree. */
    public static WardTree of(double[] embeddings, int n, int d) {
        return new WardTree(WardLinkage.linkage(embeddings, n, d), n);
    }

    /** A copy of the linkage matrix (scipy's convention). */
    public double[][] linkage() {
        double[][] z = new double[n - 1][];
        for (int k = 0; k < n - 1; k++) z[k] = linkage[k].clone();
        return z;
    }

    /** Number of items (leaves). */
    public int items() { return n; }

    public int root() { return 2 * n - 2; }

    public boolean isLeaf(int node) { return check(node) < n; }

    public int left(int node) { return left[check(node)]; }

    public int right(int node) { return right[check(node)]; }

    /** Number of items under the node. */
    public int size(int node) { return size[check(node)]; }

    /** The Ward distance at which the node was merged (0 for a leaf). */
    public double height(int node) { return height[check(node)]; }

    /** The items under the node, left subtree first. */
    public int[] members(int node) {
        int[] out = new int[size(node)];
        int k = 0;
        Deque<Integer> stack = new ArrayDeque<>();
        stack.push(node);
        while (!stack.isEmpty()) {
            int x = stack.pop();
            if (x < n) {
                out[k++] = x;
            } else {
                stack.push(right[x]);
                stack.push(left[x]);
            }
        }
        return out;
    }

    private int check(int node) {
        if (node < 0 || node > 2 * n - 2) throw new IllegalArgumentException("node " + node + " is not in a tree of " + n + " items");
        return node;
    }
}

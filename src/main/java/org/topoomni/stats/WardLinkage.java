package org.topoomni.stats;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Ward agglomerative clustering, returning the linkage matrix exactly in the convention of
 * {@code scipy.cluster.hierarchy.linkage(X, method='ward')}: n - 1 rows {@code [a, b, distance, size]}
 * with a &lt; b, original observations 0..n-1 and new clusters numbered n, n+1, ... in row
 * order; distance is the Ward distance scipy reports (the Lance–Williams update of Euclidean
 * distances, sqrt of twice the increase in within-cluster sum of squares).
 *
 * <p>The algorithm is scipy's: Euclidean distances as {@code pdist}, then the nearest-neighbour
 * chain with the same tie-breaking (the previous chain element is preferred, otherwise the
 * lowest index), merges recorded with the smaller index first, stably sorted by distance and
 * relabelled with a union-find. O(n^2) memory (one condensed distance matrix) and O(n^2) time
 * after the O(n^2 d) distances, which are computed in parallel.
 */
public final class WardLinkage {

    /** Largest n whose condensed distance matrix fits a Java array. */
    static final int MAX_N = 65_535;

    private WardLinkage() {
    }

    /** Ward linkage of the rows of X (n observations x d features). */
    public static double[][] linkage(double[][] x) {
        if (x == null) throw new IllegalArgumentException("observation matrix is missing (null)");
        if (x.length < 2) throw new IllegalArgumentException("Ward linkage needs at least 2 observations, got " + x.length);
        int d = x[0].length;
        if (d == 0) throw new IllegalArgumentException("observations have no features");
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d) throw new IllegalArgumentException("observation " + i + " has " + x[i].length + " features, observation 0 has " + d);
        }
        return linkage(Checks.flatten(x), x.length, d);
    }

    /** Ward linkage of n observations of dimension d stored row-major in {@code data}. */
    public static double[][] linkage(double[] data, int n, int d) {
        return linkageFromDistances(pdist(data, n, d), n);
    }

    /**
     * Condensed Euclidean distance matrix ({@code scipy.spatial.distance.pdist(X)}): entry for
     * i &lt; j at n*i - i*(i+1)/2 + (j - i - 1).
     */
    public static double[] pdist(double[] data, int n, int d) {
        if (data == null) throw new IllegalArgumentException("observation matrix is missing (null)");
        if (n < 2) throw new IllegalArgumentException("Ward linkage needs at least 2 observations, got " + n);
        if (n > MAX_N) throw new IllegalArgumentException("at most " + MAX_N + " observations are supported, got " + n);
        if (d <= 0) throw new IllegalArgumentException("dimension must be positive, got " + d);
        if ((long) n * d != data.length) {
            throw new IllegalArgumentException("n*d = " + n + "*" + d + " does not match the array length " + data.length);
        }
        for (int i = 0; i < data.length; i++) {
            if (!Double.isFinite(data[i])) {
                throw new IllegalArgumentException("observation " + (i / d) + " has a non-finite value at feature " + (i % d));
            }
        }
        double[] dist = new double[(int) ((long) n * (n - 1) / 2)];
        IntStream.range(0, n - 1).parallel().forEach(i -> {
            int base = index(n, i, i + 1);
            int oi = i * d;
            for (int j = i + 1; j < n; j++) {
                int oj = j * d;
                double s = 0;
                for (int k = 0; k < d; k++) {
                    double diff = data[oi + k] - data[oj + k];
                    s += diff * diff;
                }
                dist[base + (j - i - 1)] = Math.sqrt(s);
            }
        });
        return dist;
    }

    /**
     * Ward linkage from a condensed Euclidean distance matrix, as
     * {@code scipy.cluster.hierarchy.linkage(y, method='ward')} for a condensed y.
     */
    public static double[][] linkageFromDistances(double[] condensed, int n) {
        if (condensed == null) throw new IllegalArgumentException("distance matrix is missing (null)");
        if (n < 2) throw new IllegalArgumentException("Ward linkage needs at least 2 observations, got " + n);
        if (n > MAX_N) throw new IllegalArgumentException("at most " + MAX_N + " observations are supported, got " + n);
        if ((long) n * (n - 1) / 2 != condensed.length) {
            throw new IllegalArgumentException("condensed distance matrix has " + condensed.length + " entries, n(n-1)/2 = "
                    + ((long) n * (n - 1) / 2) + " expected for n = " + n);
        }
        for (int i = 0; i < condensed.length; i++) {
            if (!Double.isFinite(condensed[i])) throw new IllegalArgumentException("distance at condensed index " + i + " is not finite");
        }
        double[] dist = condensed.clone();
        double[][] z = nnChain(dist, n);
        // stable sort by distance (numpy argsort kind='mergesort')
        Integer[] order = new Integer[n - 1];
        for (int i = 0; i < n - 1; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(z[a][2], z[b][2]));
        double[][] sorted = new double[n - 1][];
        for (int i = 0; i < n - 1; i++) sorted[i] = z[order[i]];
        relabel(sorted, n);
        return sorted;
    }

    /** scipy's nn_chain for the Ward update; rows [x, y, distance, size] in merge order, x &lt; y as slot ids. */
    private static double[][] nnChain(double[] dist, int n) {
        double[][] z = new double[n - 1][4];
        int[] size = new int[n];
        Arrays.fill(size, 1);
        int[] chain = new int[n];
        int chainLength = 0;
        for (int k = 0; k < n - 1; k++) {
            if (chainLength == 0) {
                chainLength = 1;
                for (int i = 0; i < n; i++) {
                    if (size[i] > 0) {
                        chain[0] = i;
                        break;
                    }
                }
            }
            int x, y = 0;
            double currentMin;
            while (true) {
                x = chain[chainLength - 1];
                if (chainLength > 1) {
                    y = chain[chainLength - 2];
                    currentMin = dist[index(n, x, y)];
                } else {
                    currentMin = Double.POSITIVE_INFINITY;
                }
                for (int i = 0; i < n; i++) {
                    if (size[i] == 0 || x == i) continue;
                    double d = dist[index(n, x, i)];
                    if (d < currentMin) {
                        currentMin = d;
                        y = i;
                    }
                }
                if (chainLength > 1 && y == chain[chainLength - 2]) break;
                chain[chainLength++] = y;
            }
            chainLength -= 2;
            if (x > y) {
                int t = x;
                x = y;
                y = t;
            }
            int nx = size[x], ny = size[y];
            z[k][0] = x;
            z[k][1] = y;
            z[k][2] = currentMin;
            z[k][3] = nx + ny;
            size[x] = 0;
            size[y] = nx + ny;
            for (int i = 0; i < n; i++) {
                int ni = size[i];
                if (ni == 0 || i == y) continue;
                int iy = index(n, i, y);
                dist[iy] = ward(dist[index(n, i, x)], dist[iy], currentMin, nx, ny, ni);
            }
        }
        return z;
    }

    /** Lance–Williams update for Ward's method (scipy's _hierarchy_distance_update._ward). */
    private static double ward(double dxi, double dyi, double dxy, int sizeX, int sizeY, int sizeI) {
        double t = 1.0 / (sizeX + sizeY + sizeI);
        return Math.sqrt((sizeI + sizeX) * t * dxi * dxi + (sizeI + sizeY) * t * dyi * dyi - sizeI * t * dxy * dxy);
    }

    /** scipy's label(): replaces slot ids by cluster ids n, n+1, ... with a union-find. */
    private static void relabel(double[][] z, int n) {
        int[] parent = new int[2 * n - 1];
        int[] size = new int[2 * n - 1];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
            size[i] = 1;
        }
        int next = n;
        for (double[] row : z) {
            int xr = find(parent, (int) row[0]), yr = find(parent, (int) row[1]);
            row[0] = Math.min(xr, yr);
            row[1] = Math.max(xr, yr);
            parent[xr] = next;
            parent[yr] = next;
            size[next] = size[xr] + size[yr];
            row[3] = size[next];
            next++;
        }
    }

    private static int find(int[] parent, int x) {
        int root = x;
        while (parent[root] != root) root = parent[root];
        while (parent[x] != root) {
            int p = parent[x];
            parent[x] = root;
            x = p;
        }
        return root;
    }

    /** Condensed index of (i, j), i != j. */
    static int index(int n, int i, int j) {
        if (i > j) {
            int t = i;
            i = j;
            j = t;
        }
        return (int) ((long) n * i - (long) i * (i + 1) / 2 + (j - i - 1));
    }
}

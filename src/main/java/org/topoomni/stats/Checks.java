package org.topoomni.stats;

/** Argument checks shared by the stats classes; every failure is an IllegalArgumentException naming the problem. */
final class Checks {

    private Checks() {
    }

    /** Checks a grid's shape against its flat length. */
    static void grid(int length, int rows, int cols, String what) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException(what + ": grid must have positive rows and cols, got " + rows + " x " + cols);
        }
        if ((long) rows * cols != length) {
            throw new IllegalArgumentException(what + ": rows*cols = " + rows + "*" + cols + " = " + ((long) rows * cols)
                    + " does not match the array length " + length);
        }
    }

    /** Checks a flat sample-major matrix and returns its number of samples (rows). */
    static int samples(int length, int nUnits, String what) {
        if (nUnits <= 0) throw new IllegalArgumentException(what + ": number of units must be positive, got " + nUnits);
        if (length % nUnits != 0) {
            throw new IllegalArgumentException(what + ": data length " + length + " is not a multiple of the number of units " + nUnits);
        }
        return length / nUnits;
    }

    /** Checks that row indices lie in [0, nSamples) and that there are at least {@code min} of them. */
    static void rows(int[] rows, int nSamples, int min, String group) {
        if (rows == null) throw new IllegalArgumentException(group + " rows are missing (null)");
        if (rows.length == 0) throw new IllegalArgumentException(group + " group is empty");
        if (rows.length < min) {
            throw new IllegalArgumentException(group + " group has " + rows.length + " sample(s), at least " + min + " are needed");
        }
        for (int r : rows) {
            if (r < 0 || r >= nSamples) {
                throw new IllegalArgumentException(group + " row index " + r + " is outside [0, " + nSamples + ")");
            }
        }
    }

    /** Checks a samples x units double[][] and returns its number of units. */
    static int matrix(double[][] m, int min, String group) {
        if (m == null) throw new IllegalArgumentException(group + " matrix is missing (null)");
        if (m.length == 0) throw new IllegalArgumentException(group + " group is empty");
        if (m.length < min) {
            throw new IllegalArgumentException(group + " group has " + m.length + " sample(s), at least " + min + " are needed");
        }
        int nUnits = m[0].length;
        if (nUnits == 0) throw new IllegalArgumentException(group + " samples have no units");
        for (int i = 0; i < m.length; i++) {
            if (m[i].length != nUnits) {
                throw new IllegalArgumentException(group + " sample " + i + " has " + m[i].length + " units, sample 0 has " + nUnits);
            }
        }
        return nUnits;
    }

    /** Flattens a samples x units matrix row by row. */
    static double[] flatten(double[][] m) {
        int n = m.length, k = m[0].length;
        double[] out = new double[n * k];
        for (int i = 0; i < n; i++) System.arraycopy(m[i], 0, out, i * k, k);
        return out;
    }

    static int[] range(int from, int count) {
        int[] r = new int[count];
        for (int i = 0; i < count; i++) r[i] = from + i;
        return r;
    }
}

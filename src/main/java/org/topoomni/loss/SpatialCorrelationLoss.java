package org.topoomni.loss;

import org.topoomni.nn.Scalar;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.topoomni.sheet.Disc;
import org.topoomni.sheet.Neighbourhoods;

/**
 * The spatial correlation loss of TDANN, TopoLM and Topo-Omni (METHOD.md section 3): in each
 * neighbourhood, units that sit close together should respond alike.
 *
 * <pre>
 * r_ij  = Pearson correlation of units i and j across the T samples
 * D_ij  = 1 / (1 + |p_i - p_j|)
 * local = 0.5 * (1 - Pearson over pairs i &lt; j of (r_ij, D_ij))
 * loss  = mean of local over neighbourhoods; a neighbourhood whose value is undefined
 *         (a unit with constant response, fewer than 3 units) is skipped; 0 if none is defined
 * </pre>
 *
 * <p>How it is computed. The reference builds the K x K correlation matrix of every
 * neighbourhood. We never do: with Z the column-standardised responses (T x K, unit-norm
 * columns, so r_ij = z_i . z_j), the three sums the Pearson correlation needs are
 * <ul>
 * <li>sum_{i != j} r_ij = |Z 1|^2 - K</li>
 * <li>sum_{i != j} r_ij^2 = |Z Z^T|_F^2 - K (a T x T Gram matrix instead of K x K)</li>
 * <li>sum_{i != j} D_ij r_ij = sum_t z_t^T D z_t - K (one product with D)</li>
 * </ul>
 * while the sums over D are constants. Every neighbourhood cut from the same {@link Disc} shares
 * one D; cells clipped at the sheet's border are zero columns, so all neighbourhoods go through
 * a single (N T) x K by K x K matrix product. Counting each pair twice (i != j instead of
 * i &lt; j) leaves a Pearson correlation unchanged.
 */
public final class SpatialCorrelationLoss implements TopographicLoss {

    @Override
    public String name() {
        return "spatial";
    }

    /** Loss over disc neighbourhoods sampled on the sheet (the fast, shared-template path). */
    @Override
    public NDArray compute(NDArray responses, Neighbourhoods nb) {
        checkResponses(responses);
        Disc disc = nb.disc();
        int k = disc.size(), n = nb.count();
        long units = responses.getShape().get(1);
        int[] idx = new int[n * k];
        float[] valid = new float[n * k];
        for (int i = 0; i < idx.length; i++) {
            int u = nb.units()[i];
            if (u >= units) {
                throw new IllegalArgumentException("neighbourhood unit " + u + " is outside the responses' " + units + " units");
            }
            idx[i] = Math.max(u, 0);
            valid[i] = u >= 0 ? 1f : 0f;
        }
        NDManager m = responses.getManager();
        DataType type = responses.getDataType();
        NDArray dist = type == DataType.FLOAT64
                ? m.create(discKernel(disc), new Shape(k, k))
                : m.create(discKernelFloat(disc), new Shape(k, k)).toType(type, false);
        return evaluate(responses, idx, valid, n, k, dist, true);
    }

    private final java.util.concurrent.ConcurrentHashMap<Double, double[]> kernels = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentHashMap<Double, float[]> kernelsFloat = new java.util.concurrent.ConcurrentHashMap<>();

    /** D_ij = 1 / (1 + distance) over the cells of a disc, row-major K x K (cached per radius). */
    private double[] discKernel(Disc disc) {
        return kernels.computeIfAbsent(disc.radius(), r -> {
            int k = disc.size();
            double[] d = new double[k * k];
            for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) d[i * k + j] = 1.0 / (1.0 + disc.distance(i, j));
            return d;
        });
    }

    private float[] discKernelFloat(Disc disc) {
        return kernelsFloat.computeIfAbsent(disc.radius(), r -> {
            double[] d = discKernel(disc);
            float[] f = new float[d.length];
            for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
            return f;
        });
    }

    /**
     * Loss over arbitrary neighbourhoods, each with its own unit positions (general path, used
     * for checking against the reference implementation).
     *
     * @param units     per neighbourhood, the units' column indices in {@code responses}
     * @param positions per neighbourhood, per unit, (row, col) or any 2-D coordinates
     */
    public NDArray compute(NDArray responses, int[][] units, double[][][] positions) {
        checkResponses(responses);
        int n = units.length;
        if (n == 0 || positions.length != n) {
            throw new IllegalArgumentException("need one position list per neighbourhood: " + n + " neighbourhoods, " + positions.length + " position lists");
        }
        int k = 0;
        for (int[] u : units) k = Math.max(k, u.length);
        int[] idx = new int[n * k];
        float[] valid = new float[n * k];
        double[] d = new double[n * k * k];
        long nUnits = responses.getShape().get(1);
        for (int a = 0; a < n; a++) {
            if (positions[a].length != units[a].length) {
                throw new IllegalArgumentException("neighbourhood " + a + " has " + units[a].length + " units but " + positions[a].length + " positions");
            }
            for (int i = 0; i < units[a].length; i++) {
                if (units[a][i] < 0 || units[a][i] >= nUnits) {
                    throw new IllegalArgumentException("neighbourhood " + a + " names unit " + units[a][i] + ", outside 0.." + (nUnits - 1));
                }
                idx[a * k + i] = units[a][i];
                valid[a * k + i] = 1f;
                for (int j = 0; j < units[a].length; j++) {
                    double dy = positions[a][i][0] - positions[a][j][0], dx = positions[a][i][1] - positions[a][j][1];
                    d[(a * k + i) * k + j] = 1.0 / (1.0 + Math.sqrt(dy * dy + dx * dx));
                }
            }
        }
        NDArray dist = responses.getManager().create(d, new Shape(n, k, k)).toType(responses.getDataType(), false);
        return evaluate(responses, idx, valid, n, k, dist, false);
    }

    private static void checkResponses(NDArray responses) {
        Shape s = responses.getShape();
        if (s.dimension() != 2) {
            throw new IllegalArgumentException("sheet responses must be a samples x units matrix, got shape " + s);
        }
        if (s.get(0) < 2) {
            throw new IllegalArgumentException("the spatial loss needs at least 2 samples (stimuli or time bins) per sheet, got " + s.get(0));
        }
        DataType t = responses.getDataType();
        if (t != DataType.FLOAT32 && t != DataType.FLOAT64 && t != DataType.FLOAT16 && t != DataType.BFLOAT16) {
            throw new IllegalArgumentException("sheet responses must be floating point, got " + t);
        }
    }

    private NDArray evaluate(NDArray responses, int[] idx, float[] valid, int n, int k, NDArray dist, boolean shared) {
        NDManager m = responses.getManager();
        DataType type = responses.getDataType();
        long t = responses.getShape().get(0);

        NDArray mask = m.create(valid, new Shape(n, 1, k)).toType(type, false);
        NDArray index = m.create(idx).toType(DataType.INT64, false);
        NDArray a = responses.get(new NDIndex(":, {}", index))   // T x (N K): the one gather
                .reshape(t, n, k).transpose(1, 0, 2)               // N x T x K, a strided view
                .reshape(n * t, k).reshape(n, t, k);               // copied once into N x T x K order
        NDArray centred = a.sub(a.mean(new int[] {1}, true));
        NDArray ss = centred.square().sum(new int[] {1}, true);    // N x 1 x K

        // Which neighbourhoods are defined: every unit on the sheet must vary across samples.
        float[] ssv = ss.toType(DataType.FLOAT32, false).toFloatArray();
        boolean[] ok = new boolean[n];
        double[] kn = new double[n];
        for (int a1 = 0; a1 < n; a1++) {
            boolean good = true;
            int cnt = 0;
            for (int i = 0; i < k; i++) {
                if (valid[a1 * k + i] == 0f) continue;
                cnt++;
                float v = ssv[a1 * k + i];
                if (!(v > 0f) || Float.isInfinite(v)) good = false;
            }
            kn[a1] = cnt;
            ok[a1] = good && cnt >= 3;
        }
        NDArray zeroVar = ss.eq(0).toType(type, false);
        NDArray z = centred.div(ss.add(zeroVar).sqrt()).mul(mask); // unit-norm columns, zeros where clipped

        // Constants of the distance matrix over each neighbourhood's valid pairs.
        NDArray mk = mask.reshape(n, k);
        NDArray sumD, sumD2;
        if (shared) {
            sumD = mk.matMul(dist).mul(mk).sum(new int[] {1});
            sumD2 = mk.matMul(dist.square()).mul(mk).sum(new int[] {1});
        } else {
            NDArray col = mk.reshape(n, k, 1);
            sumD = dist.matMul(col).reshape(n, k).mul(mk).sum(new int[] {1});
            sumD2 = dist.square().matMul(col).reshape(n, k).mul(mk).sum(new int[] {1});
        }
        double[] sd = sumD.toType(DataType.FLOAT64, false).toDoubleArray();
        double[] sd2 = sumD2.toType(DataType.FLOAT64, false).toDoubleArray();
        double[] meanD = new double[n], varD = new double[n], pairs = new double[n];
        for (int a1 = 0; a1 < n; a1++) {
            double np = kn[a1] * (kn[a1] - 1);
            pairs[a1] = Math.max(np, 1);
            meanD[a1] = (sd[a1] - kn[a1]) / pairs[a1];             // D_ii = 1 removed
            varD[a1] = (sd2[a1] - kn[a1]) - np * meanD[a1] * meanD[a1];
            if (!(varD[a1] > 1e-12 * Math.max(1, np))) ok[a1] = false;
        }

        NDArray knA = m.create(kn).toType(type, false);
        NDArray rowSums = z.sum(new int[] {2});                                   // N x T
        NDArray s1 = rowSums.square().sum(new int[] {1}).sub(knA);                // sum_{i!=j} r_ij
        NDArray gram = z.matMul(z.transpose(0, 2, 1));                            // N x T x T
        NDArray s2 = gram.square().sum(new int[] {1, 2}).sub(knA);                // sum_{i!=j} r_ij^2
        NDArray zd = shared ? z.reshape(n * t, k).matMul(dist).reshape(n, t, k) : z.matMul(dist);
        NDArray s3 = zd.mul(z).sum(new int[] {1, 2}).sub(knA);                    // sum_{i!=j} D_ij r_ij

        NDArray pairsA = m.create(pairs).toType(type, false);
        NDArray cov = s3.sub(s1.mul(m.create(meanD).toType(type, false)));
        NDArray varR = s2.sub(s1.square().div(pairsA));
        double[] vr = varR.toType(DataType.FLOAT64, false).toDoubleArray();
        int used = 0;
        double[] weight = new double[n], guard = new double[n], safeVarD = new double[n];
        for (int a1 = 0; a1 < n; a1++) {
            if (!(vr[a1] > 1e-12 * pairs[a1]) || !Double.isFinite(vr[a1])) ok[a1] = false;
            if (ok[a1]) used++;
        }
        for (int a1 = 0; a1 < n; a1++) {
            weight[a1] = ok[a1] ? 1.0 / used : 0.0;
            guard[a1] = ok[a1] ? 0.0 : 1.0;          // keeps skipped neighbourhoods finite (and gradient-free)
            safeVarD[a1] = ok[a1] ? varD[a1] : 1.0;
        }
        if (used == 0) {
            return Scalar.mul(responses.sum(), 0); // nothing defined: contributes nothing, keeps the graph
        }
        NDArray okMask = m.create(weightMaskFor(ok)).toType(type, false);
        NDArray denom = varR.mul(okMask).add(m.create(guard).toType(type, false))
                .mul(m.create(safeVarD).toType(type, false)).sqrt();
        NDArray pearson = cov.mul(okMask).div(denom);
        NDArray local = Scalar.mul(pearson.neg().add(1), 0.5);
        return local.mul(m.create(weight).toType(type, false)).sum();
    }

    private static double[] weightMaskFor(boolean[] ok) {
        double[] w = new double[ok.length];
        for (int i = 0; i < ok.length; i++) w[i] = ok[i] ? 1 : 0;
        return w;
    }
}

package org.topoomni.optim;

import org.topoomni.nn.Scalar;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AdamW (Loshchilov and Hutter): Adam with decoupled weight decay, plus global gradient-norm
 * clipping. The moments live in their own manager; updates run outside gradient recording.
 */
public final class AdamW implements AutoCloseable {
    private final NDManager manager;
    private final Map<String, NDArray> m1 = new LinkedHashMap<>(), m2 = new LinkedHashMap<>();
    private final double beta1, beta2, eps, weightDecay;
    private long step;
    private int skipped;
    /** Consecutive non-finite steps tolerated before training is declared diverged. */
    static final int MAX_SKIPPED = 10;

    public AdamW(NDManager parent, double beta1, double beta2, double eps, double weightDecay) {
        this.manager = parent.newSubManager();
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    public long step() {
        return step;
    }

    /**
     * One update of every parameter that has a gradient.
     *
     * @param lr      learning rate of this step
     * @param maxNorm clip the global gradient norm to this (<= 0: no clipping)
     * @param decayed which parameters get weight decay (matrices, not gains and biases)
     * @param scratch the step's manager: temporaries are freed when it closes
     * @return the gradient norm before clipping
     */
    public double update(Map<String, NDArray> params, double lr, double maxNorm, java.util.function.Predicate<String> decayed,
                         NDManager scratch) {
        double sq = 0;
        Map<String, NDArray> grads = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            if (!e.getValue().hasGradient()) continue;
            NDArray g = e.getValue().getGradient();
            g.attach(scratch); // the wrapper goes with the step; the gradient stays on the parameter
            grads.put(e.getKey(), g);
            sq += g.square().sum().getFloat();
        }
        double norm = Math.sqrt(sq);
        if (!Double.isFinite(norm)) {
            skipped++;
            if (skipped > MAX_SKIPPED) {
                throw new IllegalStateException("gradient norm was " + norm + " in " + skipped + " steps in a row (last at step "
                        + (step + 1) + "): training diverged (try a lower learning rate)");
            }
            return norm; // an overflowing step is skipped, as mixed-precision trainers do
        }
        skipped = 0;
        double scale = maxNorm > 0 && norm > maxNorm ? maxNorm / norm : 1.0;
        step++;
        double bc1 = 1 - Math.pow(beta1, step), bc2 = 1 - Math.pow(beta2, step);
        for (Map.Entry<String, NDArray> e : grads.entrySet()) {
            String name = e.getKey();
            NDArray p = params.get(name);
            NDArray g = scale == 1.0 ? e.getValue() : Scalar.mul(e.getValue(), (float) scale);
            NDArray a = m1.computeIfAbsent(name, k -> manager.zeros(p.getShape(), p.getDataType()));
            NDArray b = m2.computeIfAbsent(name, k -> manager.zeros(p.getShape(), p.getDataType()));
            a.tempAttach(scratch); // temporaries made from the moments are freed with the step
            b.tempAttach(scratch);
            a.muli((float) beta1).addi(Scalar.mul(g, (float) (1 - beta1)));
            b.muli((float) beta2).addi(g.square().muli((float) (1 - beta2)));
            if (decayed.test(name) && weightDecay > 0) p.muli((float) (1 - lr * weightDecay));
            NDArray upd = Scalar.div(a, (float) bc1).divi(Scalar.div(b, (float) bc2).sqrt().addi((float) eps)).muli((float) lr);
            p.subi(upd);
        }
        return norm;
    }

    /** Moments, for checkpoints. */
    public Map<String, NDArray> firstMoments() { return m1; }

    public Map<String, NDArray> secondMoments() { return m2; }

    public void restore(long step, Map<String, float[]> first, Map<String, float[]> second, Map<String, NDArray> params) {
        this.step = step;
        for (Map.Entry<String, float[]> e : first.entrySet()) {
            NDArray p = params.get(e.getKey());
            if (p == null) throw new IllegalArgumentException("optimizer state names unknown parameter '" + e.getKey() + "'");
            m1.put(e.getKey(), manager.create(e.getValue(), p.getShape()));
            m2.put(e.getKey(), manager.create(second.get(e.getKey()), p.getShape()));
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}

package org.topoomni.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.topoomni.sheet.LayerStack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One cortical adaptor after every layer of every stack (METHOD.md section 1): {@code Z = X W}
 * gives the cortical units the sheet shows, {@code X_hat = Z W^-1} is passed on. W is square and
 * starts at I + 0.001 N(0, 1); for an invertible W the pseudo-inverse is the inverse, and in exact
 * arithmetic X_hat = X, so the adaptor re-expresses each layer in a learned basis without
 * changing what the network computes. Only the adaptors are trained; the backbone stays frozen.
 * The inverses are recomputed every training step ({@link #refreshInverses}) and cached for
 * inference.
 */
public final class CorticalAdaptors implements AutoCloseable {
    private final Weights w;
    private final List<LayerSite> sites = new ArrayList<>();
    private final Map<LayerSite, String> names = new HashMap<>();
    private final Map<LayerSite, NDArray> inverses = new HashMap<>();

    /** One adaptor per layer of every stack, W = I + 0.001 N(0, 1) of the layer's own width, seeded. */
    public CorticalAdaptors(NDManager manager, List<LayerStack> stacks, long seed) {
        this.w = new Weights(manager);
        SplittableRandom rng = new SplittableRandom(seed);
        for (LayerStack s : stacks) {
            for (int l = 0; l < s.layers(); l++) {
                LayerSite site = new LayerSite(s.name(), l);
                String name = "adaptor." + s.name() + "." + l;
                int d = s.width(l);
                float[] v = new float[d * d];
                for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) v[i * d + j] = (float) ((i == j ? 1 : 0) + 0.001 * rng.nextGaussian());
                w.put(name, v, d, d);
                sites.add(site);
                names.put(site, name);
            }
        }
    }

    public List<LayerSite> sites() { return sites; }

    public Weights weights() { return w; }

    public NDArray matrix(LayerSite site) {
        String n = names.get(site);
        if (n == null) throw new IllegalArgumentException("no adaptor at " + site);
        return w.get(n);
    }

    /**
     * Recomputes every W^-1. Inside a gradient recording in {@code m}, the inverses carry
     * gradients to W (training); outside, they are cached for inference.
     */
    public void refreshInverses(NDManager m) {
        for (LayerSite s : sites) {
            NDArray inv = matrix(s).inverse();
            inv.attach(m);
            inverses.put(s, inv);
        }
    }

    /** Inverses kept in the adaptors' own manager, for inference until the next refresh. */
    public void cacheInverses() {
        for (NDArray old : inverses.values()) if (old.getManager() == w.manager()) old.close();
        inverses.clear();
        for (LayerSite s : sites) {
            NDArray inv = matrix(s).inverse();
            inv.attach(w.manager());
            inverses.put(s, inv);
        }
    }

    /** The hook that runs the adaptors, with {@code tap} seeing (and possibly changing) each Z. */
    public LayerHook hook(CorticalTap tap) {
        return (site, x, tokens) -> {
            NDArray inv = inverses.get(site);
            if (inv == null) throw new IllegalStateException("adaptor inverses not computed; call refreshInverses or cacheInverses first");
            NDArray z = x.matMul(matrix(site));
            z = tap.onZ(site, z, tokens);
            return z.matMul(inv);
        };
    }

    /** Largest condition number (2-norm, via singular values) over the adaptors, computed in Java. */
    public double worstConditionNumber() {
        double worst = 1;
        for (LayerSite s : sites) {
            NDArray m = matrix(s);
            int d = (int) m.getShape().get(0);
            float[] a = m.toFloatArray();
            org.apache.commons.math3.linear.RealMatrix rm = new org.apache.commons.math3.linear.Array2DRowRealMatrix(d, d);
            for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) rm.setEntry(i, j, a[i * d + j]);
            double[] sv = new org.apache.commons.math3.linear.SingularValueDecomposition(rm).getSingularValues();
            worst = Math.max(worst, sv[0] / sv[sv.length - 1]);
        }
        return worst;
    }

    public void save(Path file, Map<String, String> metadata) throws IOException {
        w.save(file, metadata);
    }

    public void load(Path file) throws IOException {
        w.load(file);
        cacheInverses();
    }

    /** Names of the adaptor tensors in file order. */
    public Map<LayerSite, String> names() {
        Map<LayerSite, String> out = new LinkedHashMap<>();
        for (LayerSite s : sites) out.put(s, names.get(s));
        return out;
    }

    @Override
    public void close() {
        w.close();
    }
}

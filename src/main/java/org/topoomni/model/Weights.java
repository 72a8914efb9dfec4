package org.topoomni.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Named parameters of a model, float32 NDArrays owned by one manager. Initialisation is seeded
 * and done in Java, so the same seed gives the same network on any machine.
 */
public final class Weights implements AutoCloseable {
    private final NDManager manager;
    private final Map<String, NDArray> params = new LinkedHashMap<>();

    public Weights(NDManager parent) {
        this.manager = parent.newSubManager();
    }

    public NDManager manager() {
        return manager;
    }

    public NDArray get(String name) {
        NDArray p = params.get(name);
        if (p == null) throw new IllegalArgumentException("no parameter named '" + name + "'");
        return p;
    }

    public boolean has(String name) {
        return params.containsKey(name);
    }

    public Map<String, NDArray> all() {
        return java.util.Collections.unmodifiableMap(params);
    }

    public Collection<String> names() {
        return params.keySet();
    }

    /** Number of scalar parameters. */
    public long count() {
        long n = 0;
        for (NDArray p : params.values()) n += p.size();
        return n;
    }

    public NDArray normal(String name, double std, SplittableRandom rng, long... shape) {
        float[] v = new float[(int) new Shape(shape).size()];
        for (int i = 0; i < v.length; i++) v[i] = (float) (rng.nextGaussian() * std);
        return put(name, v, shape);
    }

    public NDArray constant(String name, float value, long... shape) {
        float[] v = new float[(int) new Shape(shape).size()];
        Arrays.fill(v, value);
        return put(name, v, shape);
    }

    public NDArray put(String name, float[] values, long... shape) {
        if (params.containsKey(name)) throw new IllegalArgumentException("parameter '" + name + "' defined twice");
        NDArray a = manager.create(values, new Shape(shape));
        a.setName(name);
        params.put(name, a);
        return a;
    }

    /** Drops a parameter (and frees it). */
    public void remove(String name) {
        NDArray p = params.remove(name);
        if (p == null) throw new IllegalArgumentException("no parameter named '" + name + "'");
        p.close();
    }

    public void requireGradients(boolean on) {
        for (NDArray p : params.values()) p.setRequiresGradient(on);
    }

    /**
     * Sets every accumulated gradient to zero (DJL's PyTorch engine accumulates them). A fill,
     * not a subtraction, so that NaN or Inf left by a skipped step goes too; the temporaries it
     * needs are made in {@code scratch}.
     */
    public void zeroGradients(NDManager scratch) {
        for (NDArray p : params.values()) {
            if (p.hasGradient()) {
                NDArray g = p.getGradient();
                g.attach(scratch);
                g.set(new ai.djl.ndarray.index.NDIndex("..."), 0f);
            }
        }
    }

    // ------------------------------------------------------------------ files

    public void save(Path file, Map<String, String> metadata) throws IOException {
        Map<String, Safetensors.Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            out.put(e.getKey(), new Safetensors.Tensor(e.getValue().getShape().getShape(),
                    e.getValue().toType(DataType.FLOAT32, false).toFloatArray()));
        }
        Safetensors.write(file, out, metadata);
    }

    /**
     * Replaces every parameter's values with those in a safetensors file. The file must hold
     * exactly these names with these shapes; otherwise the message names the first tensor that
     * differs.
     */
    public void load(Path file) throws IOException {
        Map<String, Safetensors.Tensor> in = Safetensors.read(file);
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            Safetensors.Tensor t = in.get(e.getKey());
            if (t == null) throw new IOException(file + " lacks tensor '" + e.getKey() + "' that the config asks for");
            long[] want = e.getValue().getShape().getShape();
            if (!Arrays.equals(want, t.shape())) {
                throw new IOException(file + ": tensor '" + e.getKey() + "' has shape " + Arrays.toString(t.shape())
                        + " but the config needs " + Arrays.toString(want));
            }
        }
        for (String name : in.keySet()) {
            if (!params.containsKey(name)) throw new IOException(file + " has tensor '" + name + "' that the config does not define");
        }
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            // an indexed copy: NDArray.set(float[]) makes libtorch print a deprecation warning on every command
            // (autograd refuses an in-place copy into a leaf that takes gradients, so that is switched off for the copy)
            NDArray p = e.getValue();
            boolean grad = p.hasGradient();
            if (grad) p.setRequiresGradient(false);
            try (NDArray v = manager.create(in.get(e.getKey()).data(), p.getShape())) {
                p.set(new ai.djl.ndarray.index.NDIndex("..."), v);
            }
            if (grad) p.setRequiresGradient(true);
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}

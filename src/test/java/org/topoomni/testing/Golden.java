package org.topoomni.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the golden vectors (copied from ../shared/golden into the test resources). */
public final class Golden {
    private Golden() {}

    public static JsonNode load(String file) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + file)) {
            if (in == null) throw new IllegalStateException("golden file missing from test resources: " + file);
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static double[] vector(JsonNode n) {
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) v[i] = n.get(i).asDouble();
        return v;
    }

    public static double[][] matrix(JsonNode n) {
        double[][] m = new double[n.size()][];
        for (int i = 0; i < m.length; i++) m[i] = vector(n.get(i));
        return m;
    }

    /** Largest relative error max|a-b| / max(1e-300, |b|), elementwise. */
    public static double maxRelError(double[] actual, double[] expected) {
        if (actual.length != expected.length) throw new AssertionError("length " + actual.length + " != " + expected.length);
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
            double e = Math.abs(actual[i] - expected[i]) / Math.max(1e-300, Math.abs(expected[i]));
            if (Double.isNaN(actual[i]) != Double.isNaN(expected[i])) return Double.POSITIVE_INFINITY;
            if (!Double.isNaN(e)) worst = Math.max(worst, e);
        }
        return worst;
    }
}

package org.topoomni.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loads the golden vectors (src/test/resources/golden) and compares arrays to them. */
public final class Golden {

    /** Tolerance of a float64 comparison: |a - b| &lt;= TOL * max(1, |b|). */
    public static final double TOL = 1e-9;

    private Golden() {
    }

    public static JsonNode load(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
            assertNotNull(in, "golden file missing from the test class path: " + name);
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static double[] vector(JsonNode node) {
        double[] v = new double[node.size()];
        for (int i = 0; i < v.length; i++) v[i] = node.get(i).asDouble();
        return v;
    }

    public static double[][] matrix(JsonNode node) {
        double[][] m = new double[node.size()][];
        for (int i = 0; i < m.length; i++) m[i] = vector(node.get(i));
        return m;
    }

    /** Row-major flattening of a matrix node. */
    public static double[] flat(JsonNode node) {
        double[][] m = matrix(node);
        int c = m[0].length;
        double[] out = new double[m.length * c];
        for (int i = 0; i < m.length; i++) System.arraycopy(m[i], 0, out, i * c, c);
        return out;
    }

    /** Scaled error |a - b| / max(1, |b|). */
    public static double error(double actual, double expected) {
        return Math.abs(actual - expected) / Math.max(1.0, Math.abs(expected));
    }

    /** Asserts every entry within TOL, prints and returns the worst scaled error. */
    public static double assertClose(String what, double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, what + ": length");
        double worst = 0;
        int at = -1;
        for (int i = 0; i < expected.length; i++) {
            double e = error(actual[i], expected[i]);
            if (!(e <= worst)) {
                worst = e;
                at = i;
            }
        }
        System.out.printf("golden %-40s worst scaled error %.3e%n", what, worst);
        int fi = at;
        double fw = worst;
        assertTrue(worst <= TOL, () -> what + ": worst error " + fw + " at " + fi + " (expected " + expected[fi] + ", got " + actual[fi] + ")");
        return worst;
    }

    /** Asserts relative error |a - b| / |b| within tol (for values that may be tiny). */
    public static double assertRelative(String what, double[] expected, double[] actual, double tol) {
        assertEquals(expected.length, actual.length, what + ": length");
        double worst = 0;
        int at = -1;
        for (int i = 0; i < expected.length; i++) {
            double e = Math.abs(actual[i] - expected[i]) / Math.abs(expected[i]);
            if (!(e <= worst)) {
                worst = e;
                at = i;
            }
        }
        System.out.printf("golden %-40s worst relative error %.3e%n", what, worst);
        int fi = at;
        double fw = worst;
        assertTrue(worst <= tol, () -> what + ": worst relative error " + fw + " at " + fi + " (expected " + expected[fi] + ", got " + actual[fi] + ")");
        return worst;
    }
}

package org.topoomni.loss;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.topoomni.sheet.Disc;
import org.topoomni.sheet.Neighbourhoods;
import org.topoomni.testing.Golden;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class SpatialCorrelationLossTest {
    static NDManager manager;
    final SpatialCorrelationLoss loss = new SpatialCorrelationLoss();

    @BeforeAll
    static void start() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    @Test
    void matchesGoldenLossAndGradient() {
        JsonNode g = Golden.load("spatial_loss.json");
        double[][] acts = Golden.matrix(g.get("activations"));
        double[][] pos = Golden.matrix(g.get("positions"));
        int t = acts.length, k = acts[0].length;
        int[] units = new int[k];
        for (int i = 0; i < k; i++) units[i] = i;
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = sub.create(flatten(acts), new Shape(t, k));
            assertEquals(DataType.FLOAT64, x.getDataType());
            x.setRequiresGradient(true);
            double value;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray l = loss.compute(x, new int[][] {units}, new double[][][] {pos});
                value = l.getDouble();
                gc.backward(l);
            }
            double[] grad = x.getGradient().toDoubleArray();
            assertEquals(g.get("loss").asDouble(), value, 1e-6 * Math.abs(g.get("loss").asDouble()));
            double[] expected = flatten(Golden.matrix(g.get("grad")));
            double worst = 0;
            for (int i = 0; i < grad.length; i++) worst = Math.max(worst, Math.abs(grad[i] - expected[i]));
            double scale = 0;
            for (double v : expected) scale = Math.max(scale, Math.abs(v));
            assertTrue(worst <= 1e-6 * scale, "gradient differs from golden by " + worst + " (scale " + scale + ")");
        }
    }

    /** The shared-disc path and the general per-neighbourhood path agree, clipped discs included. */
    @Test
    void discPathEqualsGeneralPath() {
        int rows = 30, cols = 40, t = 12;
        SplittableRandom rng = new SplittableRandom(3);
        Neighbourhoods nb = Neighbourhoods.sample(rows, cols, new Disc(6), 7, rng);
        double[] data = new double[t * rows * cols];
        for (int i = 0; i < data.length; i++) data[i] = rng.nextGaussian();
        int[][] units = new int[nb.count()][];
        double[][][] pos = new double[nb.count()][][];
        for (int a = 0; a < nb.count(); a++) {
            int cnt = nb.validCount(a), j = 0;
            units[a] = new int[cnt];
            pos[a] = new double[cnt][];
            for (int i = 0; i < nb.size(); i++) {
                int u = nb.unit(a, i);
                if (u < 0) continue;
                units[a][j] = u;
                pos[a][j++] = new double[] {u / cols, u % cols};
            }
        }
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = sub.create(data, new Shape(t, rows * cols));
            double fast = loss.compute(x, nb).getDouble();
            double general = loss.compute(x, units, pos).getDouble();
            assertEquals(general, fast, 1e-12);
            assertTrue(fast > 0 && fast < 1, "random responses give a loss near 0.5, got " + fast);
        }
    }

    @Test
    void constantUnitMakesItsNeighbourhoodSkipped() {
        int rows = 10, cols = 10, t = 8;
        SplittableRandom rng = new SplittableRandom(5);
        double[] data = new double[t * rows * cols];
        for (int i = 0; i < data.length; i++) data[i] = rng.nextGaussian();
        for (int s = 0; s < t; s++) data[s * rows * cols + 55] = 1.0; // unit 55 never varies
        int[][] units = {{54, 55, 56, 65}, {0, 1, 10, 11}};
        double[][][] pos = {{{5, 4}, {5, 5}, {5, 6}, {6, 5}}, {{0, 0}, {0, 1}, {1, 0}, {1, 1}}};
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = sub.create(data, new Shape(t, rows * cols));
            x.setRequiresGradient(true);
            double both, second;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray l = loss.compute(x, units, pos);
                both = l.getDouble();
                gc.backward(l);
            }
            for (double v : x.getGradient().toDoubleArray()) assertTrue(Double.isFinite(v), "gradient must stay finite");
            second = loss.compute(x, new int[][] {units[1]}, new double[][][] {pos[1]}).getDouble();
            assertEquals(second, both, 1e-12, "the undefined neighbourhood is skipped, not averaged in");
        }
    }

    @Test
    void fewerThanTwoSamplesIsAClearError() {
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = sub.randomNormal(new Shape(1, 100));
            Neighbourhoods nb = Neighbourhoods.sample(10, 10, new Disc(3), 2, new SplittableRandom(1));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loss.compute(x, nb));
            assertTrue(e.getMessage().contains("at least 2 samples"), e.getMessage());
        }
    }

    @Test
    void float32AgreesWithFloat64OnAFullSizeDisc() {
        int rows = 60, cols = 80, t = 64;
        SplittableRandom rng = new SplittableRandom(11);
        double[] data = new double[t * rows * cols];
        for (int i = 0; i < data.length; i++) data[i] = rng.nextGaussian() + 0.3 * Math.sin(i % cols / 5.0);
        Neighbourhoods nb = Neighbourhoods.sample(rows, cols, new Disc(20), 10, rng);
        try (NDManager sub = manager.newSubManager()) {
            NDArray x64 = sub.create(data, new Shape(t, rows * cols));
            double l64 = loss.compute(x64, nb).getDouble();
            double l32 = loss.compute(x64.toType(DataType.FLOAT32, false), nb).getFloat();
            assertEquals(l64, l32, 1e-4, "float32 loss should agree with float64");
        }
    }

    static double[] flatten(double[][] m) {
        double[] out = new double[m.length * m[0].length];
        for (int i = 0; i < m.length; i++) System.arraycopy(m[i], 0, out, i * m[0].length, m[0].length);
        return out;
    }
}

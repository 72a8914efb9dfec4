package org.topoomni.loss;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.topoomni.sheet.Disc;
import org.topoomni.sheet.Neighbourhoods;
import org.topoomni.stats.MoransI;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** The loss does what it is for: gradient descent on it makes the sheet smoother. */
class SpatialLossPropertyTest {
    static final int ROWS = 20, COLS = 20, T = 24;

    @Test
    void sgdLowersTheLossAndRaisesMoransI() {
        SpatialCorrelationLoss loss = new SpatialCorrelationLoss();
        SplittableRandom rng = new SplittableRandom(42);
        float[] init = new float[T * ROWS * COLS];
        for (int i = 0; i < init.length; i++) init[i] = (float) rng.nextGaussian();
        Neighbourhoods probe = Neighbourhoods.sample(ROWS, COLS, new Disc(5), 64, new SplittableRandom(7));
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(init, new Shape(T, ROWS * COLS));
            x.setRequiresGradient(true);
            double lossBefore = loss.compute(x, probe).getFloat();
            double moranBefore = meanMoran(x.toFloatArray());
            for (int step = 0; step < 150; step++) {
                Neighbourhoods nb = Neighbourhoods.sample(ROWS, COLS, new Disc(5), 16, rng);
                try (NDManager sub = manager.newSubManager()) {
                    x.tempAttach(sub);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        gc.backward(loss.compute(x, nb));
                    }
                    NDArray g = x.getGradient();
                    x.subi(g.mul(200f));
                    g.subi(g);
                }
            }
            double lossAfter = loss.compute(x, probe).getFloat();
            double moranAfter = meanMoran(x.toFloatArray());
            System.out.printf("spatial loss %.3f -> %.3f, Moran's I %.3f -> %.3f%n", lossBefore, lossAfter, moranBefore, moranAfter);
            assertTrue(lossAfter < lossBefore - 0.1, "loss " + lossBefore + " -> " + lossAfter);
            assertTrue(moranAfter > moranBefore + 0.2, "Moran's I " + moranBefore + " -> " + moranAfter);
        }
    }

    /** Mean over samples of Moran's I of the sample's map, each unit z-scored across samples. */
    static double meanMoran(float[] data) {
        int u = ROWS * COLS;
        double[] mean = new double[u], sd = new double[u];
        for (int j = 0; j < u; j++) {
            for (int t = 0; t < T; t++) mean[j] += data[t * u + j] / T;
            for (int t = 0; t < T; t++) sd[j] += Math.pow(data[t * u + j] - mean[j], 2) / (T - 1);
            sd[j] = Math.sqrt(sd[j]);
        }
        double sum = 0;
        for (int t = 0; t < T; t++) {
            double[] map = new double[u];
            for (int j = 0; j < u; j++) map[j] = (data[t * u + j] - mean[j]) / sd[j];
            sum += MoransI.lattice(map, ROWS, COLS);
        }
        return sum / T;
    }
}

package org.topoomni.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.topoomni.loss.SpatialCorrelationLoss;
import org.topoomni.sheet.Disc;
import org.topoomni.sheet.Neighbourhoods;
import org.topoomni.sheet.SheetLayout;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Times one step of the spatial loss (forward + backward) on a full sheet, as training runs it:
 * fresh neighbourhoods every step, gradients into the T x U response matrix.
 */
public final class LossBenchmark {

    public record Settings(SheetLayout layout, int samples, int neighbourhoods, double radius,
                           DataType dtype, int warmup, int steps, long seed) {}

    public record Result(double medianMs, double minMs, double gflops, long peakRssBytes, double lastLoss) {}

    public static Result run(Settings s, PrintStream out) {
        if (s.steps() < 1) throw new IllegalArgumentException("need at least one timed step, got " + s.steps());
        SheetLayout layout = s.layout();
        Disc disc = new Disc(s.radius());
        SpatialCorrelationLoss loss = new SpatialCorrelationLoss();
        SplittableRandom rng = new SplittableRandom(s.seed());
        int units = layout.units();
        out.printf(Locale.ROOT, "spatial loss benchmark: sheet %d x %d (%,d units), T = %d samples, %d neighbourhoods of radius %s (%d cells), %s, forward + backward%n",
                layout.rows(), layout.cols(), units, s.samples(), s.neighbourhoods(), fmt(s.radius()), disc.size(),
                s.dtype().name().toLowerCase(Locale.ROOT));
        out.printf(Locale.ROOT, "engine %s %s, %d threads available%n", Engine.getInstance().getEngineName(),
                Engine.getInstance().getVersion(), Runtime.getRuntime().availableProcessors());
        double[] times = new double[s.steps()];
        double lastLoss = Double.NaN;
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray responses = manager.randomNormal(new Shape(s.samples(), units)).toType(s.dtype(), false);
            responses.setRequiresGradient(true);
            for (int step = -s.warmup(); step < s.steps(); step++) {
                Neighbourhoods nb = Neighbourhoods.sample(layout, s.radius(), s.neighbourhoods(), rng);
                long t0 = System.nanoTime();
                try (NDManager sub = manager.newSubManager();
                     GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    responses.tempAttach(sub); // everything this step makes is freed with sub
                    NDArray l = loss.compute(responses, nb);
                    gc.backward(l);
                    NDArray grad = responses.getGradient();
                    grad.sum().getFloat(); // wait for the gradient to be complete
                    lastLoss = l.toType(DataType.FLOAT64, false).getDouble();
                }
                double ms = (System.nanoTime() - t0) / 1e6;
                if (step >= 0) times[step] = ms;
                out.printf(Locale.ROOT, "  %s %2d: %8.1f ms  loss %.5f%n", step < 0 ? "warm-up" : "step   ",
                        step < 0 ? step + s.warmup() + 1 : step + 1, ms, lastLoss);
            }
        }
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : 0.5 * (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]);
        double k = disc.size(), n = s.neighbourhoods(), t = s.samples();
        // forward: T x K by K x K product per neighbourhood, T x T Gram; backward about twice that.
        double flops = 3 * (2 * n * t * k * k + 2 * n * t * t * k);
        double gflops = flops / (median * 1e-3) / 1e9;
        return new Result(median, sorted[0], gflops, ProcessMemory.peakRssBytes(), lastLoss);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}

package org.topoomni.backbones.tinyomni;

import org.topoomni.model.LayerHook;
import org.topoomni.model.Weights;
import org.topoomni.optim.AdamW;
import org.topoomni.optim.Schedule;
import org.topoomni.optim.Steps;
import org.topoomni.optim.TrainState;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Multitask pretraining of a backbone: AdamW with warm-up + cosine schedule, global gradient
 * clipping, seeded batch order. The batch of step t is a pure function of (seed, t), so a run
 * resumed from its state folder continues exactly where it stopped.
 */
public final class Pretrainer {

    public record Settings(int steps, int batchSize, double learningRate, double warmupFraction, double weightDecay,
                           double clipNorm, long seed, int checkpointEvery, boolean augment, double headWeight) {
        public Settings(int steps, int batchSize, double learningRate, double warmupFraction, double weightDecay,
                        double clipNorm, long seed, int checkpointEvery, boolean augment) {
            this(steps, batchSize, learningRate, warmupFraction, weightDecay, clipNorm, seed, checkpointEvery, augment, 0);
        }

        public Settings(int steps, int batchSize, double learningRate, double warmupFraction, double weightDecay,
                        double clipNorm, long seed, int checkpointEvery) {
            this(steps, batchSize, learningRate, warmupFraction, weightDecay, clipNorm, seed, checkpointEvery, false, 0);
        }

        /**
         * The multitask phase of `pretrain` and the demo: batch 32, {@link #DEFAULT_LR}, 5% warm-up,
         * weight decay 0.01, gradient clipping at 1, a checkpoint every 100 steps, augmentation on,
         * no auxiliary heads.
         */
        public static Settings defaults(int steps, long seed) {
            return new Settings(steps, 32, DEFAULT_LR, 0.05, 0.01, 1.0, seed, 100, true, 0);
        }

        public Settings withBatch(int b) {
            return new Settings(steps, b, learningRate, warmupFraction, weightDecay, clipNorm, seed, checkpointEvery, augment, headWeight);
        }

        public Settings withLearningRate(double lr) {
            return new Settings(steps, batchSize, lr, warmupFraction, weightDecay, clipNorm, seed, checkpointEvery, augment, headWeight);
        }

        public Settings withHeadWeight(double w) {
            return new Settings(steps, batchSize, learningRate, warmupFraction, weightDecay, clipNorm, seed, checkpointEvery, augment, w);
        }

        public Settings {
            if (steps < 0) throw new IllegalArgumentException("steps must be >= 0 (0: the encoder phase alone), got " + steps);
            if (batchSize <= 0) throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
            if (!(headWeight >= 0)) throw new IllegalArgumentException("encoder head weight must be >= 0, got " + headWeight);
        }
    }

    /** Loss curve point. */
    public record Point(int step, double loss, double lr, double gradNorm, double seconds) {}

    public static final String STATE_DIR = Steps.STATE_DIR;
    /**
     * Defaults of the multitask phase of `pretrain` and the demo: 700 steps after the encoder
     * phase's 1,300 keep the whole command within 12 minutes on 2 cores; after the encoder phase
     * a peak learning rate of 5e-4 measured better than 3e-4 on all three held-out numbers
     * (docs/TINYOMNI.md).
     */
    public static final int DEFAULT_STEPS = 700;
    public static final double DEFAULT_LR = 5e-4;

    private final Settings s;
    private final PrintStream log;

    public Pretrainer(Settings settings, PrintStream log) {
        this.s = settings;
        this.log = log;
    }

    /**
     * Trains {@code model} in place. With {@code stateDir} given, saves its state there every
     * {@code checkpointEvery} steps and resumes from it if present.
     *
     * @return the loss curve of this run (resumed runs include the earlier points)
     */
    public List<Point> train(NDManager manager, TinyOmni model, List<PretrainItem> items, Path stateDir) throws IOException {
        return train(manager, model, items, stateDir, Integer.MAX_VALUE);
    }

    /** Weight decay applies to matrices (names ending in w, w1, wq, ..., embed), not to gains, biases, positions. */
    static boolean decays(String name) {
        String last = name.substring(name.lastIndexOf('.') + 1);
        return last.startsWith("w") || last.equals("embed");
    }

    /** As {@link #train(NDManager, TinyOmni, List, Path)}, but stops (as if interrupted) after {@code maxSteps} steps of this run. */
    public List<Point> train(NDManager manager, TinyOmni model, List<PretrainItem> items, Path stateDir, int maxSteps) throws IOException {
        if (items.isEmpty()) throw new IllegalArgumentException("nothing to train on: no items");
        Schedule schedule = new Schedule(s.learningRate(), (int) Math.round(s.warmupFraction() * s.steps()), s.steps(), 0.05);
        Predicate<String> decayed = Pretrainer::decays;
        List<Point> curve = new ArrayList<>();
        EncoderHeads heads = s.headWeight() > 0 ? EncoderHeads.of(items, s.headWeight()) : null;
        if (heads != null) heads.attach(model);
        model.weights().requireGradients(true);
        try (AdamW opt = new AdamW(manager, 0.9, 0.98, 1e-8, s.weightDecay())) {
            int start = 0;
            if (TrainState.exists(stateDir)) {
                start = restore(stateDir, model, opt, curve);
                log.printf(Locale.ROOT, "resuming pretraining at step %d of %d%n", start, s.steps());
            }
            long t0 = System.nanoTime();
            double secondsBefore = curve.isEmpty() ? 0 : curve.get(curve.size() - 1).seconds();
            try (ProgressBar bar = Steps.bar("pretrain", s.steps(), log)) {
                bar.stepTo(start);
                double smooth = Double.NaN;
                for (int step = start; step < s.steps() && step < start + (long) maxSteps; step++) {
                    int[] idx = Steps.batchAt(step, s.batchSize(), items.size(), s.seed());
                    List<Example> ex = new ArrayList<>();
                    List<String> cats = new ArrayList<>(), families = new ArrayList<>();
                    SplittableRandom aug = new SplittableRandom(s.seed() * 31 + step);
                    for (int i : idx) {
                        var cfg = model.config();
                        cats.add(items.get(i).category());
                        families.add(items.get(i).family());
                        ex.add(s.augment() ? Augment.apply(items.get(i).example(), cfg.imageSize(), cfg.audioFrames(), cfg.melBands(), aug)
                                : items.get(i).example());
                    }
                    Batch batch = new Batch(model.config(), ex, true);
                    double lr = schedule.at(step), loss, norm;
                    try (NDManager sub = manager.newSubManager()) {
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            model.weights().zeroGradients(sub);
                            EncoderHeads.Step capture = heads == null ? null : heads.step(model);
                            NDArray l = Losses.answerCrossEntropy(model.forward(sub, batch, capture == null ? LayerHook.NONE : capture), batch);
                            loss = l.getFloat();
                            NDArray aux = capture == null ? null : capture.loss(model, batch, cats, families);
                            if (aux != null) l = l.add(aux);
                            gc.backward(l); // a non-finite loss gives non-finite gradients: AdamW skips the step
                        }
                        norm = opt.update(model.weights().all(), lr, s.clipNorm(), decayed, sub);
                    }
                    double secs = secondsBefore + (System.nanoTime() - t0) / 1e9;
                    curve.add(new Point(step + 1, loss, lr, norm, secs));
                    if (Double.isFinite(loss)) smooth = Double.isNaN(smooth) ? loss : 0.95 * smooth + 0.05 * loss;
                    bar.step();
                    bar.setExtraMessage(String.format(Locale.ROOT, " loss %.3f", smooth));
                    boolean last = step + 1 == s.steps();
                    if (stateDir != null && s.checkpointEvery() > 0 && ((step + 1) % s.checkpointEvery() == 0 || last)) {
                        save(stateDir, model, opt, step + 1, curve);
                    }
                }
            }
        }
        model.weights().requireGradients(false);
        if (heads != null) EncoderHeads.detach(model);
        return curve;
    }

    /** The console progress bar of a training loop: steps, rate, time left; the caller adds the loss. */

    private String fingerprint() {
        return "pretrain seed=" + s.seed() + " steps=" + s.steps() + " batch=" + s.batchSize() + " lr=" + s.learningRate()
                + (s.headWeight() > 0 ? " heads=" + s.headWeight() : "");
    }

    private void save(Path dir, TinyOmni model, AdamW opt, int step, List<Point> curve) throws IOException {
        saveState(dir, model.weights(), opt, step, curve, fingerprint());
    }

    private int restore(Path dir, TinyOmni model, AdamW opt, List<Point> curve) throws IOException {
        return restoreState(dir, model.weights(), opt, curve, fingerprint());
    }

    /** Saves a training loop's state with its curve of {@link Point}s (shared by both pretraining phases). */
    static void saveState(Path dir, Weights weights, AdamW opt, int step, List<Point> curve, String fingerprint) throws IOException {
        List<double[]> rows = new ArrayList<>();
        for (Point p : curve) rows.add(new double[] {p.step(), p.loss(), p.lr(), p.gradNorm(), p.seconds()});
        TrainState.save(dir, weights, opt, step, rows, fingerprint);
    }

    /** Restores what {@link #saveState} wrote, appending the saved curve to {@code curve}; returns the step reached. */
    static int restoreState(Path dir, Weights weights, AdamW opt, List<Point> curve, String fingerprint) throws IOException {
        TrainState.Restored r = TrainState.restore(dir, weights, opt, fingerprint);
        for (double[] p : r.curve()) curve.add(new Point((int) p[0], p[1], p[2], p[3], p[4]));
        return r.step();
    }
}

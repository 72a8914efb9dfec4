package org.topoomni.train;

import org.topoomni.nn.Scalar;

import org.topoomni.loss.SpatialCorrelationLoss;
import org.topoomni.model.Backbone;
import org.topoomni.model.CorticalAdaptors;
import org.topoomni.model.LayerSite;
import org.topoomni.model.ModelInput;
import org.topoomni.model.Output;
import org.topoomni.model.SheetTap;
import org.topoomni.optim.AdamW;
import org.topoomni.optim.Schedule;
import org.topoomni.optim.Steps;
import org.topoomni.optim.TrainState;
import org.topoomni.sheet.Band;
import org.topoomni.sheet.Neighbourhoods;
import org.topoomni.sheet.SheetLayout;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import me.tongfei.progressbar.ProgressBar;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Topographic fine-tuning of cortical adaptors on one sheet (METHOD.md sections 1-3). The
 * backbone is frozen; only the adaptors' W are trained.
 * <ul>
 * <li>{@link Mode#FULL}: as the reference does, every step runs the network with the adaptors
 * and backpropagates cross-entropy on the self-distillation answers plus alpha x the spatial
 * loss through the frozen backbone.</li>
 * <li>{@link Mode#CACHED}: the backbone's hidden states do not depend on W, and the sheet shows
 * token means, which commute with W (mean(X W) = mean(X) W). So every layer's token-mean hidden
 * state is computed once per item, and each step trains W on alpha x spatial loss of
 * mean(X) W plus a conditioning term (|G - I|^2 + |G^-1 - I|^2) / d, G = W W^T, that keeps W
 * invertible and well conditioned (the distillation loss's role in the full mode).</li>
 * </ul>
 * The control is the same training with alpha = 0.
 *
 * <p><b>Text.</b> With a text weight w &gt; 0 and plain-text items, every step also draws a batch
 * of texts and adds alpha x w x the spatial loss of their sheet, over neighbourhoods centred in
 * the language stack and cut to it (a text drives neither encoder, so their units are constant
 * and left out). The paper's training items are videos whose speech the 3B model's language
 * model reads word by word; a small model's language stack may see a sound as a few pooled audio
 * tokens, so without text its part of the sheet is only ever organised by audiovisual answers.
 */
public final class TopoTrainer {
    /** Default steps of cached training (`train` and the demo): about 3 minutes on 2 cores at ~5.7 steps/s. */
    public static final int DEFAULT_CACHED_STEPS = 1000;
    /** Default steps of full training (backpropagation through the frozen backbone: several times slower per step). */
    public static final int DEFAULT_FULL_STEPS = 300;
    /** The paper's weight of the spatial loss, and its neighbourhoods per step. */
    public static final double DEFAULT_ALPHA = 20;
    public static final int DEFAULT_NEIGHBOURHOODS = 100;
    /** Items per step (the spatial loss's samples), peak learning rate, steps between resumable checkpoints. */
    public static final int DEFAULT_BATCH = 32, DEFAULT_CHECKPOINT_EVERY = 100;
    public static final double DEFAULT_LR = 1e-3;
    /**
     * Default weight of the conditioning term ({@link #conditioning}). With the one-sided term
     * |W W^T - I|^2 / d, weight 1 let the worst adaptor reach condition number 7,986 and weight 10
     * still 3,689 on the two-phase base model: a perturbation added to Z came back through
     * pinv(W) amplified and random masks broke the answers. With the two-sided term at 10: 1.47,
     * held-out spatial loss 0.181 (control 0.495); docs/ARCHITECTURE.md has the runs.
     */
    public static final double DEFAULT_CONDITIONING = 10.0;

    public enum Mode { FULL, CACHED }

    public record Settings(Mode mode, double alpha, double radius, int neighbourhoods, int steps, int batchSize,
                           double learningRate, double conditioning, long seed, int checkpointEvery, double textWeight) {
        /** Without text batches (text weight 0). */
        public Settings(Mode mode, double alpha, double radius, int neighbourhoods, int steps, int batchSize,
                        double learningRate, double conditioning, long seed, int checkpointEvery) {
            this(mode, alpha, radius, neighbourhoods, steps, batchSize, learningRate, conditioning, seed, checkpointEvery, 0);
        }

        public Settings {
            if (!(textWeight >= 0)) throw new IllegalArgumentException("text weight must be >= 0, got " + textWeight);
            if (alpha < 0) throw new IllegalArgumentException("alpha must be >= 0, got " + alpha);
            if (!(radius > 0)) throw new IllegalArgumentException("neighbourhood radius must be positive, got " + radius);
            if (steps <= 0 || batchSize < 2) throw new IllegalArgumentException("need steps > 0 and a batch of at least 2 items (the spatial loss needs 2 samples)");
        }

        /**
         * The defaults of {@code train} and the demo, in one place: the paper's alpha 20 and 100
         * neighbourhoods per step, the radius that spans as many layer bands as the paper's
         * ({@link #defaultRadius}), {@link #DEFAULT_CACHED_STEPS} cached steps or 300 full ones,
         * batch 32, peak learning rate 1e-3, conditioning weight {@link #DEFAULT_CONDITIONING},
         * seed 0, a resumable checkpoint every 100 steps, text weight {@link #DEFAULT_TEXT_WEIGHT}.
         */
        public static Settings defaults(Mode mode, SheetLayout sheet) {
            return new Settings(mode, DEFAULT_ALPHA, defaultRadius(sheet), DEFAULT_NEIGHBOURHOODS, mode == Mode.CACHED ? DEFAULT_CACHED_STEPS : DEFAULT_FULL_STEPS,
                    DEFAULT_BATCH, DEFAULT_LR, DEFAULT_CONDITIONING, 0, DEFAULT_CHECKPOINT_EVERY, DEFAULT_TEXT_WEIGHT);
        }

        /** The non-topographic control: the same training with alpha = 0. */
        public Settings control() { return withAlpha(0); }

        public Settings withAlpha(double a) { return new Settings(mode, a, radius, neighbourhoods, steps, batchSize, learningRate, conditioning, seed, checkpointEvery, textWeight); }

        public Settings withRadius(double r) { return new Settings(mode, alpha, r, neighbourhoods, steps, batchSize, learningRate, conditioning, seed, checkpointEvery, textWeight); }

        public Settings withNeighbourhoods(int n) { return new Settings(mode, alpha, radius, n, steps, batchSize, learningRate, conditioning, seed, checkpointEvery, textWeight); }

        public Settings withSteps(int n) { return new Settings(mode, alpha, radius, neighbourhoods, n, batchSize, learningRate, conditioning, seed, checkpointEvery, textWeight); }

        public Settings withBatch(int b) { return new Settings(mode, alpha, radius, neighbourhoods, steps, b, learningRate, conditioning, seed, checkpointEvery, textWeight); }

        public Settings withLearningRate(double lr) { return new Settings(mode, alpha, radius, neighbourhoods, steps, batchSize, lr, conditioning, seed, checkpointEvery, textWeight); }

        public Settings withConditioning(double c) { return new Settings(mode, alpha, radius, neighbourhoods, steps, batchSize, learningRate, c, seed, checkpointEvery, textWeight); }

        public Settings withSeed(long sd) { return new Settings(mode, alpha, radius, neighbourhoods, steps, batchSize, learningRate, conditioning, sd, checkpointEvery, textWeight); }

        public Settings withCheckpointEvery(int k) { return new Settings(mode, alpha, radius, neighbourhoods, steps, batchSize, learningRate, conditioning, seed, k, textWeight); }

        public Settings withTextWeight(double w) { return new Settings(mode, alpha, radius, neighbourhoods, steps, batchSize, learningRate, conditioning, seed, checkpointEvery, w); }

        /** Whether steps draw text batches: a positive text weight, and alpha &gt; 0 (the control weighs the term at 0). */
        public boolean textBatches() {
            return textWeight > 0 && alpha > 0;
        }

        String fingerprint() {
            return "topo mode=" + mode + " alpha=" + alpha + " radius=" + radius + " n=" + neighbourhoods + " steps=" + steps
                    + " batch=" + batchSize + " lr=" + learningRate + " cond=" + conditioning + " seed=" + seed
                    + (textWeight > 0 ? " text=" + textWeight : "");
        }
    }

    /** Curve columns. */
    public static final String CURVE_HEADER = "step,total,task,spatial,conditioning,seconds,text_spatial";
    /** Default weight of the text batches' spatial loss ({@code train} and the demo). */
    public static final double DEFAULT_TEXT_WEIGHT = 1.0;

    private final Settings s;
    private final PrintStream log;

    public TopoTrainer(Settings settings, PrintStream log) {
        this.s = settings;
        this.log = log;
    }

    /**
     * The default radius for a sheet: a neighbourhood spans as many layer bands as the paper's
     * (radius 20 over bands of 4-5 rows, so its diameter covers about 9 layers).
     */
    public static double defaultRadius(SheetLayout layout) {
        double top = 0, bottom = 0;
        int nTop = 0, nBottom = 0;
        for (Band b : layout.bands()) {
            if (b.stack().placement() == org.topoomni.sheet.Placement.SENSORY) { top += b.rowsPerLayer(); nTop++; } else { bottom += b.rowsPerLayer(); nBottom++; }
        }
        double mean = nTop == 0 ? bottom / nBottom : nBottom == 0 ? top / nTop : 0.5 * (top / nTop + bottom / nBottom);
        return Math.max(2, Math.round(20.0 * mean / 4.5));
    }

    /** Token-mean hidden states of every layer for every item (items x width per layer), no adaptors. */
    public static Map<LayerSite, float[]> cacheMeans(NDManager manager, Backbone model, List<LayerSite> sites, List<TrainItem> items, int chunk) {
        SheetLayout layout = model.sheet();
        Map<LayerSite, float[]> out = new HashMap<>();
        Map<LayerSite, Integer> width = new HashMap<>();
        for (LayerSite site : sites) {
            int w = layout.band(site.stack()).stack().width(site.layer());
            width.put(site, w);
            out.put(site, new float[items.size() * w]);
        }
        SheetTap rec = new SheetTap(layout, sites);
        for (int i = 0; i < items.size(); i += chunk) {
            List<ModelInput> part = items.subList(i, Math.min(items.size(), i + chunk)).stream().map(TrainItem::input).toList();
            try (NDManager m = manager.newSubManager()) {
                rec.reset(part.size());
                model.forward(m, part, rec.asHook());
                for (LayerSite site : sites) {
                    NDArray mean = rec.layerMeans().get(site);
                    int w = width.get(site);
                    float[] v = mean == null ? new float[part.size() * w] : mean.toFloatArray();
                    System.arraycopy(v, 0, out.get(site), i * w, v.length);
                }
            }
        }
        return out;
    }

    /**
     * Trains the adaptors. In FULL mode {@code items} carry the distillation answers; in CACHED
     * mode {@code cache} holds their token-mean hidden states ({@link #cacheMeans}).
     *
     * @return curve rows (step, total, task, spatial, conditioning, seconds)
     */
    public List<double[]> train(NDManager manager, Backbone model, CorticalAdaptors adaptors, List<TrainItem> items,
                                Map<LayerSite, float[]> cache, Path stateDir, int maxSteps) throws IOException {
        return train(manager, model, adaptors, items, cache, List.of(), null, stateDir, maxSteps);
    }

    /**
     * Trains the adaptors, with text batches for the language stack when the text weight is
     * positive (see the class comment).
     *
     * @param texts     plain-text items (may be empty when the text weight is 0)
     * @param textCache their token-mean hidden states in CACHED mode ({@link #cacheMeans})
     * @return curve rows (step, total, task, spatial, conditioning, seconds, text spatial or NaN)
     */
    public List<double[]> train(NDManager manager, Backbone model, CorticalAdaptors adaptors, List<TrainItem> items,
                                Map<LayerSite, float[]> cache, List<TrainItem> texts, Map<LayerSite, float[]> textCache,
                                Path stateDir, int maxSteps) throws IOException {
        if (items.size() < 2) throw new IllegalArgumentException("topographic training needs at least 2 items, got " + items.size());
        if (s.mode() == Mode.CACHED && cache == null) throw new IllegalArgumentException("cached mode needs the hidden-state cache");
        boolean withText = s.textBatches();
        if (withText && (texts == null || texts.size() < 2)) {
            throw new IllegalArgumentException("a text weight of " + s.textWeight() + " needs at least 2 plain-text items, got "
                    + (texts == null ? 0 : texts.size()));
        }
        if (withText && texts.stream().anyMatch(t -> !t.input().plainText())) {
            throw new IllegalArgumentException("text batches take plain-text items only");
        }
        if (withText && s.mode() == Mode.CACHED && textCache == null) throw new IllegalArgumentException("cached mode needs the texts' hidden-state cache");
        SheetLayout layout = model.sheet();
        List<LayerSite> sites = adaptors.sites();
        SheetTap rec = new SheetTap(layout, sites);
        SheetTap textRec = new SheetTap(layout, sites);
        int[] language = languageUnits(layout);
        if (withText && language.length == 0) throw new IllegalArgumentException("text batches need a language stack on the sheet");
        SpatialCorrelationLoss spatialLoss = new SpatialCorrelationLoss();
        Schedule schedule = new Schedule(s.learningRate(), Math.max(1, (int) Math.round(0.03 * s.steps())), s.steps(), 0.0);
        adaptors.weights().requireGradients(true); // the backbone is frozen: only the adaptors learn
        List<double[]> curve = new ArrayList<>();
        try (AdamW opt = new AdamW(manager, 0.9, 0.999, 1e-8, 0.0)) {
            int start = 0;
            if (TrainState.exists(stateDir)) {
                TrainState.Restored r = TrainState.restore(stateDir, adaptors.weights(), opt, s.fingerprint());
                curve.addAll(r.curve());
                start = r.step();
                log.printf(Locale.ROOT, "resuming topographic training at step %d of %d%n", start, s.steps());
            }
            double before = curve.isEmpty() ? 0 : curve.get(curve.size() - 1)[5];
            long t0 = System.nanoTime();
            String name = s.alpha() == 0 ? "control" : "topo";
            try (ProgressBar bar = Steps.bar(name + " " + s.mode().name().toLowerCase(Locale.ROOT), s.steps(), log)) {
                bar.stepTo(start);
                for (int step = start; step < s.steps() && step < start + (long) maxSteps; step++) {
                    int[] idx = Steps.batchAt(step, s.batchSize(), items.size(), s.seed());
                    SplittableRandom rng = new SplittableRandom(s.seed() * 0x9E3779B97F4A7C15L + 7919L * step);
                    // drawn first, so the audiovisual neighbourhoods of a step are those of a run without text
                    Neighbourhoods nb = Neighbourhoods.sample(layout, s.radius(), s.neighbourhoods(), rng);
                    double task = 0, spatial, cond, textSpatial = Double.NaN;
                    try (NDManager sub = manager.newSubManager()) {
                        NDArray total;
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            adaptors.weights().zeroGradients(sub);
                            NDArray taskLoss = null;
                            if (s.mode() == Mode.FULL) adaptors.refreshInverses(sub);
                            Pass pass = sheetOf(sub, model, adaptors, rec, items, idx, cache);
                            if (pass.output() != null) {
                                taskLoss = pass.output().answerLoss();
                                task = taskLoss.getFloat();
                            }
                            NDArray sp = spatialLoss.compute(pass.sheet(), nb);
                            spatial = sp.getFloat();
                            NDArray c = conditioning(sub, adaptors);
                            cond = c.getFloat();
                            // the control (alpha 0) logs the spatial loss but leaves it out of the objective, so that the
                            // backward pass does not run through the loss only to multiply its gradient by zero
                            total = s.alpha() == 0 ? null : Scalar.mul(sp, s.alpha());
                            if (withText) {
                                int[] tidx = Steps.batchAt(step, s.batchSize(), texts.size(), s.seed() ^ TEXT_SALT);
                                Neighbourhoods tnb = Neighbourhoods.sampleWithin(layout, s.radius(), s.neighbourhoods(), language, rng);
                                NDArray tsp = spatialLoss.compute(sheetOf(sub, model, adaptors, textRec, texts, tidx, textCache).sheet(), tnb);
                                textSpatial = tsp.getFloat();
                                total = plus(total, Scalar.mul(tsp, s.alpha() * s.textWeight()));
                            }
                            if (taskLoss != null) total = plus(total, taskLoss);
                            if (s.mode() == Mode.CACHED || s.conditioning() > 0) total = plus(total, Scalar.mul(c, s.conditioning()));
                            if (total == null) total = Scalar.mul(sp, 0); // nothing to learn: a zero objective that still has the graph's shape
                            gc.backward(total);
                        }
                        opt.update(adaptors.weights().all(), schedule.at(step), 1.0, n -> false, sub);
                        double tot = total.getFloat();
                        double secs = before + (System.nanoTime() - t0) / 1e9;
                        curve.add(new double[] {step + 1, tot, task, spatial, cond, secs, textSpatial});
                    }
                    bar.step();
                    bar.setExtraMessage(String.format(Locale.ROOT, " spatial %.3f%s%s", spatial,
                            withText ? String.format(Locale.ROOT, " text %.3f", textSpatial) : "",
                            s.mode() == Mode.FULL ? String.format(Locale.ROOT, " task %.3f", task) : ""));
                    if (stateDir != null && s.checkpointEvery() > 0 && ((step + 1) % s.checkpointEvery() == 0 || step + 1 == s.steps())) {
                        TrainState.save(stateDir, adaptors.weights(), opt, step + 1, curve, s.fingerprint());
                    }
                }
            }
        }
        adaptors.weights().requireGradients(false);
        adaptors.cacheInverses();
        return curve;
    }

    private static final long TEXT_SALT = 0x7E47_7E47L;

    private static NDArray plus(NDArray sum, NDArray term) {
        return sum == null ? term : sum.add(term);
    }

    /** A batch's sheet, and in FULL mode the forward pass's output (null in CACHED mode). */
    private record Pass(NDArray sheet, Output output) {}

    /**
     * The sheet (items x units) of a batch with the adaptors: from the cache (token means x W)
     * in CACHED mode, else a forward pass through the frozen backbone.
     */
    private Pass sheetOf(NDManager sub, Backbone model, CorticalAdaptors adaptors, SheetTap rec, List<TrainItem> items, int[] idx,
                         Map<LayerSite, float[]> cache) {
        rec.reset(idx.length);
        if (s.mode() == Mode.FULL) {
            List<ModelInput> ex = new ArrayList<>();
            for (int i : idx) ex.add(items.get(i).input());
            Output out = model.forward(sub, ex, adaptors.hook(rec));
            return new Pass(rec.sheet(sub), out);
        } else {
            for (LayerSite site : adaptors.sites()) {
                float[] all = cache.get(site);
                int w = all.length / items.size();
                float[] x = new float[idx.length * w];
                for (int r = 0; r < idx.length; r++) System.arraycopy(all, idx[r] * w, x, r * w, w);
                NDArray xm = sub.create(x, new Shape(idx.length, w));
                rec.record(site, xm.matMul(adaptors.matrix(site)));
            }
        }
        return new Pass(rec.sheet(sub), null);
    }

    /** The units of the sheet's language stack(s). */
    static int[] languageUnits(SheetLayout layout) {
        return layout.modalityUnits(org.topoomni.sheet.Modality.LANGUAGE);
    }

    /**
     * Mean over layers of (|G - I|_F^2 + |G^-1 - I|_F^2) / d with G = W W^T: zero at an
     * orthogonal W, and for each singular value s of W it costs (s^2 - 1)^2 + (s^-2 - 1)^2, so a
     * singular value that shrinks towards 0 is as costly as one that grows without bound. The
     * first term alone barely sees one collapsing direction among d (it costs at most 1/d), and
     * that direction is where pinv(W) amplifies whatever is added to Z.
     */
    static NDArray conditioning(NDManager m, CorticalAdaptors adaptors) {
        NDArray sum = null;
        for (LayerSite site : adaptors.sites()) {
            NDArray w = adaptors.matrix(site);
            long d = w.getShape().get(0);
            NDArray wt = w.transpose();
            wt.attach(m);
            NDArray gram = w.matMul(wt);
            gram.attach(m);
            NDArray eye = m.eye((int) d);
            NDArray dev = Scalar.div(gram.sub(eye).square().sum().add(gram.inverse().sub(eye).square().sum()), d);
            sum = sum == null ? dev : sum.add(dev);
        }
        return Scalar.div(sum, adaptors.sites().size());
    }

    /**
     * Mean spatial loss over items (in batches of {@code batchSize}, seeded neighbourhoods), from
     * cached token means: the loss the sheet of held-out items has.
     */
    public static double spatialLossOf(NDManager manager, Backbone model, CorticalAdaptors adaptors, Map<LayerSite, float[]> cache,
                                       int items, int batchSize, double radius, int neighbourhoods, int draws, long seed) {
        return spatialLossOf(manager, model, adaptors, cache, items, batchSize, radius, neighbourhoods, draws, seed, null);
    }

    /**
     * {@link #spatialLossOf(NDManager, Backbone, CorticalAdaptors, Map, int, int, double, int, int, long)}
     * over neighbourhoods centred in and cut to {@code region} (null: the whole sheet).
     */
    public static double spatialLossOf(NDManager manager, Backbone model, CorticalAdaptors adaptors, Map<LayerSite, float[]> cache,
                                       int items, int batchSize, double radius, int neighbourhoods, int draws, long seed, int[] region) {
        SheetLayout layout = model.sheet();
        SheetTap rec = new SheetTap(layout, adaptors.sites());
        SpatialCorrelationLoss loss = new SpatialCorrelationLoss();
        SplittableRandom rng = new SplittableRandom(seed);
        double sum = 0;
        int n = 0;
        for (int start = 0; start + 1 < items; start += batchSize) {
            int end = Math.min(items, start + batchSize);
            if (end - start < 2) break;
            try (NDManager m = manager.newSubManager()) {
                rec.reset(end - start);
                for (LayerSite site : adaptors.sites()) {
                    float[] all = cache.get(site);
                    int w = all.length / items;
                    float[] x = java.util.Arrays.copyOfRange(all, start * w, end * w);
                    rec.record(site, m.create(x, new Shape(end - start, w)).matMul(adaptors.matrix(site)));
                }
                NDArray sheet = rec.sheet(m);
                for (int d = 0; d < draws; d++) {
                    Neighbourhoods nb = region == null ? Neighbourhoods.sample(layout, radius, neighbourhoods, rng)
                            : Neighbourhoods.sampleWithin(layout, radius, neighbourhoods, region, rng);
                    sum += loss.compute(sheet, nb).getFloat();
                    n++;
                }
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}

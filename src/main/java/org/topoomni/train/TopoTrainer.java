package org.topoomni.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import me.tongfei.progressbar.ProgressBar;
import org.topoomni.loss.SpatialCorrelationLoss;
import org.topoomni.model.Backbone;
import org.topoomni.model.Batch;
import org.topoomni.model.CorticalAdaptors;
import org.topoomni.model.CorticalTap;
import org.topoomni.model.Example;
import org.topoomni.model.LayerSite;
import org.topoomni.model.Losses;
import org.topoomni.model.SheetRecorder;
import org.topoomni.sheet.Band;
import org.topoomni.sheet.Neighbourhoods;
import org.topoomni.sheet.SheetLayout;

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
 */
public final class TopoTrainer {
    /** Default steps of cached training (`train` and the demo): about 3 minutes on 2 cores at ~5.7 steps/s. */
    public static final int DEFAULT_CACHED_STEPS = 1000;
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
                           double learningRate, double conditioning, long seed, int checkpointEvery) {
        public Settings {
            if (alpha < 0) throw new IllegalArgumentException("alpha must be >= 0, got " + alpha);
            if (!(radius > 0)) throw new IllegalArgumentException("neighbourhood radius must be positive, got " + radius);
            if (steps <= 0 || batchSize < 2) throw new IllegalArgumentException("need steps > 0 and a batch of at least 2 items (the spatial loss needs 2 samples)");
        }

        String fingerprint() {
            return "topo mode=" + mode + " alpha=" + alpha + " radius=" + radius + " n=" + neighbourhoods + " steps=" + steps
                    + " batch=" + batchSize + " lr=" + learningRate + " cond=" + conditioning + " seed=" + seed;
        }
    }

    /** Curve columns. */
    public static final String CURVE_HEADER = "step,total,task,spatial,conditioning,seconds";

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
            if (b.top() == 0 && b.cols() < layout.cols()) { top += b.rowsPerLayer(); nTop++; } else { bottom += b.rowsPerLayer(); nBottom++; }
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
            int w = layout.band(site.stack()).stack().width();
            width.put(site, w);
            out.put(site, new float[items.size() * w]);
        }
        SheetRecorder rec = new SheetRecorder(layout, sites);
        for (int i = 0; i < items.size(); i += chunk) {
            List<Example> part = items.subList(i, Math.min(items.size(), i + chunk)).stream().map(TrainItem::example).toList();
            Batch batch = new Batch(model.config(), part, true);
            try (NDManager m = manager.newSubManager()) {
                rec.reset(part.size());
                model.forward(m, batch, rec.asHook());
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
        if (items.size() < 2) throw new IllegalArgumentException("topographic training needs at least 2 items, got " + items.size());
        if (s.mode() == Mode.CACHED && cache == null) throw new IllegalArgumentException("cached mode needs the hidden-state cache");
        SheetLayout layout = model.sheet();
        List<LayerSite> sites = adaptors.sites();
        SheetRecorder rec = new SheetRecorder(layout, sites);
        SpatialCorrelationLoss spatialLoss = new SpatialCorrelationLoss();
        Schedule schedule = new Schedule(s.learningRate(), Math.max(1, (int) Math.round(0.03 * s.steps())), s.steps(), 0.0);
        model.weights().requireGradients(false);
        adaptors.weights().requireGradients(true);
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
            try (ProgressBar bar = Pretrainer.stepBar(name + " " + s.mode().name().toLowerCase(Locale.ROOT), s.steps(), log)) {
                bar.stepTo(start);
                for (int step = start; step < s.steps() && step < start + (long) maxSteps; step++) {
                    int[] idx = Pretrainer.batchAt(step, s.batchSize(), items.size(), s.seed());
                    SplittableRandom rng = new SplittableRandom(s.seed() * 0x9E3779B97F4A7C15L + 7919L * step);
                    Neighbourhoods nb = Neighbourhoods.sample(layout, s.radius(), s.neighbourhoods(), rng);
                    double task = 0, spatial, cond;
                    try (NDManager sub = manager.newSubManager()) {
                        NDArray total;
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            adaptors.weights().zeroGradients(sub);
                            NDArray sheet;
                            NDArray taskLoss = null;
                            rec.reset(idx.length);
                            if (s.mode() == Mode.FULL) {
                                List<Example> ex = new ArrayList<>();
                                for (int i : idx) ex.add(items.get(i).example());
                                Batch batch = new Batch(model.config(), ex, true);
                                adaptors.refreshInverses(sub);
                                NDArray logits = model.forward(sub, batch, adaptors.hook(rec));
                                taskLoss = Losses.answerCrossEntropy(logits, batch);
                                task = taskLoss.getFloat();
                            } else {
                                for (LayerSite site : sites) {
                                    float[] all = cache.get(site);
                                    int w = all.length / items.size();
                                    float[] x = new float[idx.length * w];
                                    for (int r = 0; r < idx.length; r++) System.arraycopy(all, idx[r] * w, x, r * w, w);
                                    NDArray xm = sub.create(x, new Shape(idx.length, w));
                                    rec.record(site, xm.matMul(adaptors.matrix(site)));
                                }
                            }
                            sheet = rec.sheet(sub);
                            NDArray sp = spatialLoss.compute(sheet, nb);
                            spatial = sp.getFloat();
                            NDArray c = conditioning(sub, adaptors);
                            cond = c.getFloat();
                            total = sp.mul((float) s.alpha());
                            if (taskLoss != null) total = total.add(taskLoss);
                            if (s.mode() == Mode.CACHED || s.conditioning() > 0) total = total.add(c.mul((float) s.conditioning()));
                            gc.backward(total);
                        }
                        opt.update(adaptors.weights().all(), schedule.at(step), 1.0, n -> false, sub);
                        double tot = total.getFloat();
                        double secs = before + (System.nanoTime() - t0) / 1e9;
                        curve.add(new double[] {step + 1, tot, task, spatial, cond, secs});
                    }
                    bar.step();
                    bar.setExtraMessage(String.format(Locale.ROOT, " spatial %.3f%s", spatial, s.mode() == Mode.FULL ? String.format(Locale.ROOT, " task %.3f", task) : ""));
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
            NDArray dev = gram.sub(eye).square().sum().add(gram.inverse().sub(eye).square().sum()).div((float) d);
            sum = sum == null ? dev : sum.add(dev);
        }
        return sum.div((float) adaptors.sites().size());
    }

    /**
     * Mean spatial loss over items (in batches of {@code batchSize}, seeded neighbourhoods), from
     * cached token means: the loss the sheet of held-out items has.
     */
    public static double spatialLossOf(NDManager manager, Backbone model, CorticalAdaptors adaptors, Map<LayerSite, float[]> cache,
                                       int items, int batchSize, double radius, int neighbourhoods, int draws, long seed) {
        SheetLayout layout = model.sheet();
        SheetRecorder rec = new SheetRecorder(layout, adaptors.sites());
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
                    sum += loss.compute(sheet, Neighbourhoods.sample(layout, radius, neighbourhoods, rng)).getFloat();
                    n++;
                }
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}

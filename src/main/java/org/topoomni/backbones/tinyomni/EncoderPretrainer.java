package org.topoomni.backbones.tinyomni;

import org.topoomni.optim.AdamW;
import org.topoomni.optim.Schedule;
import org.topoomni.optim.Steps;
import org.topoomni.optim.TrainState;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import me.tongfei.progressbar.ProgressBar;

/**
 * Phase 1 of pretraining: the vision and audio encoders learn alone, before the language model
 * joins. Each step takes a batch of images and a batch of sounds from the training items, runs
 * only the two encoders, and trains linear category heads on their mean-pooled last layers
 * ({@link EncoderHeads}) with cross-entropy. Only encoder parameters and the heads change; the
 * heads are removed when the phase ends.
 *
 * <p>Why: Qwen2.5-Omni's encoders are pretrained before the Thinker learns to read them. At our
 * scale the same split pays for itself: an encoder-only step costs a fraction of a full
 * multitask step (no language model, no answer tokens), so in the same minutes the vision
 * encoder sees its pictures many more times, and the language model then learns to name
 * features that already separate the categories (measured in docs/TINYOMNI.md).
 *
 * <p>Resumable like {@link Pretrainer}: the batch of step t is a pure function of (seed, t) and
 * the state folder holds weights, moments, step and curve. When the phase is complete the folder
 * also holds {@code result.json} (the heads' held-out accuracy), and calling {@link #train}
 * again restores the weights and returns that result without training.
 */
public final class EncoderPretrainer {

    /**
     * @param steps         encoder-only steps (0: no encoder phase)
     * @param imageBatch    images per step
     * @param soundBatch    sounds per step
     * @param learningRate  peak learning rate (warm-up 5%, cosine to 5% of the peak)
     */
    public record Settings(int steps, int imageBatch, int soundBatch, double learningRate, double weightDecay, double clipNorm,
                           long seed, int checkpointEvery, boolean augment) {
        public Settings {
            if (steps < 0) throw new IllegalArgumentException("encoder steps must be >= 0, got " + steps);
            if (imageBatch < 0 || soundBatch < 0 || imageBatch + soundBatch == 0) {
                throw new IllegalArgumentException("encoder batch sizes must be >= 0 and not both 0, got " + imageBatch + " images, " + soundBatch + " sounds");
            }
            if (!(learningRate > 0)) throw new IllegalArgumentException("encoder learning rate must be positive, got " + learningRate);
        }

        /** The defaults of `pretrain` and the demo (docs/TINYOMNI.md has the runs behind them). */
        public static Settings defaults(long seed) {
            return new Settings(DEFAULT_STEPS, 32, 8, DEFAULT_LR, 0.01, 1.0, seed, 250, true);
        }

        public Settings withSteps(int n) {
            return new Settings(n, imageBatch, soundBatch, learningRate, weightDecay, clipNorm, seed, checkpointEvery, augment);
        }

        public Settings withLearningRate(double lr) {
            return new Settings(steps, imageBatch, soundBatch, lr, weightDecay, clipNorm, seed, checkpointEvery, augment);
        }
    }

    /** Held-out accuracy of the heads per family (visual, retinotopy, auditory, tonotopy), and the phase's curve and time. */
    public record Result(Map<String, Double> headAccuracy, List<Pretrainer.Point> curve, double seconds) {}

    public static final String STATE_DIR = "encoder-state";
    static final String RESULT = "result.json";
    public static final int DEFAULT_STEPS = 1300;
    public static final double DEFAULT_LR = 1e-3;

    private final Settings s;
    private final PrintStream log;

    public EncoderPretrainer(Settings settings, PrintStream log) {
        this.s = settings;
        this.log = log;
    }

    static boolean isImage(PretrainItem it) {
        return it.example().image() != null && (it.family().equals("visual") || it.family().equals("retinotopy"));
    }

    static boolean isSound(PretrainItem it) {
        return it.example().mel() != null && (it.family().equals("auditory") || it.family().equals("tonotopy"));
    }

    /** Names of the parameters this phase trains: both encoders up to their last norm, and the heads. */
    static boolean trains(String name) {
        if (name.startsWith(EncoderHeads.PREFIX)) return true;
        if (name.startsWith("vision.")) return !name.startsWith("vision.merge.");
        if (name.startsWith("audio.")) return !name.startsWith("audio.proj.");
        return false;
    }

    /**
     * Trains the encoders of {@code model} in place on the image and sound items of
     * {@code train}, then measures the heads on {@code heldOut}.
     *
     * @param stateDir where the resumable state goes (null: none)
     */
    public Result train(NDManager manager, TinyOmni model, List<PretrainItem> train, List<PretrainItem> heldOut, Path stateDir) throws IOException {
        return train(manager, model, train, heldOut, stateDir, Integer.MAX_VALUE);
    }

    /** As {@link #train(NDManager, TinyOmni, List, List, Path)}, but stops (as if interrupted) after {@code maxSteps} steps of this run. */
    public Result train(NDManager manager, TinyOmni model, List<PretrainItem> train, List<PretrainItem> heldOut, Path stateDir, int maxSteps)
            throws IOException {
        List<PretrainItem> images = train.stream().filter(EncoderPretrainer::isImage).toList();
        List<PretrainItem> sounds = train.stream().filter(EncoderPretrainer::isSound).toList();
        if (images.isEmpty() && sounds.isEmpty()) throw new IllegalArgumentException("encoder pretraining needs images or sounds; the training items have neither");
        List<PretrainItem> labelled = new ArrayList<>(images);
        labelled.addAll(sounds);
        EncoderHeads heads = EncoderHeads.of(labelled, 1.0);
        heads.attach(model);
        Schedule schedule = new Schedule(s.learningRate(), (int) Math.round(0.05 * s.steps()), Math.max(1, s.steps()), 0.05);
        List<Pretrainer.Point> curve = new ArrayList<>();
        Map<String, NDArray> params = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : model.weights().all().entrySet()) if (trains(e.getKey())) params.put(e.getKey(), e.getValue());
        try {
            Result done = null;
            model.weights().requireGradients(true);
            try (AdamW opt = new AdamW(manager, 0.9, 0.98, 1e-8, s.weightDecay())) {
                int start = 0;
                if (TrainState.exists(stateDir)) {
                    start = Pretrainer.restoreState(stateDir, model.weights(), opt, curve, fingerprint());
                    if (start >= s.steps() && Files.isRegularFile(stateDir.resolve(RESULT))) done = readResult(stateDir.resolve(RESULT), curve);
                    else log.printf(Locale.ROOT, "resuming encoder pretraining at step %d of %d%n", start, s.steps());
                }
                if (done == null) runSteps(manager, model, heads, images, sounds, params, opt, schedule, curve, start, maxSteps, stateDir);
            } finally {
                model.weights().requireGradients(false);
            }
            if (done == null) {
                boolean finished = !curve.isEmpty() && curve.get(curve.size() - 1).step() >= s.steps();
                Map<String, Double> acc = finished || s.steps() == 0 ? headAccuracy(manager, model, heads, heldOut) : Map.of();
                double secs = curve.isEmpty() ? 0 : curve.get(curve.size() - 1).seconds();
                done = new Result(acc, curve, secs);
                if (finished && stateDir != null) writeResult(stateDir.resolve(RESULT), done);
            }
            return done;
        } finally {
            EncoderHeads.detach(model); // also when training fails: the model is left without heads
        }
    }

    private void runSteps(NDManager manager, TinyOmni model, EncoderHeads heads, List<PretrainItem> images, List<PretrainItem> sounds,
                          Map<String, NDArray> params, AdamW opt, Schedule schedule, List<Pretrainer.Point> curve, int start,
                          int maxSteps, Path stateDir) throws IOException {
        var cfg = model.config();
        long t0 = System.nanoTime();
        double secondsBefore = curve.isEmpty() ? 0 : curve.get(curve.size() - 1).seconds();
        try (ProgressBar bar = Steps.bar("encoders", s.steps(), log)) {
            bar.stepTo(start);
            double smooth = Double.NaN;
            for (int step = start; step < s.steps() && step < start + (long) maxSteps; step++) {
                List<Example> ex = new ArrayList<>();
                List<String> cats = new ArrayList<>(), families = new ArrayList<>();
                SplittableRandom aug = new SplittableRandom(s.seed() * 31 + step);
                if (!images.isEmpty() && s.imageBatch() > 0) add(images, Steps.batchAt(step, s.imageBatch(), images.size(), s.seed()), ex, cats, families, aug, cfg);
                if (!sounds.isEmpty() && s.soundBatch() > 0) add(sounds, Steps.batchAt(step, s.soundBatch(), sounds.size(), s.seed() + 1), ex, cats, families, aug, cfg);
                Batch batch = new Batch(cfg, ex, true);
                double loss, norm;
                try (NDManager sub = manager.newSubManager()) {
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        model.weights().zeroGradients(sub);
                        EncoderHeads.Step capture = encode(sub, model, heads, batch);
                        NDArray l = capture.loss(model, batch, cats, families);
                        loss = l.getFloat();
                        gc.backward(l);
                    }
                    norm = opt.update(params, schedule.at(step), s.clipNorm(), Pretrainer::decays, sub);
                }
                double secs = secondsBefore + (System.nanoTime() - t0) / 1e9;
                curve.add(new Pretrainer.Point(step + 1, loss, schedule.at(step), norm, secs));
                if (Double.isFinite(loss)) smooth = Double.isNaN(smooth) ? loss : 0.95 * smooth + 0.05 * loss;
                bar.step();
                bar.setExtraMessage(String.format(Locale.ROOT, " loss %.3f", smooth));
                boolean last = step + 1 == s.steps();
                if (stateDir != null && s.checkpointEvery() > 0 && ((step + 1) % s.checkpointEvery() == 0 || last)) {
                    Pretrainer.saveState(stateDir, model.weights(), opt, step + 1, curve, fingerprint());
                }
            }
        }
    }

    private void add(List<PretrainItem> pool, int[] idx, List<Example> ex, List<String> cats, List<String> families, SplittableRandom aug,
                     OmniConfig cfg) {
        for (int i : idx) {
            PretrainItem it = pool.get(i);
            ex.add(s.augment() ? Augment.apply(it.example(), cfg.imageSize(), cfg.audioFrames(), cfg.melBands(), aug) : it.example());
            cats.add(it.category());
            families.add(it.family());
        }
    }

    /** Runs the encoders (only those the batch needs, never the language model) with the heads' capture of their last layers. */
    private static EncoderHeads.Step encode(NDManager sub, TinyOmni model, EncoderHeads heads, Batch batch) {
        EncoderHeads.Step capture = heads.step(model);
        if (!batch.images.isEmpty()) model.visionFeatures(sub, batch, capture);
        if (!batch.mels.isEmpty()) model.audioFeatures(sub, batch, capture);
        return capture;
    }

    /** Held-out accuracy of the heads, per family of item. */
    static Map<String, Double> headAccuracy(NDManager manager, TinyOmni model, EncoderHeads heads, List<PretrainItem> heldOut) {
        Map<String, int[]> counts = new TreeMap<>();
        List<PretrainItem> items = heldOut.stream().filter(it -> isImage(it) || isSound(it)).toList();
        for (int from = 0; from < items.size(); from += 64) {
            List<PretrainItem> chunk = items.subList(from, Math.min(items.size(), from + 64));
            List<Example> ex = chunk.stream().map(PretrainItem::example).toList();
            Batch batch = new Batch(model.config(), ex, true);
            try (NDManager sub = manager.newSubManager()) {
                EncoderHeads.Step capture = encode(sub, model, heads, batch);
                String[] predicted = heads.predict(model, batch, capture);
                for (int i = 0; i < chunk.size(); i++) {
                    int[] c = counts.computeIfAbsent(chunk.get(i).family(), k -> new int[2]);
                    if (chunk.get(i).category().equals(predicted[i])) c[0]++;
                    c[1]++;
                }
            }
        }
        Map<String, Double> out = new TreeMap<>();
        counts.forEach((k, c) -> out.put(k, c[0] / (double) c[1]));
        return out;
    }

    private String fingerprint() {
        return "encoders seed=" + s.seed() + " steps=" + s.steps() + " images=" + s.imageBatch() + " sounds=" + s.soundBatch()
                + " lr=" + s.learningRate() + " augment=" + s.augment();
    }

    private static void writeResult(Path file, Result r) throws IOException {
        ObjectMapper om = org.topoomni.io.Json.mapper();
        ObjectNode n = om.createObjectNode();
        n.put("seconds", r.seconds());
        ObjectNode acc = n.putObject("head_accuracy");
        r.headAccuracy().forEach(acc::put);
        org.topoomni.io.AtomicFiles.writeString(file, om.writeValueAsString(n));
    }

    private static Result readResult(Path file, List<Pretrainer.Point> curve) throws IOException {
        JsonNode n = org.topoomni.io.Json.mapper().readTree(file.toFile());
        Map<String, Double> acc = new TreeMap<>();
        n.path("head_accuracy").fields().forEachRemaining(e -> acc.put(e.getKey(), e.getValue().asDouble()));
        return new Result(acc, curve, n.path("seconds").asDouble());
    }
}

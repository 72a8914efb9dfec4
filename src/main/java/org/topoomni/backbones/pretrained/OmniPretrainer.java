package org.topoomni.backbones.pretrained;

import org.topoomni.io.Json;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import me.tongfei.progressbar.ProgressBar;
import org.topoomni.model.LayerHook;
import org.topoomni.model.Weights;
import org.topoomni.nn.Nn;
import org.topoomni.optim.AdamW;
import org.topoomni.optim.Schedule;
import org.topoomni.optim.Steps;
import org.topoomni.optim.TrainState;
import org.topoomni.stimuli.LogMel;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The base training of {@link PretrainedOmni} from cached tower outputs. The towers are frozen,
 * so their outputs are computed once per item ({@link TowerCache}): the MobileNetV3's last
 * grid and summary means of every image and of its left-right mirror image, and the MiniLM's
 * last hidden states of every distinct prompt. Then:
 * <ol>
 * <li><b>encoders</b> ({@link #trainEncoders}): the audio encoder learns from log-mel frames
 * (time-shifted) and the vision adapter with the summary projections from the cached features
 * (either orientation), each with a linear category head (on the mean-pooled audio states; on
 * the mean-pooled adapter units with the summary tokens) and cross-entropy, as TinyOmni's
 * encoder phase. The heads are removed afterwards.</li>
 * <li><b>thinker</b> ({@link #trainThinker}): the audio encoder is frozen from here on, so its
 * pooled states are cached too (a few time shifts of every sound), and every step runs only the
 * trained parts above the caches: the vision adapter and projections, the audio and prompt
 * projections and the thinker, on the multitask answers ({@code task.TaskItems}).</li>
 * </ol>
 * Both phases resume from their state folders: the batch of step t is a pure function of
 * (seed, t), as in every training of the project.
 */
public final class OmniPretrainer {

    /**
     * @param encoderSteps  steps of the encoder phase (0: none)
     * @param soundBatch    sounds per encoder step
     * @param imageBatch    images per encoder step
     * @param encoderLr     peak learning rate of the encoder phase
     * @param steps         steps of the thinker phase
     * @param batchSize     items per thinker step
     * @param learningRate  peak learning rate of the thinker phase
     * @param audioVariants time-shifted versions of each sound cached for the thinker phase (the first unshifted)
     */
    public record Settings(int encoderSteps, int soundBatch, int imageBatch, double encoderLr, int steps, int batchSize, double learningRate,
                    double weightDecay, double clipNorm, long seed, int checkpointEvery, int audioVariants) {
        public Settings {
            if (encoderSteps < 0 || steps <= 0) throw new IllegalArgumentException("need encoder steps >= 0 and thinker steps > 0, got " + encoderSteps + " and " + steps);
            if (soundBatch < 1 || imageBatch < 1 || batchSize < 1) throw new IllegalArgumentException("batch sizes must be positive");
            if (!(encoderLr > 0) || !(learningRate > 0)) throw new IllegalArgumentException("learning rates must be positive");
            if (audioVariants < 1) throw new IllegalArgumentException("need at least one cached version of each sound");
        }

        /** The defaults of `pretrain --architecture pretrained-omni` and the demo (docs/MODEL.md has the runs behind them). */
        public static Settings defaults(long seed) {
            return new Settings(DEFAULT_ENCODER_STEPS, 32, 64, DEFAULT_ENCODER_LR, DEFAULT_STEPS, 32, DEFAULT_LR, 0.01, 1.0, seed, 250, 3);
        }

        public Settings withSteps(int encoder, int thinker) {
            return new Settings(encoder, soundBatch, imageBatch, encoderLr, thinker, batchSize, learningRate, weightDecay, clipNorm, seed,
                    checkpointEvery, audioVariants);
        }

        public Settings withLearningRates(double encoder, double thinker) {
            return new Settings(encoderSteps, soundBatch, imageBatch, encoder, steps, batchSize, thinker, weightDecay, clipNorm, seed,
                    checkpointEvery, audioVariants);
        }

        public Settings withBatch(int thinker) {
            return new Settings(encoderSteps, soundBatch, imageBatch, encoderLr, steps, thinker, learningRate, weightDecay, clipNorm, seed,
                    checkpointEvery, audioVariants);
        }

        String encoderFingerprint() {
            return String.format(Locale.ROOT, "omni encoders seed=%d steps=%d sounds=%d images=%d lr=%s", seed, encoderSteps, soundBatch, imageBatch, encoderLr);
        }

        String thinkerFingerprint() {
            return String.format(Locale.ROOT, "omni thinker seed=%d steps=%d batch=%d lr=%s variants=%d after %s", seed, steps, batchSize, learningRate,
                    audioVariants, encoderFingerprint());
        }
    }

    /** One item of the base training: its input (with the answer to learn) and what it is. */
    record Item(String id, String family, String category, String answer, OmniInput input, boolean heldOut) {
        boolean image() {
            return input.image() != null;
        }

        boolean sound() {
            return input.mel() != null;
        }

        /** Whether the encoder phase's heads learn from it (images and sounds of one category). */
        boolean labelledImage() {
            return image() && (family.equals("visual") || family.equals("retinotopy"));
        }

        boolean labelledSound() {
            return sound() && (family.equals("auditory") || family.equals("tonotopy"));
        }
    }

    /** A loss curve point. */
    record Point(int step, double loss, double lr, double gradNorm, double seconds) {}

    /** What the encoder phase reached: the heads' held-out accuracy per stimulus family, its curve and time. */
    record EncoderResult(Map<String, Double> headAccuracy, List<Point> curve, double seconds) {}

    static final String ENCODER_STATE = "encoder-state", THINKER_STATE = Steps.STATE_DIR, RESULT = "result.json";
    /** Steps and peak learning rate of the defaults. */
    public static final int DEFAULT_ENCODER_STEPS = 700, DEFAULT_STEPS = 900;
    public static final double DEFAULT_LR = 5e-4, DEFAULT_ENCODER_LR = 1e-3;
    static final String HEADS = "heads.";

    private final PretrainedOmni model;
    private final Settings s;
    private final PrintStream log;
    private final PretrainedOmniConfig cfg;
    private final TowerCache towers;
    private final Map<OmniInput, float[][]> audioCache = new IdentityHashMap<>(); // pooled audio states of each sound, one per version

    /** A trainer of {@code model} on the towers' outputs in {@code towers} (made for a model with the same towers and config). */
    OmniPretrainer(PretrainedOmni model, Settings settings, TowerCache towers, PrintStream log) {
        this.model = model;
        this.s = settings;
        this.log = log;
        this.cfg = model.config();
        this.towers = towers;
    }

    // ------------------------------------------------------------------ phase 1: encoders

    /** Whether a parameter trains in the encoder phase: the audio encoder up to its norm, the vision adapter and summary projections, the heads. */
    static boolean encoderParameter(String name) {
        if (name.startsWith(HEADS)) return true;
        if (name.startsWith("audio.")) return !name.startsWith("audio.proj.");
        return name.startsWith("vision.adapter.") || name.startsWith("vision.summary.");
    }

    /** Weight decay applies to matrices (names ending in w, w1, wq, ..., embed), not to gains and biases. */
    static boolean decays(String name) {
        String last = name.substring(name.lastIndexOf('.') + 1);
        return last.startsWith("w") || last.equals("embed");
    }

    EncoderResult trainEncoders(NDManager manager, List<Item> train, List<Item> heldOut, Path stateDir) throws IOException {
        List<Item> sounds = train.stream().filter(Item::labelledSound).toList();
        List<Item> images = train.stream().filter(Item::labelledImage).toList();
        List<String> audioClasses = sounds.stream().map(Item::category).distinct().sorted().toList();
        List<String> visionClasses = images.stream().map(Item::category).distinct().sorted().toList();
        Weights w = model.weights();
        int visionIn = cfg.visionAdapter() + cfg.summarySites().size() * cfg.thinker().dim();
        SplittableRandom init = new SplittableRandom(s.seed() ^ 0x5EEDL);
        w.normal(HEADS + "audio.w", 0.02, init, cfg.audio().dim(), Math.max(1, audioClasses.size()));
        w.constant(HEADS + "audio.b", 0f, Math.max(1, audioClasses.size()));
        w.normal(HEADS + "vision.w", 0.02, init, visionIn, Math.max(1, visionClasses.size()));
        w.constant(HEADS + "vision.b", 0f, Math.max(1, visionClasses.size()));
        try {
            List<Point> curve = new ArrayList<>();
            Map<String, NDArray> params = trained(Pretrain.ENCODERS);
            EncoderResult done = null;
            try (AdamW opt = new AdamW(manager, 0.9, 0.98, 1e-8, s.weightDecay())) {
                int start = 0;
                if (TrainState.exists(stateDir)) {
                    start = restore(stateDir, opt, curve, s.encoderFingerprint());
                    if (start >= s.encoderSteps() && Files.isRegularFile(stateDir.resolve(RESULT))) done = readResult(stateDir.resolve(RESULT), curve);
                    else log.printf(Locale.ROOT, "resuming the encoder phase at step %d of %d%n", start, s.encoderSteps());
                }
                if (done == null) {
                    Schedule schedule = new Schedule(s.encoderLr(), (int) Math.round(0.05 * s.encoderSteps()), Math.max(1, s.encoderSteps()), 0.05);
                    long t0 = System.nanoTime();
                    double before = curve.isEmpty() ? 0 : curve.get(curve.size() - 1).seconds();
                    try (ProgressBar bar = Steps.bar("encoders", s.encoderSteps(), log)) {
                        bar.stepTo(start);
                        double smooth = Double.NaN;
                        for (int step = start; step < s.encoderSteps(); step++) {
                            SplittableRandom aug = new SplittableRandom(s.seed() * 31 + step);
                            double loss, norm;
                            try (NDManager sub = manager.newSubManager()) {
                                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                                    w.zeroGradients(sub);
                                    NDArray l = null;
                                    if (!sounds.isEmpty()) {
                                        List<Item> batch = pick(sounds, Steps.batchAt(step, s.soundBatch(), sounds.size(), s.seed()));
                                        l = audioHeadLoss(sub, batch, audioClasses, aug);
                                    }
                                    if (!images.isEmpty()) {
                                        List<Item> batch = pick(images, Steps.batchAt(step, s.imageBatch(), images.size(), s.seed() + 1));
                                        NDArray v = visionHeadLoss(sub, batch, visionClasses, aug);
                                        l = l == null ? v : l.add(v);
                                    }
                                    loss = l.getFloat();
                                    gc.backward(l);
                                }
                                norm = opt.update(params, schedule.at(step), s.clipNorm(), OmniPretrainer::decays, sub);
                            }
                            curve.add(new Point(step + 1, loss, schedule.at(step), norm, before + (System.nanoTime() - t0) / 1e9));
                            if (Double.isFinite(loss)) smooth = Double.isNaN(smooth) ? loss : 0.95 * smooth + 0.05 * loss;
                            bar.step();
                            bar.setExtraMessage(String.format(Locale.ROOT, " loss %.3f", smooth));
                            if (stateDir != null && s.checkpointEvery() > 0 && ((step + 1) % s.checkpointEvery() == 0 || step + 1 == s.encoderSteps())) {
                                save(stateDir, opt, step + 1, curve, s.encoderFingerprint());
                            }
                        }
                    }
                }
            } finally {
                for (NDArray p : params.values()) p.setRequiresGradient(false);
            }
            if (done == null) {
                Map<String, Double> acc = headAccuracy(manager, heldOut, audioClasses, visionClasses);
                done = new EncoderResult(acc, curve, curve.isEmpty() ? 0 : curve.get(curve.size() - 1).seconds());
                if (stateDir != null) writeResult(stateDir.resolve(RESULT), done);
            }
            return done;
        } finally {
            for (String n : new ArrayList<>(w.names())) if (n.startsWith(HEADS)) w.remove(n);
        }
    }

    private static List<Item> pick(List<Item> pool, int[] idx) {
        List<Item> out = new ArrayList<>(idx.length);
        for (int i : idx) out.add(pool.get(i));
        return out;
    }

    /** The mean-pooled audio states of sounds (augmented with a random time shift of up to 10% when {@code aug} is given). */
    private NDArray audioMeans(NDManager m, List<Item> batch, SplittableRandom aug) {
        List<float[]> mels = new ArrayList<>();
        for (Item it : batch) mels.add(aug == null ? it.input().mel() : shifted(it.input().mel(), aug));
        return model.audioStates(m, mels, Nn.range(mels.size()), LayerHook.NONE).mean(new int[] {1});
    }

    static float[][] rows(float[] flat, int n) {
        int w = n == 0 ? 0 : flat.length / n;
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) out[i] = Arrays.copyOfRange(flat, i * w, (i + 1) * w);
        return out;
    }

    private float[] shifted(float[] mel, SplittableRandom rng) {
        int max = Math.max(1, cfg.audioFrames() / 10);
        return LogMel.timeShifted(mel, cfg.audioFrames(), cfg.melBands(), rng.nextInt(2 * max + 1) - max);
    }

    /** The vision head's input: the adapter's units averaged over positions, and every summary token. */
    private NDArray visionHeadInput(NDManager m, List<Item> batch, SplittableRandom aug) {
        boolean[] mirrored = new boolean[batch.size()];
        if (aug != null) for (int i = 0; i < mirrored.length; i++) mirrored[i] = aug.nextBoolean();
        PretrainedOmni.CnnFeatures f = towers.cnnFeatures(m, batch.stream().map(Item::input).toList(), mirrored);
        NDArray adapter = model.adapter(f.grid()).mean(new int[] {1});
        NDArray summary = model.summaryTokens(f);
        return summary == null ? adapter : NDArrays.concat(new NDList(adapter, summary.reshape(batch.size(), -1)), 1);
    }

    private NDArray audioHeadLoss(NDManager m, List<Item> batch, List<String> classes, SplittableRandom aug) {
        return crossEntropy(m, audioMeans(m, batch, aug), HEADS + "audio", labels(batch, classes));
    }

    private NDArray visionHeadLoss(NDManager m, List<Item> batch, List<String> classes, SplittableRandom aug) {
        return crossEntropy(m, visionHeadInput(m, batch, aug), HEADS + "vision", labels(batch, classes));
    }

    private static long[] labels(List<Item> batch, List<String> classes) {
        long[] y = new long[batch.size()];
        for (int i = 0; i < y.length; i++) y[i] = classes.indexOf(batch.get(i).category());
        return y;
    }

    private NDArray crossEntropy(NDManager m, NDArray x, String head, long[] y) {
        NDArray logp = Nn.linear(x, model.weights().get(head + ".w"), model.weights().get(head + ".b")).logSoftmax(-1);
        return logp.gather(m.create(y, new Shape(y.length, 1)), 1).mean().neg();
    }

    /** Held-out accuracy of the heads on the labelled images and sounds, per stimulus family. */
    private Map<String, Double> headAccuracy(NDManager manager, List<Item> heldOut, List<String> audioClasses, List<String> visionClasses) {
        Map<String, int[]> counts = new TreeMap<>();
        List<Item> sounds = heldOut.stream().filter(Item::labelledSound).toList();
        List<Item> images = heldOut.stream().filter(it -> it.labelledImage() && towers.has(it.input())).toList();
        for (boolean sound : new boolean[] {true, false}) {
            List<Item> pool = sound ? sounds : images;
            for (int from = 0; from < pool.size(); from += 64) {
                List<Item> part = pool.subList(from, Math.min(pool.size(), from + 64));
                try (NDManager m = manager.newSubManager()) {
                    NDArray x = sound ? audioMeans(m, part, null) : visionHeadInput(m, part, null);
                    String head = HEADS + (sound ? "audio" : "vision");
                    long[] k = Nn.linear(x, model.weights().get(head + ".w"), model.weights().get(head + ".b")).argMax(-1).toLongArray();
                    List<String> classes = sound ? audioClasses : visionClasses;
                    for (int i = 0; i < part.size(); i++) {
                        int[] c = counts.computeIfAbsent(part.get(i).family(), q -> new int[2]);
                        if (classes.get((int) k[i]).equals(part.get(i).category())) c[0]++;
                        c[1]++;
                    }
                }
            }
        }
        Map<String, Double> out = new TreeMap<>();
        counts.forEach((k, c) -> out.put(k, c[0] / (double) c[1]));
        return out;
    }

    // ------------------------------------------------------------------ phase 2: thinker

    /** Whether a parameter trains in the thinker phase: everything but the audio encoder (frozen after its phase). */
    static boolean thinkerParameter(String name) {
        if (name.startsWith(HEADS)) return false;
        if (name.startsWith("audio.")) return name.startsWith("audio.proj.");
        return true;
    }

    /** The frozen audio encoder's pooled states of every sound, {@link Settings#audioVariants()} time shifts each (the first unshifted). */
    void cacheAudio(NDManager manager, List<Item> items) {
        long t0 = System.nanoTime();
        List<Item> sounds = items.stream().filter(Item::sound).toList();
        SplittableRandom rng = new SplittableRandom(s.seed() ^ 0xA0D10L);
        List<float[]> mels = new ArrayList<>();
        List<OmniInput> owners = new ArrayList<>();
        for (Item it : sounds) {
            for (int v = 0; v < s.audioVariants(); v++) {
                mels.add(v == 0 ? it.input().mel() : shifted(it.input().mel(), rng));
                owners.add(it.input());
            }
        }
        int chunk = 64;
        try (ProgressBar bar = Steps.bar("audio encoder", mels.size(), log)) {
            for (int from = 0; from < mels.size(); from += chunk) {
                List<float[]> part = mels.subList(from, Math.min(mels.size(), from + chunk));
                float[][] pooled;
                try (NDManager m = manager.newSubManager()) {
                    pooled = rows(model.pooledAudio(model.audioStates(m, part, Nn.range(part.size()), LayerHook.NONE)).toFloatArray(), part.size());
                }
                for (int i = 0; i < part.size(); i++) {
                    float[][] e = audioCache.computeIfAbsent(owners.get(from + i), k -> new float[s.audioVariants()][]);
                    int v = 0;
                    while (e[v] != null) v++;
                    e[v] = pooled[i];
                }
                bar.stepBy(part.size());
            }
        }
        log.printf(Locale.ROOT, "audio cache: %d sounds x %d versions in %.1f s%n", sounds.size(), s.audioVariants(), (System.nanoTime() - t0) / 1e9);
    }

    /** The thinker's media of a batch from the caches: a random orientation of each image and a random version of each sound. */
    private PretrainedOmni.Media media(NDManager m, OmniBatch b, SplittableRandom aug) {
        NDArray vision = null, audio = null;
        if (!b.images.isEmpty()) {
            List<OmniInput> imgs = new ArrayList<>();
            for (int i : b.imageItems) imgs.add(b.inputs.get(i));
            boolean[] mirrored = new boolean[imgs.size()];
            for (int i = 0; i < mirrored.length; i++) mirrored[i] = aug.nextBoolean();
            vision = model.visionTokens(towers.cnnFeatures(m, imgs, mirrored), b.imageItems, LayerHook.NONE);
        }
        if (!b.mels.isEmpty()) {
            int a = cfg.audioTokens(), d = cfg.audio().dim();
            float[] pooled = new float[b.audioItems.length * a * d];
            for (int r = 0; r < b.audioItems.length; r++) {
                float[][] e = audioCache.get(b.inputs.get(b.audioItems[r]));
                if (e == null) throw new IllegalStateException("no cached audio states for a sound");
                System.arraycopy(e[aug.nextInt(e.length)], 0, pooled, r * a * d, a * d);
            }
            audio = model.audioTokens(m.create(pooled, new Shape(b.audioItems.length, a, d)));
        }
        return new PretrainedOmni.Media(vision, audio, model.promptTokens(towers.promptStates(m, b)));
    }

    List<Point> trainThinker(NDManager manager, List<Item> train, Path stateDir) throws IOException {
        if (train.isEmpty()) throw new IllegalArgumentException("nothing to train the thinker on: no items");
        Schedule schedule = new Schedule(s.learningRate(), (int) Math.round(0.05 * s.steps()), s.steps(), 0.05);
        List<Point> curve = new ArrayList<>();
        Map<String, NDArray> params = trained(Pretrain.THINKER);
        try (AdamW opt = new AdamW(manager, 0.9, 0.98, 1e-8, s.weightDecay())) {
            int start = 0;
            if (TrainState.exists(stateDir)) {
                start = restore(stateDir, opt, curve, s.thinkerFingerprint());
                log.printf(Locale.ROOT, "resuming the thinker phase at step %d of %d%n", start, s.steps());
            }
            long t0 = System.nanoTime();
            double before = curve.isEmpty() ? 0 : curve.get(curve.size() - 1).seconds();
            try (ProgressBar bar = Steps.bar("thinker", s.steps(), log)) {
                bar.stepTo(start);
                double smooth = Double.NaN;
                for (int step = start; step < s.steps(); step++) {
                    List<Item> batch = pick(train, Steps.batchAt(step, s.batchSize(), train.size(), s.seed() + 2));
                    OmniBatch b = new OmniBatch(cfg, model.vocabulary(), batch.stream().map(Item::input).toList(), true);
                    SplittableRandom aug = new SplittableRandom(s.seed() * 131 + step);
                    double loss, norm;
                    try (NDManager sub = manager.newSubManager()) {
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            model.weights().zeroGradients(sub);
                            NDArray hidden = model.think(sub, b, media(sub, b, aug), LayerHook.NONE);
                            NDArray l = model.answerLoss(sub, hidden, b);
                            loss = l.getFloat();
                            gc.backward(l); // a non-finite loss gives non-finite gradients: AdamW skips the step
                        }
                        norm = opt.update(params, schedule.at(step), s.clipNorm(), OmniPretrainer::decays, sub);
                    }
                    curve.add(new Point(step + 1, loss, schedule.at(step), norm, before + (System.nanoTime() - t0) / 1e9));
                    if (Double.isFinite(loss)) smooth = Double.isNaN(smooth) ? loss : 0.95 * smooth + 0.05 * loss;
                    bar.step();
                    bar.setExtraMessage(String.format(Locale.ROOT, " loss %.3f", smooth));
                    if (stateDir != null && s.checkpointEvery() > 0 && ((step + 1) % s.checkpointEvery() == 0 || step + 1 == s.steps())) {
                        save(stateDir, opt, step + 1, curve, s.thinkerFingerprint());
                    }
                }
            }
        } finally {
            for (NDArray p : params.values()) p.setRequiresGradient(false);
        }
        return curve;
    }

    // ------------------------------------------------------------------ state

    private enum Pretrain { ENCODERS, THINKER }

    /** The parameters a phase trains, with gradients switched on (and only those). */
    private Map<String, NDArray> trained(Pretrain phase) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : model.weights().all().entrySet()) {
            boolean on = phase == Pretrain.ENCODERS ? encoderParameter(e.getKey()) : thinkerParameter(e.getKey());
            e.getValue().setRequiresGradient(on);
            if (on) out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    private void save(Path dir, AdamW opt, int step, List<Point> curve, String fingerprint) throws IOException {
        List<double[]> rows = new ArrayList<>();
        for (Point p : curve) rows.add(new double[] {p.step(), p.loss(), p.lr(), p.gradNorm(), p.seconds()});
        TrainState.save(dir, model.weights(), opt, step, rows, fingerprint);
    }

    private int restore(Path dir, AdamW opt, List<Point> curve, String fingerprint) throws IOException {
        TrainState.Restored r = TrainState.restore(dir, model.weights(), opt, fingerprint);
        for (double[] p : r.curve()) curve.add(new Point((int) p[0], p[1], p[2], p[3], p[4]));
        return r.step();
    }

    private static void writeResult(Path file, EncoderResult r) throws IOException {
        ObjectMapper om = Json.mapper();
        ObjectNode n = om.createObjectNode();
        n.put("seconds", r.seconds());
        ObjectNode acc = n.putObject("head_accuracy");
        r.headAccuracy().forEach(acc::put);
        org.topoomni.io.AtomicFiles.writeString(file, om.writeValueAsString(n));
    }

    private static EncoderResult readResult(Path file, List<Point> curve) throws IOException {
        JsonNode n = Json.mapper().readTree(file.toFile());
        Map<String, Double> acc = new TreeMap<>();
        n.path("head_accuracy").fields().forEachRemaining(e -> acc.put(e.getKey(), e.getValue().asDouble()));
        return new EncoderResult(acc, curve, n.path("seconds").asDouble());
    }
}

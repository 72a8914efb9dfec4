package org.topoomni.backbones.pretrained;

import org.topoomni.io.Json;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.topoomni.io.AtomicFiles;
import org.topoomni.io.Folders;
import org.topoomni.model.Answer;
import org.topoomni.model.LayerHook;
import org.topoomni.model.ModelInput;
import org.topoomni.task.AnswerScores;
import org.topoomni.task.HeldOut;
import org.topoomni.task.TaskItems;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a pretrained-omni model from stimulus libraries into a model folder: reads the
 * libraries as {@link TaskItems} (held out by {@link HeldOut}), makes the thinker's vocabulary
 * from the training answers and texts, caches the towers' outputs, runs the two phases of
 * {@link OmniPretrainer}, and measures the model on the held-out items through its own forward
 * pass and generation. Writes the model ({@link PretrainedOmniCheckpoint}), {@code metrics.json},
 * {@code answers.csv} (every held-out answer and its judgement), {@code curve.csv} and
 * {@code encoder-curve.csv}.
 */
public final class OmniPretrainRun {
    public static final String METRICS = "metrics.json";

    /** What a run measured on the held-out items. */
    public record Result(AnswerScores.Summary scores, double perplexity, double unigramPerplexity, int heldOutTextTokens,
                         List<AnswerScores.Judged> answers, Map<String, Double> encoderHeadAccuracy, double wallSeconds) {}

    private OmniPretrainRun() {}

    public static Result run(Path out, List<Path> libraries, PretrainedOmniConfig cfg, OmniPretrainer.Settings s, boolean resume,
                             PrintStream log) throws IOException {
        Path state = out.resolve(OmniPretrainer.THINKER_STATE), encState = out.resolve(OmniPretrainer.ENCODER_STATE);
        if (!resume && (Files.exists(state) || Files.exists(encState))) {
            throw new IllegalArgumentException(out + " holds an unfinished pretraining run; add --resume to continue it, or choose another --out");
        }
        long t0 = System.nanoTime(), cpu0 = cpuNanos();
        double load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        log.printf(Locale.ROOT, "reading the stimulus libraries %s%n", libraries);
        List<TaskItems.Item> task = TaskItems.read(libraries, HeldOut.FRACTION, s.seed());
        try (NDManager manager = NDManager.newBaseManager()) {
            Towers towers = Towers.installed();
            MobileNetV3 cnn = MobileNetV3.centernet(manager);
            MiniLm text;
            try {
                text = MiniLm.fromClassPath(manager);
            } catch (IOException | RuntimeException e) {
                cnn.close();
                throw e;
            }
            List<OmniPretrainer.Item> items;
            ThinkerVocabulary vocab;
            try {
                PretrainedOmniProcessor proc = new PretrainedOmniProcessor(cfg, text);
                items = task.parallelStream().map(t -> item(proc, t)).filter(Objects::nonNull).toList();
                vocab = ThinkerVocabulary.of(text, learned(items.stream().filter(it -> !it.heldOut()).toList()));
            } catch (RuntimeException e) {
                cnn.close();
                text.close();
                throw e;
            }
            List<OmniPretrainer.Item> train = items.stream().filter(it -> !it.heldOut()).toList();
            List<OmniPretrainer.Item> heldOut = items.stream().filter(OmniPretrainer.Item::heldOut).toList();
            List<String> categories = items.stream().map(OmniPretrainer.Item::category).distinct().sorted().toList();
            log.printf(Locale.ROOT, "%d training items, %d held out, %d categories; thinker vocabulary %d of the MiniLM's %d word pieces (%.1f s)%n",
                    train.size(), heldOut.size(), categories.size(), vocab.size(), text.vocabularySize(), (System.nanoTime() - t0) / 1e9);
            try (PretrainedOmni model = new PretrainedOmni(manager, cfg, cnn, text, vocab, towers, s.seed())) {
                log.printf(Locale.ROOT, "pretrained-omni: %,d parameters trained here, %,d in the frozen towers; sheet %d x %d%n", model.weights().count(),
                        cnn.parameterCount() + text.parameterCount(), model.sheet().rows(), model.sheet().cols());
                long tCache = System.nanoTime();
                TowerCache towerCache = new TowerCache(model);
                List<OmniPretrainer.Item> cached = new ArrayList<>(train);
                cached.addAll(heldOut.stream().filter(OmniPretrainer.Item::labelledImage).toList()); // the encoder heads are measured on them
                towerCache.fill(manager, cached, it -> !it.heldOut(), log);
                OmniPretrainer trainer = new OmniPretrainer(model, s, towerCache, log);
                double cacheSeconds = (System.nanoTime() - tCache) / 1e9;
                OmniPretrainer.EncoderResult enc = null;
                if (s.encoderSteps() > 0) {
                    enc = trainer.trainEncoders(manager, train, heldOut, encState);
                    log.printf(Locale.ROOT, "encoders: %d steps in %.1f s; held-out accuracy of their category heads %s%n", s.encoderSteps(), enc.seconds(),
                            percentages(enc.headAccuracy()));
                }
                long tAudio = System.nanoTime();
                trainer.cacheAudio(manager, train);
                cacheSeconds += (System.nanoTime() - tAudio) / 1e9;
                List<OmniPretrainer.Point> curve = trainer.trainThinker(manager, train, state);
                double thinkerSeconds = curve.isEmpty() ? 0 : curve.get(curve.size() - 1).seconds();
                log.printf(Locale.ROOT, "thinker: %d steps in %.1f s%n", s.steps(), thinkerSeconds);
                long tEval = System.nanoTime();
                Result r = evaluate(manager, model, heldOut, train, categories, 64, enc, 0);
                double evalSeconds = (System.nanoTime() - tEval) / 1e9;
                Files.createDirectories(out);
                PretrainedOmniCheckpoint.save(out, model, Map.of("encoder_steps", Integer.toString(s.encoderSteps()),
                        "steps", Integer.toString(s.steps()), "seed", Long.toString(s.seed())));
                writeCurve(out.resolve("curve.csv"), curve);
                if (enc != null) writeCurve(out.resolve("encoder-curve.csv"), enc.curve());
                AnswerScores.writeCsv(out.resolve("answers.csv"), r.answers());
                double wall = (System.nanoTime() - t0) / 1e9;
                ObjectNode times = Json.mapper().createObjectNode();
                times.put("cache_seconds", cacheSeconds);
                times.put("encoder_seconds", enc == null ? 0 : enc.seconds());
                times.put("seconds", (enc == null ? 0 : enc.seconds()) + thinkerSeconds);
                times.put("thinker_seconds", thinkerSeconds);
                times.put("eval_seconds", evalSeconds);
                times.put("wall_seconds", wall);
                times.put("cpu_seconds", (cpuNanos() - cpu0) / 1e9);
                times.put("load_average_start", load0);
                times.put("load_average_end", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                writeMetrics(out.resolve(METRICS), r, s, times, train.size(), heldOut.size(), model, vocab.size());
                Folders.deleteRecursively(state);
                Folders.deleteRecursively(encState);
                return new Result(r.scores(), r.perplexity(), r.unigramPerplexity(), r.heldOutTextTokens(), r.answers(), r.encoderHeadAccuracy(), wall);
            }
        }
    }

    /** A task item as the model's input with its answer; null for a text too short to learn from. */
    static OmniPretrainer.Item item(PretrainedOmniProcessor proc, TaskItems.Item t) {
        OmniInput in;
        if (t.plainText()) {
            try {
                in = proc.plainText(t.prompt());
            } catch (IllegalArgumentException e) {
                return null;
            }
        } else {
            in = proc.withAnswer(proc.chat(t.stimulus(), t.prompt()), proc.answer(t.answer()));
            if (t.family().equals("arithmetic") && (in.image() != null || in.mel() != null)) throw new IllegalStateException("an arithmetic item with media: " + t.id());
        }
        return new OmniPretrainer.Item(t.id(), t.family(), t.category(), t.answer(), in, t.heldOut());
    }

    /** The word pieces the thinker learns to write: every answer and every plain text. */
    static List<int[]> learned(List<OmniPretrainer.Item> items) {
        List<int[]> out = new ArrayList<>();
        for (OmniPretrainer.Item it : items) out.add(it.input().plainText() ? it.input().text() : it.input().answer());
        return out;
    }

    /**
     * Held-out answers (greedy, at most 8 word pieces) to every held-out image, sound and pair,
     * judged against their categories, and the perplexity of the held-out texts against a
     * unigram model of the training texts (both over the thinker's vocabulary).
     */
    static Result evaluate(NDManager manager, PretrainedOmni model, List<OmniPretrainer.Item> heldOut, List<OmniPretrainer.Item> train,
                           List<String> categories, int batchSize, OmniPretrainer.EncoderResult enc, double wall) {
        List<AnswerScores.Judged> judged = new ArrayList<>();
        List<OmniPretrainer.Item> chat = heldOut.stream().filter(t -> !t.input().plainText() && !t.family().equals("arithmetic")).toList();
        for (int i = 0; i < chat.size(); i += batchSize) {
            List<OmniPretrainer.Item> part = chat.subList(i, Math.min(chat.size(), i + batchSize));
            List<ModelInput> in = part.stream().map(t -> (ModelInput) t.input().withAnswer(new int[0])).toList();
            List<Answer> out = model.generate(manager, in, 8, LayerHook.NONE);
            for (int k = 0; k < part.size(); k++) {
                OmniPretrainer.Item t = part.get(k);
                judged.add(AnswerScores.judge(t.id(), t.family(), t.category(), t.answer(), out.get(k).text(), categories));
            }
        }
        List<OmniPretrainer.Item> texts = heldOut.stream().filter(t -> t.input().plainText()).toList();
        double nll = 0;
        long tokens = 0;
        for (int i = 0; i < texts.size(); i += batchSize) {
            List<ModelInput> part = texts.subList(i, Math.min(texts.size(), i + batchSize)).stream().map(t -> (ModelInput) t.input()).toList();
            try (NDManager m = manager.newSubManager()) {
                OmniBatch b = model.batch(part, true);
                nll += model.forward(m, part, LayerHook.NONE).answerLoss().getFloat() * (double) b.lossTokens;
                tokens += b.lossTokens;
            }
        }
        double uniNll = AnswerScores.unigramNll(targets(model, train), targets(model, texts), model.vocabulary().size());
        return new Result(AnswerScores.summarise(judged), tokens == 0 ? Double.NaN : Math.exp(nll / tokens),
                tokens == 0 ? Double.NaN : Math.exp(uniNll / tokens), (int) tokens, judged, enc == null ? Map.of() : enc.headAccuracy(), wall);
    }

    /** The thinker rows a plain text's positions predict: every word piece after [CLS], [SEP] included. */
    private static List<int[]> targets(PretrainedOmni model, List<OmniPretrainer.Item> items) {
        List<int[]> out = new ArrayList<>();
        for (OmniPretrainer.Item it : items) {
            if (!it.input().plainText()) continue;
            int[] t = it.input().text();
            int[] rows = new int[t.length - 1];
            for (int j = 1; j < t.length; j++) rows[j - 1] = model.vocabulary().row(t[j]);
            out.add(rows);
        }
        return out;
    }

    static String percentages(Map<String, Double> acc) {
        StringBuilder sb = new StringBuilder();
        acc.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(String.format(Locale.ROOT, "%.1f%%", 100 * v)));
        return sb.length() == 0 ? "(none)" : sb.toString();
    }

    private static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    private static void writeMetrics(Path file, Result r, OmniPretrainer.Settings s, ObjectNode times, int nTrain, int nHeld, PretrainedOmni model,
                                     int vocabulary) throws IOException {
        ObjectMapper om = Json.mapper();
        ObjectNode n = om.createObjectNode();
        n.put("architecture", PretrainedOmni.ARCHITECTURE);
        n.put("visual_accuracy", r.scores().visualAccuracy());
        n.put("visual_items", r.scores().visualItems());
        n.put("auditory_accuracy", r.scores().auditoryAccuracy());
        n.put("auditory_items", r.scores().auditoryItems());
        n.put("perplexity", r.perplexity());
        n.put("unigram_perplexity", r.unigramPerplexity());
        n.put("heldout_text_tokens", r.heldOutTextTokens());
        n.setAll(times);
        n.put("train_items", nTrain);
        n.put("heldout_items", nHeld);
        n.put("parameters", model.weights().count());
        n.put("tower_parameters", model.parameterCount() - model.weights().count());
        n.put("thinker_vocabulary", vocabulary);
        n.put("steps", s.steps());
        n.put("batch_size", s.batchSize());
        n.put("learning_rate", s.learningRate());
        n.put("seed", s.seed());
        n.put("encoder_steps", s.encoderSteps());
        n.put("encoder_learning_rate", s.encoderLr());
        n.put("encoder_sound_batch", s.soundBatch());
        n.put("encoder_image_batch", s.imageBatch());
        ObjectNode heads = n.putObject("encoder_head_accuracy");
        r.encoderHeadAccuracy().forEach(heads::put);
        ObjectNode kinds = n.putObject("accuracy_by_kind");
        r.scores().byFamily().forEach(kinds::put);
        ObjectNode cats = n.putObject("accuracy_by_category");
        r.scores().byCategory().forEach(cats::put);
        AtomicFiles.writeString(file, om.writeValueAsString(n));
    }

    static void writeCurve(Path file, List<OmniPretrainer.Point> curve) throws IOException {
        StringBuilder sb = new StringBuilder("step,loss,lr,grad_norm,seconds\n");
        for (OmniPretrainer.Point p : curve) {
            sb.append(String.format(Locale.ROOT, "%d,%.6f,%.6g,%.4f,%.2f%n", p.step(), p.loss(), p.lr(), p.gradNorm(), p.seconds()));
        }
        AtomicFiles.writeString(file, sb.toString());
    }
}

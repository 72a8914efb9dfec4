package org.topoomni.backbones.tinyomni;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pretrains TinyOmni from a stimulus library into a checkpoint folder: tokenizer, training
 * (resumable from {@code OUT/train-state}), held-out evaluation. Writes the checkpoint,
 * {@code metrics.json}, {@code answers.csv} (every held-out answer and its judgement) and
 * {@code curve.csv} (loss per step).
 */
public final class PretrainRun {
    public static final String METRICS = "metrics.json";

    private PretrainRun() {}

    public static PretrainEvaluation.Result run(Path out, Path library, OmniConfig cfg, Pretrainer.Settings settings,
                                                boolean resume, PrintStream log) throws IOException {
        return run(out, List.of(library), cfg, settings, resume, log);
    }

    /** Pretrains on several libraries at once (the localizer library plus extra exemplars), without an encoder phase. */
    public static PretrainEvaluation.Result run(Path out, List<Path> libraries, OmniConfig cfg, Pretrainer.Settings settings,
                                                boolean resume, PrintStream log) throws IOException {
        return run(out, libraries, cfg, null, settings, resume, log);
    }

    /**
     * Pretrains in two phases: the encoders alone ({@code encoders}; null or 0 steps: skipped),
     * then everything on the multitask answers ({@code settings}). Both phases resume.
     */
    public static PretrainEvaluation.Result run(Path out, List<Path> libraries, OmniConfig cfg, EncoderPretrainer.Settings encoders,
                                                Pretrainer.Settings settings, boolean resume, PrintStream log) throws IOException {
        Path state = out.resolve(Pretrainer.STATE_DIR), encState = out.resolve(EncoderPretrainer.STATE_DIR);
        if (!resume && (Files.exists(state) || Files.exists(encState))) {
            throw new IllegalArgumentException(out + " holds an unfinished pretraining run; add --resume to continue it, or choose another --out");
        }
        long t0 = System.nanoTime();
        log.printf(Locale.ROOT, "reading the stimulus libraries %s%n", libraries);
        PretrainCorpus corpus = PretrainCorpus.read(libraries, cfg, PretrainCorpus.HELD_OUT_FRACTION, settings.seed());
        Tokenizer tok = Tokenizer.train(corpus.tokenizerCorpus(), cfg.vocabSize());
        List<PretrainItem> train = corpus.encode(tok, false, cfg.maxPositions());
        List<PretrainItem> heldOut = corpus.encode(tok, true, cfg.maxPositions());
        List<String> categories = corpus.items().stream().map(PretrainCorpus.Raw::category).distinct().sorted().toList();
        log.printf(Locale.ROOT, "%d training items, %d held out, %d categories, vocabulary %d (%.1f s)%n",
                train.size(), heldOut.size(), categories.size(), tok.vocabSize(), (System.nanoTime() - t0) / 1e9);
        try (NDManager manager = NDManager.newBaseManager(); TinyOmni model = new TinyOmni(manager, cfg, tok, settings.seed())) {
            log.printf(Locale.ROOT, "TinyOmni: %,d parameters; sheet %d x %d%n", model.weights().count(), model.sheet().rows(), model.sheet().cols());
            long tTrain = System.nanoTime();
            EncoderPretrainer.Result enc = null;
            if (encoders != null && encoders.steps() > 0) {
                enc = new EncoderPretrainer(encoders, log).train(manager, model, train, heldOut, encState);
                log.printf(Locale.ROOT, "encoders: %d steps in %.1f s; held-out accuracy of their category heads %s%n",
                        encoders.steps(), enc.seconds(), percentages(enc.headAccuracy()));
            }
            if (settings.steps() == 0 && enc == null) throw new IllegalArgumentException("nothing to train: --steps 0 needs --encoder-steps > 0");
            // --steps 0: the encoder phase alone (its heads' held-out accuracy is what it measures)
            List<Pretrainer.Point> curve = settings.steps() == 0 ? List.of() : new Pretrainer(settings, log).train(manager, model, train, state);
            double trainSeconds = curve.isEmpty() ? 0 : curve.get(curve.size() - 1).seconds();
            log.printf(Locale.ROOT, "trained %d steps in %.1f s (this run %.1f s)%n", settings.steps(), trainSeconds, (System.nanoTime() - tTrain) / 1e9);
            long tEval = System.nanoTime();
            PretrainEvaluation.Result r = PretrainEvaluation.evaluate(manager, model, heldOut, train, categories, 64);
            double evalSeconds = (System.nanoTime() - tEval) / 1e9;
            Files.createDirectories(out);
            Checkpoint.save(out, model, Map.of("steps", Integer.toString(settings.steps()), "seed", Long.toString(settings.seed())));
            writeCurve(out.resolve("curve.csv"), curve);
            org.topoomni.task.AnswerScores.writeCsv(out.resolve("answers.csv"), r.answers());
            writeMetrics(out.resolve(METRICS), r, settings, enc == null ? null : encoders, enc, trainSeconds, evalSeconds,
                    (System.nanoTime() - t0) / 1e9, train.size(), heldOut.size(), model.weights().count());
            if (enc != null) writeCurve(out.resolve("encoder-curve.csv"), enc.curve());
            org.topoomni.io.Folders.deleteRecursively(state);
            org.topoomni.io.Folders.deleteRecursively(encState);
            return r;
        }
    }

    static String percentages(Map<String, Double> acc) {
        StringBuilder sb = new StringBuilder();
        acc.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(String.format(Locale.ROOT, "%.1f%%", 100 * v)));
        return sb.length() == 0 ? "(none)" : sb.toString();
    }

    static void writeMetrics(Path file, PretrainEvaluation.Result r, Pretrainer.Settings s, EncoderPretrainer.Settings es,
                             EncoderPretrainer.Result enc, double trainSeconds, double evalSeconds, double wallSeconds, int nTrain, int nHeld,
                             long params)
            throws IOException {
        ObjectMapper om = org.topoomni.io.Json.mapper();
        ObjectNode n = om.createObjectNode();
        n.put("visual_accuracy", r.visualAccuracy());
        n.put("visual_items", r.visualItems());
        n.put("auditory_accuracy", r.auditoryAccuracy());
        n.put("auditory_items", r.auditoryItems());
        n.put("perplexity", r.perplexity());
        n.put("unigram_perplexity", r.unigramPerplexity());
        n.put("heldout_text_tokens", r.heldOutTextTokens());
        n.put("seconds", trainSeconds);
        n.put("eval_seconds", evalSeconds);
        n.put("wall_seconds", wallSeconds); // this run of the command, from reading the library to the written checkpoint
        n.put("train_items", nTrain);
        n.put("heldout_items", nHeld);
        n.put("parameters", params);
        n.put("steps", s.steps());
        n.put("batch_size", s.batchSize());
        n.put("learning_rate", s.learningRate());
        n.put("seed", s.seed());
        n.put("encoder_steps", es == null ? 0 : es.steps());
        if (es != null && enc != null) {
            n.put("encoder_learning_rate", es.learningRate());
            n.put("encoder_seconds", enc.seconds());
            ObjectNode heads = n.putObject("encoder_head_accuracy");
            enc.headAccuracy().forEach(heads::put);
        }
        ObjectNode families = n.putObject("accuracy_by_kind");
        r.accuracyByFamily().forEach(families::put);
        ObjectNode cats = n.putObject("accuracy_by_category");
        r.accuracyByCategory().forEach(cats::put);
        org.topoomni.io.AtomicFiles.writeString(file, om.writeValueAsString(n));
    }

    static void writeCurve(Path file, List<Pretrainer.Point> curve) throws IOException {
        StringBuilder sb = new StringBuilder("step,loss,lr,grad_norm,seconds\n");
        for (Pretrainer.Point p : curve) {
            sb.append(String.format(Locale.ROOT, "%d,%.6f,%.6g,%.4f,%.2f%n", p.step(), p.loss(), p.lr(), p.gradNorm(), p.seconds()));
        }
        org.topoomni.io.AtomicFiles.writeString(file, sb.toString());
    }


}

package org.topoomni.train;

import org.topoomni.task.HeldOut;
import org.topoomni.task.Prompts;
import org.topoomni.stimuli.Stimulus;
import org.topoomni.stimuli.StimulusFolder;
import org.topoomni.stimuli.StimulusLoader;

import org.topoomni.io.AtomicFiles;
import org.topoomni.io.Folders;
import org.topoomni.io.LayoutJson;
import org.topoomni.model.Answer;
import org.topoomni.model.Backbone;
import org.topoomni.model.CorticalAdaptors;
import org.topoomni.model.CorticalModel;
import org.topoomni.model.LayerHook;
import org.topoomni.model.LayerSite;
import org.topoomni.model.ModelInput;
import org.topoomni.model.Processor;
import org.topoomni.optim.Steps;
import org.topoomni.registry.Backbones;
import org.topoomni.results.TrainingMetrics;
import org.topoomni.plot.LinePlot;
import org.topoomni.task.Answers;
import org.topoomni.task.TaskItems;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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

/**
 * One topographic (or control) training run from a base model folder of any registered
 * architecture: self-distillation targets (the base model's own answers, computed once,
 * stored), adaptor training (resumable from {@code OUT/train-state}), then the measurements:
 * held-out spatial loss, agreement of held-out answers with the base model's, and category
 * accuracy against the base model's. The library is read as {@link TaskItems} (audiovisual items
 * to train on, the text corpus for the language stack, held out by {@link org.topoomni.task.HeldOut}
 * with seed 0). Writes {@code adaptors.safetensors}, {@code cortical.json}, {@code layout.json}
 * (the sheet), {@code curve.csv}, {@code curve.png}, {@code metrics.json}, {@code targets.json}.
 */
public final class TopoRun {
    public static final String METRICS = TrainingMetrics.FILE, TARGETS = "targets.json";

    /**
     * @param heldOutTextSpatialLoss spatial loss of held-out texts over neighbourhoods in the
     *                               language stack (NaN when the library has no text corpus)
     * @param textItems              texts in the text batches (0 without)
     */
    public record Metrics(double heldOutSpatialLoss, double answerAgreement, double accuracy, double baseAccuracy,
                          double seconds, double stepsPerSecond, double worstConditionNumber, int trainItems, int evalItems,
                          double heldOutTextSpatialLoss, int textItems) {}

    /** The text category whose items train and measure the language stack (never a localizer's texts). */
    public static final String TEXT_CATEGORY = "corpus";

    private TopoRun() {}

    public static Metrics run(Path base, Path library, Path out, TopoTrainer.Settings settings, boolean resume, PrintStream log) throws IOException {
        return run(base, library, out, settings, resume, log, ai.djl.Device.cpu());
    }

    /** As {@link #run(Path, Path, Path, TopoTrainer.Settings, boolean, PrintStream)}, with the model on {@code device}. */
    public static Metrics run(Path base, Path library, Path out, TopoTrainer.Settings settings, boolean resume, PrintStream log,
                              ai.djl.Device device) throws IOException {
        return run(base, library, List.of(), out, settings, resume, log, device);
    }

    /**
     * As {@link #run(Path, Path, Path, TopoTrainer.Settings, boolean, PrintStream, ai.djl.Device)},
     * with further training items from {@code extra}: libraries or a lab's own folders (videos and
     * long sounds cut into 2-s clips, as the paper's training clips), each item asked the
     * localizers' question about it and trained on the base model's own answer (self-distillation
     * needs no labels); the held-out split takes a fifth of them by the same rule.
     */
    public static Metrics run(Path base, Path library, List<Path> extra, Path out, TopoTrainer.Settings settings, boolean resume, PrintStream log,
                              ai.djl.Device device) throws IOException {
        Path state = out.resolve(Steps.STATE_DIR);
        if (!resume && Files.exists(state)) {
            throw new IllegalArgumentException(out + " holds an unfinished training run; add --resume to continue it, or choose another --out");
        }
        List<TaskItems.Item> corpus = TaskItems.read(List.of(library), 0.2, 0);
        List<TaskItems.Item> av = new ArrayList<>(corpus.stream().filter(r -> r.family().equals("audiovisual")).toList());
        av.addAll(extraItems(extra));
        if (av.size() < 4) throw new IllegalArgumentException(library + " has no audiovisual items to train on; generate the library with the audiovisual family");
        Files.createDirectories(out);
        try (NDManager manager = NDManager.newBaseManager(device); Backbone model = Backbones.load(manager, base)) {
            Processor proc = model.processor();
            List<TaskItems.Item> avTrain = av.stream().filter(r -> !r.heldOut()).toList();
            List<TaskItems.Item> avHeld = av.stream().filter(TaskItems.Item::heldOut).toList();
            Map<String, Answer> targets = distillationTargets(manager, model, avTrain, out.resolve(TARGETS), log);
            List<TrainItem> train = new ArrayList<>();
            for (TaskItems.Item r : avTrain) {
                Answer t = targets.get(r.id());
                train.add(new TrainItem(r.id(), proc.withAnswer(proc.chat(r.stimulus(), r.prompt()), t), r.family(), r.category(), t.text()));
            }
            List<TrainItem> held = new ArrayList<>();
            for (TaskItems.Item r : avHeld) held.add(new TrainItem(r.id(), proc.chat(r.stimulus(), r.prompt()), r.family(), r.category(), r.answer()));
            List<TrainItem> textTrain = texts(corpus, model, false), textHeld = texts(corpus, model, true);
            boolean withText = settings.textBatches(); // the control (alpha 0) needs no texts
            if (withText && textTrain.size() < 2) {
                throw new IllegalArgumentException(library + " has no '" + TEXT_CATEGORY + "' texts for the text batches; generate the library with "
                        + "the text family, or set the text weight to 0");
            }
            log.printf(Locale.ROOT, "%d training items, %d held out%s; sheet %d x %d; radius %.0f, alpha %s, mode %s%n", train.size(), held.size(),
                    withText ? String.format(Locale.ROOT, ", %d texts (weight %s)", textTrain.size(), settings.textWeight()) : "",
                    model.sheet().rows(), model.sheet().cols(), settings.radius(), settings.alpha(), settings.mode().name().toLowerCase(Locale.ROOT));
            try (CorticalAdaptors adaptors = new CorticalAdaptors(manager, model.stacks(), settings.seed())) {
                long t0 = System.nanoTime();
                boolean cached = settings.mode() == TopoTrainer.Mode.CACHED;
                Map<LayerSite, float[]> cache = cached ? TopoTrainer.cacheMeans(manager, model, adaptors.sites(), train, 32) : null;
                Map<LayerSite, float[]> textCache = cached && withText ? TopoTrainer.cacheMeans(manager, model, adaptors.sites(), textTrain, 32) : null;
                double cacheSeconds = (System.nanoTime() - t0) / 1e9;
                List<double[]> curve = new TopoTrainer(settings, log).train(manager, model, adaptors, train, cache,
                        withText ? textTrain : List.of(), textCache, state, Integer.MAX_VALUE);
                double seconds = curve.get(curve.size() - 1)[5] + cacheSeconds;
                adaptors.save(out.resolve(CorticalModel.ADAPTORS), Map.of("mode", settings.mode().name()));
                LayoutJson.write(out.resolve(CorticalModel.LAYOUT), model.sheet());
                writeMeta(out, base, settings, model);
                writeCurve(out, curve, settings);

                log.println("measuring: held-out spatial loss, answers against the base model");
                Map<LayerSite, float[]> heldCache = TopoTrainer.cacheMeans(manager, model, adaptors.sites(), held, 32);
                double spatial = TopoTrainer.spatialLossOf(manager, model, adaptors, heldCache, held.size(), 32,
                        settings.radius(), settings.neighbourhoods(), 5, 12345);
                double textSpatial = Double.NaN;
                if (textHeld.size() >= 2) {
                    Map<LayerSite, float[]> textHeldCache = TopoTrainer.cacheMeans(manager, model, adaptors.sites(), textHeld, 32);
                    textSpatial = TopoTrainer.spatialLossOf(manager, model, adaptors, textHeldCache, textHeld.size(), 32,
                            settings.radius(), settings.neighbourhoods(), 5, 12345, TopoTrainer.languageUnits(model.sheet()));
                }
                List<TrainItem> eval = new ArrayList<>(held);
                List<String> categories = TaskItems.categories(corpus);
                for (TaskItems.Item r : corpus) {
                    if (r.heldOut() && (r.family().equals("visual") || r.family().equals("auditory"))) {
                        eval.add(new TrainItem(r.id(), proc.chat(r.stimulus(), r.prompt()), r.family(), r.category(), r.answer()));
                    }
                }
                List<String> baseAnswers = answers(manager, model, eval, LayerHook.NONE);
                List<String> topoAnswers = answers(manager, model, eval, adaptors.hook(org.topoomni.model.CorticalTap.NONE));
                int agree = 0, baseCorrect = 0, topoCorrect = 0, judged = 0;
                for (int i = 0; i < eval.size(); i++) {
                    if (baseAnswers.get(i).equals(topoAnswers.get(i))) agree++;
                    TrainItem t = eval.get(i);
                    if (t.family().equals("audiovisual")) continue;
                    judged++;
                    if (Answers.names(baseAnswers.get(i), t.category(), categories)) baseCorrect++;
                    if (Answers.names(topoAnswers.get(i), t.category(), categories)) topoCorrect++;
                }
                Metrics m = new Metrics(spatial, agree / (double) eval.size(), topoCorrect / (double) Math.max(1, judged),
                        baseCorrect / (double) Math.max(1, judged), seconds, settings.steps() / Math.max(1e-9, seconds - cacheSeconds),
                        adaptors.worstConditionNumber(), train.size(), eval.size(), textSpatial, withText ? textTrain.size() : 0);
                writeMetrics(out.resolve(METRICS), m, settings);
                Folders.deleteRecursively(state);
                return m;
            }
        }
    }

    /** The items of further folders (ids {@code extra<k>:<id>}), for self-distillation: no reference answer, the localizers' question. */
    static List<TaskItems.Item> extraItems(List<Path> extra) {
        List<TaskItems.Item> out = new ArrayList<>();
        for (int k = 0; k < (extra == null ? 0 : extra.size()); k++) {
            StimulusFolder f = StimulusFolder.open(extra.get(k), StimulusLoader.screening());
            for (StimulusFolder.Item it : f.items()) {
                if (it.medium().equals("text")) continue; // texts train the language stack through the library's corpus
                Stimulus st = it.load();
                String prompt = Prompts.forStimulus(st);
                boolean held = HeldOut.isHeldOut("extra", it.category(), it.id(), it.attributes(), HeldOut.FRACTION, 0);
                out.add(new TaskItems.Item("extra" + (k + 1) + ":" + it.id(), "audiovisual", it.category(), st, prompt == null ? Prompts.DESCRIBE : prompt, "", held));
            }
        }
        return out;
    }

    /** The library's plain texts of {@link #TEXT_CATEGORY}, training or held-out split, read by the backbone as plain language. */
    static List<TrainItem> texts(List<TaskItems.Item> corpus, Backbone model, boolean heldOut) {
        List<TrainItem> out = new ArrayList<>();
        for (TaskItems.Item r : corpus) {
            if (r.heldOut() != heldOut || !r.plainText() || !r.category().equals(TEXT_CATEGORY)) continue;
            out.add(new TrainItem(r.id(), model.processor().plainText(r.prompt()), r.family(), r.category(), ""));
        }
        return out;
    }

    static List<String> answers(NDManager manager, Backbone model, List<TrainItem> items, LayerHook hook) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += 64) {
            List<ModelInput> part = items.subList(i, Math.min(items.size(), i + 64)).stream().map(TrainItem::input).toList();
            for (Answer a : model.generate(manager, part, 16, hook)) out.add(a.text());
        }
        return out;
    }

    /**
     * The base model's greedy answers to the training items, computed once and kept in
     * {@code file} (tokens, in the backbone's own vocabulary, and texts). An item the base model
     * answers with nothing learns its reference answer instead.
     */
    static Map<String, Answer> distillationTargets(NDManager manager, Backbone model, List<TaskItems.Item> items, Path file, PrintStream log) throws IOException {
        ObjectMapper om = org.topoomni.io.Json.mapper();
        Map<String, Answer> out = new LinkedHashMap<>();
        if (Files.isRegularFile(file)) {
            JsonNode root = om.readTree(file.toFile());
            JsonNode texts = root.path("texts");
            root.path("targets").fields().forEachRemaining(e -> {
                int[] ids = new int[e.getValue().size()];
                for (int i = 0; i < ids.length; i++) ids[i] = e.getValue().get(i).asInt();
                out.put(e.getKey(), new Answer(texts.path(e.getKey()).asText(""), ids));
            });
            if (items.stream().allMatch(r -> out.containsKey(r.id()))) return out;
            out.clear();
        }
        log.printf(Locale.ROOT, "self-distillation targets: the base model answers %d training items%n", items.size());
        Processor proc = model.processor();
        for (int i = 0; i < items.size(); i += 64) {
            List<TaskItems.Item> part = items.subList(i, Math.min(items.size(), i + 64));
            List<ModelInput> ex = part.stream().map(r -> proc.chat(r.stimulus(), r.prompt())).toList();
            List<Answer> ans = model.generate(manager, ex, 16, LayerHook.NONE);
            for (int k = 0; k < part.size(); k++) {
                Answer a = ans.get(k);
                out.put(part.get(k).id(), a.isEmpty() ? proc.answer(part.get(k).answer()) : a);
            }
        }
        ObjectNode root = om.createObjectNode();
        ObjectNode t = root.putObject("targets"), x = root.putObject("texts");
        out.forEach((k, v) -> {
            var arr = t.putArray(k);
            for (int id : v.tokens()) arr.add(id);
            x.put(k, v.text());
        });
        AtomicFiles.writeString(file, om.writeValueAsString(root));
        return out;
    }

    static void writeMeta(Path out, Path base, TopoTrainer.Settings s, Backbone model) throws IOException {
        ObjectMapper om = org.topoomni.io.Json.mapper();
        ObjectNode n = om.createObjectNode();
        n.put("base", base.toAbsolutePath().normalize().toString());
        n.put("architecture", model.architecture());
        n.put("mode", s.mode().name().toLowerCase(Locale.ROOT));
        n.put("alpha", s.alpha());
        n.put("control", s.alpha() == 0);
        n.put("radius", s.radius());
        n.put("neighbourhoods", s.neighbourhoods());
        n.put("steps", s.steps());
        n.put("batch_size", s.batchSize());
        n.put("learning_rate", s.learningRate());
        n.put("conditioning", s.conditioning());
        n.put("seed", s.seed());
        n.put("text_weight", s.textWeight());
        n.put("sheet_rows", model.sheet().rows());
        n.put("sheet_cols", model.sheet().cols());
        AtomicFiles.writeString(out.resolve(CorticalModel.META), om.writeValueAsString(n));
    }

    static void writeCurve(Path out, List<double[]> curve, TopoTrainer.Settings s) throws IOException {
        StringBuilder sb = new StringBuilder(TopoTrainer.CURVE_HEADER).append('\n');
        double[] x = new double[curve.size()], task = new double[curve.size()], spatial = new double[curve.size()], text = new double[curve.size()];
        boolean withText = false;
        for (int i = 0; i < curve.size(); i++) {
            double[] p = curve.get(i);
            sb.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6f,%.6g,%.2f,%s%n", (int) p[0], p[1], p[2], p[3], p[4], p[5],
                    p.length > 6 && !Double.isNaN(p[6]) ? String.format(Locale.ROOT, "%.6f", p[6]) : ""));
            x[i] = p[0];
            task[i] = s.mode() == TopoTrainer.Mode.FULL ? p[2] : p[4];
            spatial[i] = p[3];
            text[i] = p.length > 6 ? p[6] : Double.NaN;
            withText |= !Double.isNaN(text[i]);
        }
        AtomicFiles.writeString(out.resolve("curve.csv"), sb.toString());
        String taskName = s.mode() == TopoTrainer.Mode.FULL ? "task (distillation cross-entropy)" : "conditioning (|G-I|^2+|G^-1-I|^2)/d, G=WW'";
        LinePlot.write(out.resolve("curve.png"), (s.alpha() == 0 ? "control" : "topographic") + " training (" + s.mode().name().toLowerCase(Locale.ROOT) + ")",
                "step", x, withText
                        ? List.of(new LinePlot.Series("spatial loss", spatial), new LinePlot.Series("texts' spatial loss (language stack)", text),
                                new LinePlot.Series(taskName, task))
                        : List.of(new LinePlot.Series("spatial loss", spatial), new LinePlot.Series(taskName, task)));
    }

    /** The run's metrics.json ({@link TrainingMetrics}): the measurements and the settings that decide them. */
    static void writeMetrics(Path file, Metrics m, TopoTrainer.Settings s) throws IOException {
        new TrainingMetrics(m.heldOutSpatialLoss(), m.heldOutTextSpatialLoss(), m.textItems(), s.textWeight(), m.answerAgreement(), m.accuracy(),
                m.baseAccuracy(), m.seconds(), m.stepsPerSecond(), m.worstConditionNumber(), m.trainItems(), m.evalItems(),
                s.mode().name().toLowerCase(Locale.ROOT), s.alpha(), s.radius()).write(file);
    }
}

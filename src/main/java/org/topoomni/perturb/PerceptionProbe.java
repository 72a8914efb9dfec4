package org.topoomni.perturb;

import org.topoomni.stimuli.StimulusFolder;

import ai.djl.ndarray.NDManager;
import org.topoomni.model.Answer;
import org.topoomni.model.Backbone;
import org.topoomni.model.CorticalModel;
import org.topoomni.model.ModelInput;
import org.topoomni.registry.Models;
import org.topoomni.results.PretrainMetrics;
import org.topoomni.stimuli.Progress;
import org.topoomni.stimuli.Seeds;
import org.topoomni.stimuli.Stimulus;
import org.topoomni.stimuli.StimulusLibrary;
import org.topoomni.stimuli.StimulusSet;
import org.topoomni.task.Answers;
import org.topoomni.task.HeldOut;
import org.topoomni.task.Prompts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * What the model says it sees, with and without an intervention. The model is asked the fixed
 * question {@link #PROMPT} ("What do you see?", the first of the pretraining prompts
 * {@link Prompts#VISUAL}, and the question the localizer asked about pictures)
 * about an image, and answers greedily ({@link Backbone#generate}, at most a few tokens: pretraining taught short
 * answers such as "a face").
 *
 * <p><b>Judge.</b> {@link Answers#classify}: an answer names the category whose canonical phrase
 * (the pretraining answer, e.g. "a face", "a place" for scenes) it contains as whole words, the
 * longest match winning, among the categories of the library's visual family (the model's own
 * vocabulary for pictures); an answer that contains none names nothing. An image is identified
 * correctly when its answer names its own category.
 *
 * <p><b>Images.</b> Held-out images only: those of the library's visual family that the
 * pretraining split ({@link HeldOut#isHeldOut}, with the base model's pretraining seed and
 * {@link HeldOut#FRACTION}) kept out of training. A base model that was not pretrained on a
 * library here (a Hugging Face checkpoint) never saw any of them, so all of them are held out.
 *
 * <p><b>Batching.</b> Every (image, intervention) pair is a row; rows with different
 * interventions share a forward pass ({@link InterventionTap} applies each row's own), so
 * {@link #answer} runs many conditions at once.
 */
public final class PerceptionProbe {

    /** The question: the first pretraining prompt for pictures. */
    public static final String PROMPT = Prompts.SEE;

    /** A probe image: its id, category and the model input. */
    public record Image(String id, String category, ModelInput input) {}

    /** One row: an image (index into the probe's images) under an intervention. */
    public record Trial(int image, Intervention intervention) {}

    private final CorticalModel model;
    private final List<Image> images;
    private final List<String> judgeCategories;
    private final int maxTokens, batchSize;

    public PerceptionProbe(CorticalModel model, List<Image> images, List<String> judgeCategories, int maxTokens, int batchSize) {
        if (images.isEmpty()) throw new IllegalArgumentException("the perception probe has no images");
        if (judgeCategories.isEmpty()) throw new IllegalArgumentException("the judge needs the categories to choose among");
        if (maxTokens < 1) throw new IllegalArgumentException("answers need at least 1 token, got " + maxTokens);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        this.model = model;
        this.images = List.copyOf(images);
        this.judgeCategories = List.copyOf(judgeCategories);
        this.maxTokens = maxTokens;
        this.batchSize = batchSize;
    }

    public List<Image> images() {
        return images;
    }

    public List<String> judgeCategories() {
        return judgeCategories;
    }

    /** The answers to every trial, in order, batchSize rows per forward pass; {@code task} is stepped per row. */
    public List<String> answer(NDManager manager, List<Trial> trials, Progress.Task task) {
        Backbone bb = model.backbone();
        List<String> out = new ArrayList<>(trials.size());
        for (int i = 0; i < trials.size(); i += batchSize) {
            List<Trial> part = trials.subList(i, Math.min(trials.size(), i + batchSize));
            List<ModelInput> ex = new ArrayList<>(part.size());
            List<Intervention> ivs = new ArrayList<>(part.size());
            for (Trial t : part) {
                ex.add(images.get(t.image()).input());
                ivs.add(t.intervention());
            }
            InterventionTap tap = new InterventionTap(model.sheet(), ivs);
            try (NDManager sub = manager.newSubManager()) {
                for (Answer a : bb.generate(sub, ex, maxTokens, model.hook(tap))) {
                    out.add(a.text());
                    if (task != null) task.step();
                }
            }
        }
        return out;
    }

    /** The category an answer names (null: none). */
    public String judge(String answer) {
        return Answers.classify(answer, judgeCategories);
    }

    /** Whether an answer names {@code category}. */
    public boolean names(String answer, String category) {
        return Answers.names(answer, category, judgeCategories);
    }

    // ------------------------------------------------------------------ images

    /**
     * The pretraining seed of a model folder: {@code metrics.json} of its base model folder (of a
     * topographic model) or of the folder itself, written by a pretraining on a library here;
     * empty for a base model that was not pretrained here (it saw none of the library's images).
     */
    public static OptionalLong pretrainSeed(Path modelDir) throws IOException {
        Path base = Models.baseOf(modelDir);
        Path metrics = base.resolve(PretrainMetrics.FILE);
        if (!Files.isRegularFile(metrics)) return OptionalLong.empty();
        Long seed = PretrainMetrics.read(metrics).seed();
        if (seed == null) throw new IllegalArgumentException(metrics + " does not record the pretraining seed, which decides the held-out images");
        return OptionalLong.of(seed);
    }

    /** The visual stimulus set of a library (its categories are the judge's vocabulary). */
    public static StimulusSet visualSet(Path library) {
        if (library == null || !Files.isDirectory(library)) throw new IllegalArgumentException("stimulus library not found: " + library);
        Path dir = library.resolve("visual");
        if (!Files.isRegularFile(dir.resolve("manifest.json"))) {
            throw new IllegalArgumentException(library + " has no visual stimulus set (visual/manifest.json); give the library the localizer used");
        }
        return StimulusSet.load(dir);
    }

    /**
     * The probe's pictures: a generated library's visual set, or a lab's own folder (its images and
     * videos, by category; fLoc-style category folders or on/ + off/).
     */
    public static StimulusFolder images(Path library) {
        if (library == null || !Files.isDirectory(library)) throw new IllegalArgumentException("stimulus folder not found: " + library);
        if (Files.isRegularFile(library.resolve("visual").resolve("manifest.json"))) return StimulusFolder.open(library.resolve("visual"));
        if (Files.isRegularFile(library.resolve("manifest.json"))) return StimulusFolder.open(library);
        StimulusFolder f = StimulusFolder.open(library);
        List<StimulusFolder.Item> pictures = f.items().stream().filter(it -> it.medium().equals("image") || it.medium().equals("video")).toList();
        if (pictures.isEmpty()) throw new IllegalArgumentException(library + " holds no images or videos for the perception probe");
        return f;
    }

    /** The model input of an image: the image and the fixed question {@link #PROMPT}, no answer. */
    public static ModelInput input(Backbone model, Stimulus s) {
        if (!s.hasImage()) throw new IllegalArgumentException("stimulus " + s.id() + " has no image");
        return model.processor().chat(s, PROMPT);
    }

    /**
     * Held-out images of some categories of one or more picture folders, pooled (the first is the
     * localizer's; the others only add probe images, e.g. the pretraining extras): per category
     * the held-out images of every folder, a seeded sample of at most {@code perCategory}, in
     * category then id order. A category's images are those of the folder categories
     * {@code sources} gives it (a contrast's ON categories where the folder has no category of the
     * contrast's own name, e.g. fLoc's adult and child for faces; else the category itself).
     * Images of a folder after the first are named {@code <its library folder>/<id>}.
     */
    public static List<Image> heldOutImages(Backbone model, List<StimulusFolder> sets, List<String> categories,
                                            java.util.Map<String, List<String>> sources, int perCategory, OptionalLong pretrainSeed, long seed) {
        if (sets == null || sets.isEmpty()) throw new IllegalArgumentException("no picture folder to take probe images from");
        Path library = sets.get(0).path();
        record Held(String id, StimulusFolder.Item item) {}
        List<Image> out = new ArrayList<>();
        for (String c : categories) {
            List<String> from = sources.getOrDefault(c, List.of(c));
            if (from.stream().allMatch(x -> sets.get(0).items(x).isEmpty())) {
                throw new IllegalArgumentException(library + " has no images of '" + c + "'" + (from.equals(List.of(c)) ? "" : " (" + String.join(", ", from) + ")")
                        + "; its categories: " + sets.get(0).categories());
            }
            List<Held> held = new ArrayList<>();
            int all = 0;
            for (int k = 0; k < sets.size(); k++) {
                StimulusFolder set = sets.get(k);
                boolean first = k == 0;
                for (String x : from) {
                    for (StimulusFolder.Item i : set.items(x)) {
                        if (!i.medium().equals("image") && !i.medium().equals("video") && !i.medium().equals("audiovisual")) continue;
                        all++;
                        if (pretrainSeed.isEmpty() || HeldOut.isHeldOut("visual", i.category(), i.id(), i.attributes(), HeldOut.FRACTION, pretrainSeed.getAsLong())) {
                            held.add(new Held(first ? i.id() : StimulusLibrary.pooledId(set.path().getParent(), i.id()), i));
                        }
                    }
                }
            }
            if (held.isEmpty()) {
                throw new IllegalArgumentException(library + " has no held-out images of '" + c + "' ("
                        + all + " images in all); the probe needs images the model was not trained on");
            }
            if (held.size() > perCategory) {
                SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, "perturb/images/" + c));
                for (int i = 0; i < perCategory; i++) java.util.Collections.swap(held, i, i + rng.nextInt(held.size() - i));
                held = new ArrayList<>(held.subList(0, perCategory));
            }
            held.sort(Comparator.comparing(Held::id));
            held.parallelStream().map(h -> new Image(h.id(), c, input(model, h.item().load())))
                    .forEachOrdered(out::add);
        }
        return out;
    }
}

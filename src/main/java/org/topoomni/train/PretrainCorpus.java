package org.topoomni.train;

import org.topoomni.model.Example;
import org.topoomni.model.OmniConfig;
import org.topoomni.model.Preprocess;
import org.topoomni.model.Tokenizer;
import org.topoomni.stimuli.Seeds;
import org.topoomni.stimuli.Stimulus;
import org.topoomni.stimuli.StimulusSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The multitask pretraining material, read from a stimulus library: images -> a short answer
 * naming what is seen; sounds -> what is heard; image + sound -> both; arithmetic problems ->
 * the number; texts -> next-token prediction. Prompts vary. A fixed fraction of each category
 * is held out for evaluation, chosen by a seeded hash of the item's source (its clip-art file if
 * it has one, else its id), so no held-out picture shares a source file with a training one.
 */
public final class PretrainCorpus {
    public static final List<String> VISUAL_PROMPTS = List.of("What do you see?", "What is in this image?",
            "Describe this image.", "What is this?", "Describe this.");
    public static final List<String> AUDIO_PROMPTS = List.of("What do you hear?", "What is this sound?",
            "Describe this sound.", "Describe this.");
    public static final List<String> AV_PROMPTS = List.of("Describe this.", "What do you see and hear?");
    /** Text categories learned as plain text (next-token prediction). */
    public static final Set<String> TEXT_CATEGORIES = Set.of("corpus", "sentences", "false_belief", "false_photo");

    /** Fraction of each category that pretraining holds out for evaluation. */
    public static final double HELD_OUT_FRACTION = 0.2;

    /** One item before tokenisation. */
    public record Raw(String id, String kind, String category, float[] image, float[] mel, String prompt, String answer,
                      boolean heldOut) {}

    private final List<Raw> items;

    private PretrainCorpus(List<Raw> items) {
        this.items = items;
    }

    public List<Raw> items() { return items; }

    /**
     * Reads the families of a library that exist (visual, auditory, tonotopy, retinotopy,
     * audiovisual, text).
     *
     * @param heldOutFraction fraction of each category held out, e.g. 0.2
     */
    public static PretrainCorpus read(Path library, OmniConfig cfg, double heldOutFraction, long seed) {
        return read(List.of(library), cfg, heldOutFraction, seed);
    }

    /** Reads several libraries (e.g. the localizer library and extra pretraining exemplars). */
    public static PretrainCorpus read(List<Path> libraries, OmniConfig cfg, double heldOutFraction, long seed) {
        List<Raw> out = Collections.synchronizedList(new ArrayList<>());
        for (int li = 0; li < libraries.size(); li++) {
            Path library = libraries.get(li);
            if (!Files.isDirectory(library)) throw new IllegalArgumentException("stimulus library not found: " + library);
            boolean any = false;
            String prefix = li == 0 ? "" : "lib" + li + ":";
            for (String family : List.of("visual", "retinotopy", "auditory", "tonotopy", "audiovisual", "text")) {
                Path dir = library.resolve(family);
                if (!Files.isRegularFile(dir.resolve("manifest.json"))) continue;
                any = true;
                StimulusSet set = StimulusSet.load(dir);
                set.items().parallelStream().forEach(item -> {
                    Raw r = toRaw(family, item, cfg, heldOutFraction, seed);
                    if (r != null) {
                        out.add(prefix.isEmpty() ? r : new Raw(prefix + r.id(), r.kind(), r.category(), r.image(), r.mel(),
                                r.prompt(), r.answer(), r.heldOut()));
                    }
                });
            }
            if (!any) {
                throw new IllegalArgumentException(library + " holds no stimulus sets; make one with ./topo-omni stimuli generate --out " + library);
            }
        }
        List<Raw> sorted = new ArrayList<>(out);
        sorted.sort(java.util.Comparator.comparing(Raw::id));
        return new PretrainCorpus(sorted);
    }

    /** Share of retinotopy and tonotopy items used: they are easy and would crowd out the rest. */
    static final double MAPPING_SHARE = 0.3;
    /** Share of the text corpus used: enough for the language model, cheap enough for the budget. */
    static final double CORPUS_SHARE = 0.4;
    /** Longest plain text learned, in characters (about 40 tokens). */
    static final int MAX_TEXT_CHARS = 160;

    private static Raw toRaw(String family, StimulusSet.Item item, OmniConfig cfg, double heldOutFraction, long seed) {
        String cat = item.category();
        double share = family.equals("retinotopy") || family.equals("tonotopy") ? MAPPING_SHARE
                : family.equals("text") && cat.equals("corpus") ? CORPUS_SHARE : 1.0;
        if (share < 1.0 && unit(Seeds.derive(seed, "share/" + family + "/" + item.id())) >= share) return null;
        Map<String, String> attrs = item.attributes();
        boolean held = isHeldOut(family, item, heldOutFraction, seed);
        SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, "prompt/" + item.id()));
        String id = family + "/" + item.id();
        switch (family) {
            case "visual", "retinotopy" -> {
                Stimulus s = item.load();
                return new Raw(id, family, cat, Preprocess.image(s.image(), cfg.imageSize()), null,
                        pick(VISUAL_PROMPTS, rng), Answers.phrase(cat), held);
            }
            case "auditory", "tonotopy" -> {
                Stimulus s = item.load();
                return new Raw(id, family, cat, null, Preprocess.audio(s.audio(), cfg.audioFrames(), cfg.melBands()),
                        pick(AUDIO_PROMPTS, rng), Answers.phrase(cat), held);
            }
            case "audiovisual" -> {
                Stimulus s = item.load();
                if (s.image() == null || s.audio() == null) return null;
                String vc = attrs.get("visual_category"), ac = attrs.get("audio_category");
                if (vc == null || ac == null) return null;
                String answer = Answers.phrase(vc) + " and " + Answers.phrase(ac);
                return new Raw(id, family, cat, Preprocess.image(s.image(), cfg.imageSize()),
                        Preprocess.audio(s.audio(), cfg.audioFrames(), cfg.melBands()), pick(AV_PROMPTS, rng), answer, held);
            }
            case "text" -> {
                Stimulus s = item.load();
                if (cat.startsWith("arithmetic") && attrs.containsKey("answer")) {
                    return new Raw(id, "arithmetic", cat, null, null, s.text().strip(), attrs.get("answer"), held);
                }
                if (TEXT_CATEGORIES.contains(cat)) {
                    String text = s.text().strip();
                    if (text.length() > MAX_TEXT_CHARS) {
                        int cut = text.lastIndexOf(' ', MAX_TEXT_CHARS);
                        text = text.substring(0, cut > 40 ? cut : MAX_TEXT_CHARS);
                    }
                    return new Raw(id, "text", cat, null, null, text, "", held);
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * The split rule: whether pretraining with {@code seed} holds {@code item} of {@code family}
     * out. A seeded hash of the item's family, category and source (its clip-art file if it has
     * one, else its id) is compared with the fraction, so all pictures of one source file fall on
     * the same side.
     */
    public static boolean isHeldOut(String family, StimulusSet.Item item, double heldOutFraction, long seed) {
        String source = item.attributes().getOrDefault("source_file", item.id());
        return unit(Seeds.derive(seed, family + "/" + item.category() + "/" + source)) < heldOutFraction;
    }

    private static String pick(List<String> options, SplittableRandom rng) {
        return options.get(rng.nextInt(options.size()));
    }

    private static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }

    /** Every string the tokenizer should learn from (training items only). */
    public List<String> tokenizerCorpus() {
        List<String> out = new ArrayList<>();
        for (Raw r : items) {
            if (r.heldOut()) continue;
            out.add(r.prompt());
            if (!r.answer().isEmpty()) out.add(" " + r.answer());
        }
        out.addAll(VISUAL_PROMPTS);
        out.addAll(AUDIO_PROMPTS);
        out.addAll(AV_PROMPTS);
        return out;
    }

    /** Tokenised items; answers get a leading space (they follow the assistant marker). */
    public List<TrainItem> encode(Tokenizer tok, boolean heldOut, int maxPositions) {
        List<TrainItem> out = new ArrayList<>();
        for (Raw r : items) {
            if (r.heldOut() != heldOut) continue;
            Example e;
            if (r.kind().equals("text")) {
                int[] ids = tok.encode(r.prompt());
                int max = maxPositions - 2;
                if (ids.length > max) ids = java.util.Arrays.copyOf(ids, max);
                if (ids.length < 2) continue;
                e = Example.text(ids);
            } else {
                e = Example.chat(r.image(), r.mel(), tok.encode(r.prompt()), tok.encode(" " + r.answer()));
            }
            out.add(new TrainItem(r.id(), e, r.kind(), r.category(), r.answer()));
        }
        return out;
    }
}

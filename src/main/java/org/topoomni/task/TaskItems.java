package org.topoomni.task;

import org.topoomni.stimuli.Seeds;
import org.topoomni.stimuli.Stimulus;
import org.topoomni.stimuli.StimulusSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A stimulus library read as questions and answers, the same for every backbone: images -> a
 * short answer naming what is seen; sounds -> what is heard; image + sound -> both; arithmetic
 * problems -> the number; texts -> read as language. Prompts vary (seeded per item), and
 * {@link HeldOut} decides which items are held out. Backbones turn the items into their own
 * inputs with their processors; the pretraining of our own models and the topographic training
 * read the library through this class, so both see the same items, prompts and split.
 */
public final class TaskItems {
    /** Families read, in this order. */
    public static final List<String> FAMILIES = List.of("visual", "retinotopy", "auditory", "tonotopy", "audiovisual", "text");
    /** Text categories read as plain language (next-token prediction). */
    public static final Set<String> TEXT_CATEGORIES = Set.of("corpus", "sentences", "false_belief", "false_photo");
    /** Share of retinotopy and tonotopy items used: they are easy and would crowd out the rest. */
    static final double MAPPING_SHARE = 0.3;
    /** Share of the text corpus used: enough for a small language model, cheap enough for the budget. */
    static final double CORPUS_SHARE = 0.4;
    /** Longest plain text, in characters (about 40 tokens of a small BPE vocabulary). */
    public static final int MAX_TEXT_CHARS = 160;

    /**
     * One item.
     *
     * @param id       {@code family/itemId}, prefixed {@code lib<k>:} for the k-th further library
     * @param family   "visual", "retinotopy", "auditory", "tonotopy", "audiovisual", "arithmetic" or "text"
     * @param stimulus the loaded stimulus (for a text item: its text, cut to {@link #MAX_TEXT_CHARS})
     * @param prompt   the question (for a text item: the text itself; for arithmetic: the problem)
     * @param answer   the expected answer ("" for a text item)
     */
    public record Item(String id, String family, String category, Stimulus stimulus, String prompt, String answer, boolean heldOut) {
        public boolean plainText() {
            return family.equals("text");
        }
    }

    private TaskItems() {}

    /** The items of the given families of one or more libraries, sorted by id. */
    public static List<Item> read(List<Path> libraries, double heldOutFraction, long seed) {
        List<Item> out = Collections.synchronizedList(new ArrayList<>());
        for (int li = 0; li < libraries.size(); li++) {
            Path library = libraries.get(li);
            if (!Files.isDirectory(library)) throw new IllegalArgumentException("stimulus library not found: " + library);
            boolean any = false;
            String prefix = li == 0 ? "" : "lib" + li + ":";
            for (String family : FAMILIES) {
                Path dir = library.resolve(family);
                if (!Files.isRegularFile(dir.resolve("manifest.json"))) continue;
                any = true;
                StimulusSet set = StimulusSet.load(dir);
                set.items().parallelStream().forEach(item -> {
                    Item r = toItem(family, item, heldOutFraction, seed);
                    if (r != null) {
                        out.add(prefix.isEmpty() ? r : new Item(prefix + r.id(), r.family(), r.category(), r.stimulus(), r.prompt(), r.answer(), r.heldOut()));
                    }
                });
            }
            if (!any) {
                throw new IllegalArgumentException(library + " holds no stimulus sets; make one with ./topo-omni stimuli generate --out " + library);
            }
        }
        List<Item> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparing(Item::id));
        return sorted;
    }

    private static Item toItem(String family, StimulusSet.Item item, double heldOutFraction, long seed) {
        String cat = item.category();
        double share = family.equals("retinotopy") || family.equals("tonotopy") ? MAPPING_SHARE
                : family.equals("text") && cat.equals("corpus") ? CORPUS_SHARE : 1.0;
        if (share < 1.0 && HeldOut.unit(Seeds.derive(seed, "share/" + family + "/" + item.id())) >= share) return null;
        Map<String, String> attrs = item.attributes();
        boolean held = HeldOut.isHeldOut(family, item, heldOutFraction, seed);
        SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, "prompt/" + item.id()));
        String id = family + "/" + item.id();
        switch (family) {
            case "visual", "retinotopy" -> {
                return new Item(id, family, cat, item.load(), pick(Prompts.VISUAL, rng), Answers.phrase(cat), held);
            }
            case "auditory", "tonotopy" -> {
                return new Item(id, family, cat, item.load(), pick(Prompts.AUDIO, rng), Answers.phrase(cat), held);
            }
            case "audiovisual" -> {
                Stimulus s = item.load();
                if (s.image() == null || s.audio() == null) return null;
                String vc = attrs.get("visual_category"), ac = attrs.get("audio_category");
                if (vc == null || ac == null) return null;
                return new Item(id, family, cat, s, pick(Prompts.AUDIOVISUAL, rng), Answers.phrase(vc) + " and " + Answers.phrase(ac), held);
            }
            case "text" -> {
                Stimulus s = item.load();
                if (cat.startsWith("arithmetic") && attrs.containsKey("answer")) {
                    return new Item(id, "arithmetic", cat, s, s.text().strip(), attrs.get("answer"), held);
                }
                if (TEXT_CATEGORIES.contains(cat)) {
                    String text = s.text().strip();
                    if (text.length() > MAX_TEXT_CHARS) {
                        int cut = text.lastIndexOf(' ', MAX_TEXT_CHARS);
                        text = text.substring(0, cut > 40 ? cut : MAX_TEXT_CHARS);
                    }
                    return new Item(id, "text", cat, s, text, "", held);
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private static String pick(List<String> options, SplittableRandom rng) {
        return options.get(rng.nextInt(options.size()));
    }

    /** The distinct categories of some items, sorted (the judge's vocabulary). */
    public static List<String> categories(List<Item> items) {
        return items.stream().map(Item::category).distinct().sorted().toList();
    }
}

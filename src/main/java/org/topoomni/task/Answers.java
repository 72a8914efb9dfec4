package org.topoomni.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words the model learns for each category, and the judge that reads an answer back.
 *
 * <p>Every category has one canonical phrase ("a face", "scrambled speech", "a checkerboard
 * wedge"). The judge classifies an answer as the category whose phrase it contains as whole
 * words, preferring the longest match ("scrambled speech" beats "speech"); an answer naming no
 * category is classified as none. An answer "names category X" when the judge classifies it as
 * X. The model's own vocabulary is the set of these phrases: they are what pretraining taught it.
 */
public final class Answers {
    private static final Map<String, String> FIXED = new LinkedHashMap<>();
    private static final Set<String> UNCOUNTABLE = Set.of("food", "furniture", "clothing", "music", "speech", "jewelry", "fruit");

    static {
        FIXED.put("faces", "a face");
        FIXED.put("bodies", "a body");
        FIXED.put("objects", "an object");
        FIXED.put("scenes", "a place");
        FIXED.put("words", "written words");
        FIXED.put("scrambled_objects", "a scrambled picture");
        FIXED.put("speech", "speech");
        FIXED.put("quilted_speech", "scrambled speech");
        FIXED.put("vocal", "a human voice");
        FIXED.put("nonvocal", "an everyday sound");
        FIXED.put("music", "music");
        FIXED.put("animal_sounds", "an animal call");
        FIXED.put("ambient", "background noise");
        FIXED.put("sentences", "a sentence");
        FIXED.put("nonwords", "made-up words");
    }

    private Answers() {}

    /** The canonical phrase of a category. */
    public static String phrase(String category) {
        String fixed = FIXED.get(category);
        if (fixed != null) return fixed;
        if (category.startsWith("wedge_")) return "a checkerboard wedge";
        if (category.startsWith("ring_")) return "a checkerboard ring";
        if (category.startsWith("tone_")) return "a pure tone";
        String words = category.replace('_', ' ').toLowerCase(Locale.ROOT);
        if (UNCOUNTABLE.contains(words)) return words;
        String singular = words.endsWith("ies") ? words.substring(0, words.length() - 3) + "y"
                : words.endsWith("ses") || words.endsWith("shes") || words.endsWith("ches") ? words.substring(0, words.length() - 2)
                : words.endsWith("s") && !words.endsWith("ss") ? words.substring(0, words.length() - 1) : words;
        return ("aeiou".indexOf(singular.charAt(0)) >= 0 ? "an " : "a ") + singular;
    }

    /**
     * The category an answer names among {@code categories}, or null if it names none.
     * Categories that share a phrase (all wedges) are judged by phrase, so the first of them
     * is returned.
     */
    public static String classify(String answer, List<String> categories) {
        String a = " " + normalise(answer) + " ";
        String best = null;
        int bestLen = -1;
        for (String c : categories) {
            String p = normalise(phrase(c));
            String core = p.replaceFirst("^(a|an|the) ", "");
            if (a.contains(" " + core + " ") && core.length() > bestLen) {
                best = c;
                bestLen = core.length();
            }
        }
        return best;
    }

    /** True when the answer names {@code category} (judged among {@code categories}). */
    public static boolean names(String answer, String category, List<String> categories) {
        String c = classify(answer, categories);
        return c != null && phrase(c).equals(phrase(category));
    }

    static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", " ").trim();
    }

    /** Distinct phrases of some categories (e.g. for the tokenizer's corpus). */
    public static List<String> phrases(List<String> categories) {
        List<String> out = new ArrayList<>();
        for (String c : categories) if (!out.contains(phrase(c))) out.add(phrase(c));
        return out;
    }
}

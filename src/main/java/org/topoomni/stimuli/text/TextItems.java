package org.topoomni.stimuli.text;

import org.topoomni.stimuli.StimulusGenerator;

/** Argument checks and ids shared by the text generators. */
final class TextItems {
    private TextItems() {}

    static void check(StimulusGenerator g, String category, int index, int run) {
        if (category == null || !g.categories().contains(category)) {
            throw new IllegalArgumentException("unknown " + g.family() + " category '" + category + "' for "
                    + g.getClass().getSimpleName() + "; known: " + String.join(", ", g.categories()));
        }
        if (index < 0) throw new IllegalArgumentException("index must be >= 0, got " + index);
        if (run < 1) throw new IllegalArgumentException("run must be >= 1, got " + run);
    }

    static String id(String category, int index) {
        return category + "_" + String.format(java.util.Locale.ROOT, "%04d", index);
    }

    /** Words of a sentence, punctuation removed. */
    static String[] words(String sentence) {
        String s = sentence.replaceAll("[.,!?;:\"]", " ").strip();
        return s.isEmpty() ? new String[0] : s.split("\\s+");
    }

    static int letters(String[] words) {
        int n = 0;
        for (String w : words) n += w.length();
        return n;
    }
}

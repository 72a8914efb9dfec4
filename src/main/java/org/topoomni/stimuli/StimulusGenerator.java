package org.topoomni.stimuli;

import java.util.List;

/**
 * A family of stimulus generators (visual, auditory, text, ...). Deterministic: the same
 * (category, index, run, seed) always gives the same stimulus, byte for byte, whatever thread
 * calls it; implementations must be safe to call from several threads at once.
 */
public interface StimulusGenerator {

    /** Family name, e.g. "visual", "auditory", "text", "retinotopy". */
    String family();

    /** The categories this family makes, e.g. "faces", "bodies". */
    List<String> categories();

    /**
     * Makes exemplar {@code index} of {@code category}.
     *
     * @param seed the item's own seed, from {@link Seeds#item}
     */
    Stimulus generate(String category, int index, int run, long seed);

    /**
     * How a category is made, for the record: "rendered" (drawn by code), "clipart"
     * (from installed clip art), "wallpaper", "espeak-ng", "midi", "synthesised", "template"...
     */
    default String source(String category) {
        return "rendered";
    }
}

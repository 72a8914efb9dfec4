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

    /**
     * The name whose item seeds a category shares. Categories with the same key get the same
     * seed for the same index, so a control condition can be made from the very same source as
     * its partner: {@code nonwords} item 7 replaces each word of {@code sentences} item 7 by a
     * nonword, {@code quilted_speech} item 7 can quilt {@code speech} item 7. Default: the
     * category itself.
     */
    default String seedKey(String category) {
        return category;
    }

    /**
     * How many exemplars of {@code category} the library makes when asked for
     * {@code perCategory} of each; a pretraining corpus may want many more. Default:
     * {@code perCategory}.
     */
    default int count(String category, int perCategory) {
        return perCategory;
    }
}

package org.topoomni.task;

import org.topoomni.stimuli.Stimulus;

import java.util.List;

/**
 * The questions every backbone is asked about stimuli: the same English prompts whatever the
 * architecture (each backbone's processor frames them in its own chat format).
 */
public final class Prompts {
    public static final String SEE = "What do you see?", HEAR = "What do you hear?", DESCRIBE = "Describe this.";

    /** Questions about a picture (pretraining varies them; the first is the localizers' and the perception probe's). */
    public static final List<String> VISUAL = List.of(SEE, "What is in this image?", "Describe this image.", "What is this?", DESCRIBE);
    /** Questions about a sound. */
    public static final List<String> AUDIO = List.of(HEAR, "What is this sound?", "Describe this sound.", DESCRIBE);
    /** Questions about a picture with a sound. */
    public static final List<String> AUDIOVISUAL = List.of(DESCRIBE, "What do you see and hear?");

    private Prompts() {}

    /**
     * The prompt with which the localizers present a stimulus: an image with a sound "Describe
     * this.", an image "What do you see?", a sound "What do you hear?"; a stimulus that carries a
     * text besides its image or sound is asked that text; a text alone is null (the text itself
     * is read as the prompt).
     */
    public static String forStimulus(Stimulus s) {
        boolean img = s.hasImage(), snd = s.hasAudio();
        if ((img || snd) && s.hasText() && !s.text().isBlank()) return s.text().strip();
        if (img && snd) return DESCRIBE;
        if (img) return SEE;
        if (snd) return HEAR;
        return null;
    }
}

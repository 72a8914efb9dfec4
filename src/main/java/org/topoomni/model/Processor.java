package org.topoomni.model;

import org.topoomni.stimuli.Stimulus;

/**
 * A backbone's own front end: turns a stimulus (image, sound, text, or a pair) and a prompt
 * into the backbone's model input, with its own preprocessing (resizing, normalisation,
 * spectrograms), its own tokenizer and its own chat format. Inputs are opaque outside the
 * backbone's package.
 */
public interface Processor {

    /**
     * A chat turn about a stimulus: its image and/or sound, and the prompt as the user's text.
     * A stimulus that is only a text is read as the prompt when {@code prompt} is null.
     */
    ModelInput chat(Stimulus stimulus, String prompt);

    /** A plain text read as language, with no chat framing (e.g. training batches for the language stack). */
    ModelInput plainText(String text);

    /** The same input with an answer to learn (self-distillation targets, supervised answers). */
    ModelInput withAnswer(ModelInput input, Answer answer);

    /** A reference answer, tokenised by this backbone. */
    Answer answer(String text);
}

package org.topoomni.backbones.tinyomni;

import org.topoomni.model.ModelInput;

/**
 * One TinyOmni input, already preprocessed: an image and/or a sound and a prompt, with the answer
 * to learn (or an empty answer when the model is to produce it).
 *
 * @param image  3 x H x W floats, channel-major, normalised (see {@link Preprocess}), or null
 * @param mel    frames x mel-bands log-mel features (see {@link Preprocess}), or null
 * @param prompt token ids of the user's text (may be empty)
 * @param answer token ids of the assistant's answer (empty when generating)
 * @param plainText true for a language-modelling item: the prompt is a text predicted token by
 *                  token, with no chat framing
 */
public record Example(float[] image, float[] mel, int[] prompt, int[] answer, boolean plainText) implements ModelInput {
    public Example {
        if (prompt == null) prompt = new int[0];
        if (answer == null) answer = new int[0];
        if (plainText && (image != null || mel != null)) throw new IllegalArgumentException("a plain-text item has no image or sound");
        if (plainText && prompt.length < 2) throw new IllegalArgumentException("a plain-text item needs at least 2 tokens");
    }

    @Override
    public boolean hasImage() {
        return image != null;
    }

    @Override
    public boolean hasAudio() {
        return mel != null;
    }

    public static Example chat(float[] image, float[] mel, int[] prompt, int[] answer) {
        return new Example(image, mel, prompt, answer, false);
    }

    public static Example text(int[] tokens) {
        return new Example(null, null, tokens, new int[0], true);
    }
}

package org.topoomni.backbones.pretrained;

import org.topoomni.model.ModelInput;

/**
 * One input of {@link PretrainedOmni}, made by {@link PretrainedOmniProcessor}.
 *
 * @param image     raw RGB 0..255 as unsigned bytes, channel-major (3 x size x size), or null
 * @param mel       frames x bands standardised log-mel features, or null
 * @param text      word-piece ids of the prompt (chat) or of the text (plain text), with the
 *                  tokenizer's [CLS] ... [SEP]: what the MiniLM reads
 * @param answer    word-piece ids of the answer to learn (empty when generating)
 * @param plainText a text read as language, with no chat framing
 */
public record OmniInput(byte[] image, float[] mel, int[] text, int[] answer, boolean plainText) implements ModelInput {
    public OmniInput {
        if (text == null || text.length < 2) throw new IllegalArgumentException("an input needs its text as [CLS] ... [SEP] word pieces");
        if (answer == null) answer = new int[0];
        if (plainText && (image != null || mel != null)) throw new IllegalArgumentException("a plain text has no image or sound");
        if (plainText && answer.length > 0) throw new IllegalArgumentException("a plain text has no answer; it is learned token by token");
        if (plainText && text.length < 3) throw new IllegalArgumentException("a plain text needs at least one word piece");
    }

    @Override
    public boolean hasImage() {
        return image != null;
    }

    @Override
    public boolean hasAudio() {
        return mel != null;
    }

    /** The same input with another answer. */
    OmniInput withAnswer(int[] tokens) {
        return new OmniInput(image, mel, text, tokens, plainText);
    }
}

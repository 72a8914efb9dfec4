package org.topoomni.model;

/**
 * An answer of a backbone: its text, and its tokens in the backbone's own vocabulary (opaque
 * outside the backbone's package; kept so that self-distillation learns exactly what was said).
 */
public record Answer(String text, int[] tokens) {
    public Answer {
        if (text == null) throw new IllegalArgumentException("an answer needs a text (may be empty)");
        if (tokens == null) tokens = new int[0];
    }

    public boolean isEmpty() {
        return tokens.length == 0;
    }
}

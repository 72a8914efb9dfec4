package org.topoomni.sheet;

/**
 * Where a stack goes on the cortical sheet (METHOD.md section 2): the stacks that read the
 * senses sit side by side at the top, the shared stack that they all feed (the language model)
 * spans the width below them, so the sheet is one processing stream from the senses down.
 */
public enum Placement {
    /** A sensory (input) stack: vision, audio, or a text encoder. Side by side at the top, left to right. */
    SENSORY,
    /** The shared stack the sensory stacks feed (the language model): the full width below them. */
    SHARED
}

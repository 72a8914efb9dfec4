package org.topoomni.model;

/**
 * One input of a backbone, made by its {@link Processor}: opaque outside the backbone's package
 * (each architecture has its own class, holding its preprocessed image, sound and token ids).
 */
public interface ModelInput {

    /** Whether the input drives the vision stack(s). */
    boolean hasImage();

    /** Whether the input drives the audio stack(s). */
    boolean hasAudio();

    /** Whether it is a plain text read as language (no chat framing). */
    boolean plainText();
}

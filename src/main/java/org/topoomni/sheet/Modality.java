package org.topoomni.sheet;

/** The sensory or cognitive stream a stack of layers belongs to. */
public enum Modality {
    VISION, AUDIO, LANGUAGE;

    /** Lower-case name, as used in files and on the command line. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

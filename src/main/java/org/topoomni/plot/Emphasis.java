package org.topoomni.plot;

import org.topoomni.sheet.Modality;

/**
 * The part of the sheet a figure outlines heavier (a contrast's region): nothing, the whole
 * sheet, or the stacks of one modality.
 *
 * @param wholeSheet whether the whole sheet is outlined
 * @param modality   the modality whose stacks are outlined (null: none, or the whole sheet)
 */
public record Emphasis(boolean wholeSheet, Modality modality) {

    public static final Emphasis NONE = new Emphasis(false, null);
    public static final Emphasis WHOLE_SHEET = new Emphasis(true, null);

    /** The stacks of {@code m}, or the whole sheet when {@code m} is null (a region of all stacks). */
    public static Emphasis of(Modality m) {
        return m == null ? WHOLE_SHEET : new Emphasis(false, m);
    }

    /** "all" for the whole sheet, else the modality's id (as regions are named in files). */
    public String id() {
        return wholeSheet ? "all" : modality == null ? "none" : modality.id();
    }
}

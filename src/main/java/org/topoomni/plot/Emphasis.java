package org.topoomni.plot;

import java.util.List;

/**
 * The part of the sheet a figure outlines heavier (a contrast's region): nothing, the whole
 * sheet, or some of its stacks, by name.
 *
 * @param id         the region's name as files give it ("all", "vision", "vision_tower+audio_tower")
 * @param wholeSheet whether the whole sheet is outlined
 * @param stacks     the names of the stacks outlined (empty for nothing and for the whole sheet)
 */
public record Emphasis(String id, boolean wholeSheet, List<String> stacks) {

    public static final Emphasis NONE = new Emphasis("none", false, List.of());
    public static final Emphasis WHOLE_SHEET = new Emphasis("all", true, List.of());

    public Emphasis {
        stacks = List.copyOf(stacks);
    }

    /** The stacks named {@code stacks}, as a region called {@code id}. */
    public static Emphasis stacks(String id, List<String> stacks) {
        return new Emphasis(id, false, stacks);
    }

    /** Whether the stack of this name is outlined heavier. */
    public boolean outlines(String stack) {
        return stacks.contains(stack);
    }
}

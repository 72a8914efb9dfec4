package org.topoomni.sheet;

import java.util.Arrays;
import java.util.Locale;

/**
 * One stack of a backbone as the sheet sees it: a named sequence of layers, each with its own
 * number of units (a transformer's layers are all as wide as its hidden size; a CNN's blocks have
 * as many units as channels, which change from block to block), the modality it serves and where
 * it goes on the sheet. This is all the sheet needs to know about a network.
 */
public final class LayerStack {
    private final String name;
    private final Modality modality;
    private final Placement placement;
    private final int[] widths;
    private final int[] offsets; // offsets[l] = units of the layers before l; offsets[layers] = all units

    public LayerStack(String name, Modality modality, Placement placement, int[] widths) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("stack name must not be empty");
        if (modality == null) throw new IllegalArgumentException("stack '" + name + "' has no modality");
        if (placement == null) throw new IllegalArgumentException("stack '" + name + "' has no placement");
        if (widths == null || widths.length == 0) throw new IllegalArgumentException("stack '" + name + "' must have at least one layer");
        this.name = name;
        this.modality = modality;
        this.placement = placement;
        this.widths = widths.clone();
        this.offsets = new int[widths.length + 1];
        for (int l = 0; l < widths.length; l++) {
            if (widths[l] <= 0) throw new IllegalArgumentException("stack '" + name + "' layer " + l + " must have a positive width, got " + widths[l]);
            long next = (long) offsets[l] + widths[l];
            if (next > Integer.MAX_VALUE) throw new IllegalArgumentException("stack '" + name + "' has too many units");
            offsets[l + 1] = (int) next;
        }
    }

    /** A stack whose layers are all {@code width} units wide (a transformer). */
    public static LayerStack uniform(String name, Modality modality, Placement placement, int layers, int width) {
        if (layers <= 0) throw new IllegalArgumentException("stack '" + name + "' must have at least one layer, got " + layers);
        int[] w = new int[layers];
        Arrays.fill(w, width);
        return new LayerStack(name, modality, placement, w);
    }

    public String name() { return name; }

    public Modality modality() { return modality; }

    public Placement placement() { return placement; }

    public int layers() { return widths.length; }

    /** Units of one layer. */
    public int width(int layer) {
        if (layer < 0 || layer >= widths.length) {
            throw new IndexOutOfBoundsException("stack '" + name + "' has layers 0.." + (widths.length - 1) + ", not " + layer);
        }
        return widths[layer];
    }

    /** The units of every layer, in order (a copy). */
    public int[] widths() { return widths.clone(); }

    /** Units of the layers before {@code layer}: where the layer starts in the stack's row-major packing. */
    public int offset(int layer) {
        if (layer < 0 || layer > widths.length) throw new IndexOutOfBoundsException("stack '" + name + "' has no layer " + layer);
        return offsets[layer];
    }

    /** The layer holding the stack's {@code unit}-th unit in packing order. */
    public int layerOf(int unit) {
        if (unit < 0 || unit >= units()) throw new IndexOutOfBoundsException("stack '" + name + "' has units 0.." + (units() - 1) + ", not " + unit);
        int i = Arrays.binarySearch(offsets, unit);
        return i >= 0 ? i : -i - 2;
    }

    /** All units of the stack. */
    public int units() { return offsets[widths.length]; }

    /** Whether every layer has the same width. */
    public boolean uniform() {
        for (int w : widths) if (w != widths[0]) return false;
        return true;
    }

    /** The narrowest layer. */
    public int minWidth() {
        int m = Integer.MAX_VALUE;
        for (int w : widths) m = Math.min(m, w);
        return m;
    }

    /** The widest layer. */
    public int maxWidth() {
        int m = 0;
        for (int w : widths) m = Math.max(m, w);
        return m;
    }

    /** "6 x 128" for a uniform stack, "3 layers of 8, 16, 32" otherwise. */
    public String describeWidths() {
        if (uniform()) return String.format(Locale.ROOT, "%d x %d", widths.length, widths[0]);
        StringBuilder sb = new StringBuilder().append(widths.length).append(" layers of ");
        for (int l = 0; l < widths.length; l++) sb.append(l == 0 ? "" : ", ").append(widths[l]);
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayerStack s && s.name.equals(name) && s.modality == modality && s.placement == placement
                && Arrays.equals(s.widths, widths);
    }

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + modality.hashCode()) * 31 + placement.hashCode() * 7 + Arrays.hashCode(widths);
    }

    @Override
    public String toString() {
        return "LayerStack[" + name + ", " + modality.id() + ", " + placement.name().toLowerCase(Locale.ROOT) + ", " + describeWidths() + "]";
    }
}

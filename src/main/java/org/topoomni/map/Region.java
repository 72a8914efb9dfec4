package org.topoomni.map;

import org.topoomni.sheet.Modality;
import org.topoomni.sheet.SheetLayout;

import java.util.Locale;

/**
 * The part of the sheet a contrast is read in (its "anatomical constraint"): the whole sheet, or
 * the stacks of one modality (vision, audio, language).
 */
public enum Region {
    ALL(null), VISION(Modality.VISION), AUDIO(Modality.AUDIO), LANGUAGE(Modality.LANGUAGE);

    private final Modality modality;

    Region(Modality modality) {
        this.modality = modality;
    }

    /** Lower-case name as used in files and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The modality whose stacks form this region (null for ALL). */
    public Modality modality() {
        return modality;
    }

    /** Row-major mask of the region's units. */
    public boolean[] mask(SheetLayout layout) {
        boolean[] m = new boolean[layout.units()];
        if (modality == null) {
            java.util.Arrays.fill(m, true);
            return m;
        }
        for (var b : layout.bands()) {
            if (b.stack().modality() != modality) continue;
            for (int r = b.top(); r < b.bottom(); r++) {
                java.util.Arrays.fill(m, r * layout.cols() + b.left(), r * layout.cols() + b.right(), true);
            }
        }
        return m;
    }

    /** The region's units in row-major order. */
    public int[] units(SheetLayout layout) {
        boolean[] m = mask(layout);
        int n = 0;
        for (boolean b : m) if (b) n++;
        int[] out = new int[n];
        for (int u = 0, i = 0; u < m.length; u++) if (m[u]) out[i++] = u;
        return out;
    }

    /** Parses "all", "vision", "audio" or "language" (any case). */
    public static Region parse(String s) {
        if (s == null) throw new IllegalArgumentException("region is missing; use one of all, vision, audio, language");
        for (Region r : values()) if (r.id().equals(s.trim().toLowerCase(Locale.ROOT))) return r;
        throw new IllegalArgumentException("unknown region '" + s + "'; use one of all, vision, audio, language");
    }
}

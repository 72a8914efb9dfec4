package org.topoomni.map;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A localizer contrast, in nilearn's sense: the stimulus categories of the ON condition against
 * those of the OFF condition (one-sided ON &gt; OFF), the region of the sheet it is read in, whether
 * it localizes a sensory or a cognitive function (which sets the response-profile selection:
 * top 1% for sensory, top 10% at twice the FWHM for cognitive, METHOD.md section 4), and the human
 * functional region of interest it is compared with ({@link HumanReference} key, or null).
 *
 * @param name     short identifier, used as a folder name (letters, digits, '_', '-', '.')
 * @param on       ON categories (at least one)
 * @param off      OFF categories (at least one, none of them ON)
 * @param region   where on the sheet the contrast is read
 * @param kind     sensory or cognitive
 * @param humanRoi human fROI to correlate its response profile with (null: none)
 */
public record Contrast(String name, List<String> on, List<String> off, Region region, Kind kind, String humanRoi) {

    /** Sensory contrasts select the top 1% of units; cognitive ones the top 10% at twice the FWHM. */
    public enum Kind {
        SENSORY, COGNITIVE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind parse(String s) {
            if (s == null) return SENSORY;
            for (Kind k : values()) if (k.id().equals(s.trim().toLowerCase(Locale.ROOT))) return k;
            throw new IllegalArgumentException("unknown contrast kind '" + s + "'; use sensory or cognitive");
        }
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    public Contrast {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("contrast name '" + name + "' must be a non-empty word of letters, digits, '_', '-' or '.'");
        }
        on = clean(on, name, "ON");
        off = clean(off, name, "OFF");
        for (String c : on) {
            if (off.contains(c)) throw new IllegalArgumentException("contrast '" + name + "': category '" + c + "' is both ON and OFF");
        }
        if (region == null) region = Region.ALL;
        if (kind == null) kind = Kind.SENSORY;
        if (humanRoi != null && humanRoi.isBlank()) humanRoi = null;
    }

    private static List<String> clean(List<String> cats, String name, String which) {
        if (cats == null || cats.isEmpty()) {
            throw new IllegalArgumentException("contrast '" + name + "' has an empty " + which + " group; give at least one category");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String c : cats) {
            if (c == null || c.isBlank()) throw new IllegalArgumentException("contrast '" + name + "' has an empty category name in its " + which + " group");
            if (!out.add(c.trim())) throw new IllegalArgumentException("contrast '" + name + "' lists '" + c + "' twice in its " + which + " group");
        }
        return List.copyOf(out);
    }

    /** A sensory contrast read on the whole sheet, with no human fROI. */
    public static Contrast of(String name, List<String> on, List<String> off) {
        return new Contrast(name, on, off, Region.ALL, Kind.SENSORY, null);
    }

    /** Every category the contrast uses, ON first. */
    public List<String> categories() {
        List<String> all = new ArrayList<>(on);
        all.addAll(off);
        return all;
    }

    /** The categories this contrast uses that are not among {@code present}. */
    public List<String> missing(Collection<String> present) {
        List<String> out = new ArrayList<>();
        for (String c : categories()) if (!present.contains(c)) out.add(c);
        return out;
    }

    /** Throws a clear IllegalArgumentException when a category of the contrast is not present. */
    public void validateAgainst(Collection<String> present) {
        List<String> missing = missing(present);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("contrast '" + name + "' uses unknown categor" + (missing.size() == 1 ? "y " : "ies ")
                    + missing + "; the stimuli have " + present);
        }
    }

    /** "faces > bodies + objects + scenes". */
    public String label() {
        return String.join(" + ", on) + " > " + String.join(" + ", off);
    }
}

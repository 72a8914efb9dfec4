package org.topoomni.map;

import org.topoomni.sheet.Modality;
import org.topoomni.sheet.SheetLayout;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The part of the sheet a contrast is read in (its "anatomical constraint"): the whole sheet, the
 * stacks of one modality (vision, audio, language), or named stacks of the sheet.
 *
 * <p>A region is a list of names, resolved against a sheet when it is used ({@link #stacks}): a
 * single modality name is the standard region of that modality (all its stacks); otherwise each
 * name is the sheet's stack of that name if it has one, else the stacks of that modality. So
 * {@code ["vision"]} reads the vision stack(s) of any backbone, and {@code ["vision_tower",
 * "audio_tower"]} two named stacks of one. Its {@link #id()} is the names joined by '+'
 * ("vision", "vision_tower+audio_tower"), which {@link #parse(String)} reads back. The four
 * standard regions {@link #ALL}, {@link #VISION}, {@link #AUDIO} and {@link #LANGUAGE} are
 * single instances: parsing "all", "vision", "audio" or "language" returns them.
 */
public final class Region {
    public static final Region ALL = new Region(List.of(), null);
    public static final Region VISION = new Region(List.of("vision"), Modality.VISION);
    public static final Region AUDIO = new Region(List.of("audio"), Modality.AUDIO);
    public static final Region LANGUAGE = new Region(List.of("language"), Modality.LANGUAGE);

    private final List<String> names;
    private final Modality modality;

    private Region(List<String> names, Modality modality) {
        this.names = List.copyOf(names);
        this.modality = modality;
    }

    /** The standard region of a modality (its stacks). */
    public static Region of(Modality m) {
        return switch (m) {
            case VISION -> VISION;
            case AUDIO -> AUDIO;
            case LANGUAGE -> LANGUAGE;
        };
    }

    /** A standard region by its upper-case name ("ALL", "VISION", "AUDIO", "LANGUAGE"), as when Region was an enum. */
    public static Region valueOf(String name) {
        return switch (name) {
            case "ALL" -> ALL;
            case "VISION" -> VISION;
            case "AUDIO" -> AUDIO;
            case "LANGUAGE" -> LANGUAGE;
            default -> throw new IllegalArgumentException("no standard region " + name + " (ALL, VISION, AUDIO, LANGUAGE)");
        };
    }

    /** The region of these stacks or modalities (one modality name alone gives the standard region). */
    public static Region of(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("a region needs at least one stack or modality name (or use \"all\")");
        }
        Set<String> clean = new LinkedHashSet<>();
        for (String n : names) {
            if (n == null || n.isBlank()) throw new IllegalArgumentException("a region has an empty stack name");
            String t = n.strip();
            if (!t.matches("[A-Za-z0-9_.-]+")) {
                throw new IllegalArgumentException("region name '" + n + "' must be a stack or modality name (letters, digits, '_', '-', '.')");
            }
            if (t.equalsIgnoreCase("all")) {
                if (names.size() > 1) throw new IllegalArgumentException("region \"all\" cannot be combined with other names");
                return ALL;
            }
            if (!clean.add(t)) throw new IllegalArgumentException("region lists '" + t + "' twice");
        }
        if (clean.size() == 1) {
            String only = clean.iterator().next().toLowerCase(Locale.ROOT);
            for (Region r : new Region[] {VISION, AUDIO, LANGUAGE}) if (r.names.get(0).equals(only)) return r;
        }
        return new Region(new ArrayList<>(clean), null);
    }

    /** "all", or the names joined by '+'. */
    public String id() {
        return names.isEmpty() ? "all" : String.join("+", names);
    }

    /** The stack or modality names (empty for {@link #ALL}). */
    public List<String> names() {
        return names;
    }

    /** The modality of a standard modality region (VISION, AUDIO, LANGUAGE); null for ALL and for named stacks. */
    public Modality modality() {
        return modality;
    }

    /**
     * The names of the sheet's stacks in this region, in sheet order. A standard region takes the
     * stacks of its modality; otherwise each name is the stack of that name if the sheet has one,
     * else the stacks of the modality of that name; a name that is neither is an error naming the
     * sheet's stacks.
     */
    public List<String> stacks(SheetLayout layout) {
        List<String> out = new ArrayList<>();
        if (names.isEmpty()) {
            for (var b : layout.bands()) out.add(b.stack().name());
            return out;
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String n : names) {
            boolean found = false;
            if (modality == null) {
                for (var b : layout.bands()) {
                    if (b.stack().name().equals(n)) {
                        chosen.add(n);
                        found = true;
                    }
                }
            }
            if (!found) {
                Modality m = modality != null ? modality : modalityNamed(n);
                if (m != null) {
                    for (var b : layout.bands()) {
                        if (b.stack().modality() == m) {
                            chosen.add(b.stack().name());
                            found = true;
                        }
                    }
                }
            }
            if (!found) {
                throw new IllegalArgumentException("region '" + id() + "': '" + n + "' is neither a stack of this sheet nor the modality of one; "
                        + "its stacks: " + layout.stackNames() + " (modalities vision, audio, language)");
            }
        }
        for (var b : layout.bands()) if (chosen.contains(b.stack().name())) out.add(b.stack().name());
        return out;
    }

    /** Checks that the region can be read on this sheet (see {@link #stacks}). */
    public void check(SheetLayout layout) {
        stacks(layout);
    }

    /** Row-major mask of the region's units. */
    public boolean[] mask(SheetLayout layout) {
        boolean[] m = new boolean[layout.units()];
        if (names.isEmpty()) {
            java.util.Arrays.fill(m, true);
            return m;
        }
        List<String> in = stacks(layout);
        for (var b : layout.bands()) {
            if (!in.contains(b.stack().name())) continue;
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

    /**
     * Parses "all", "vision", "audio", "language" (any case), a stack name, or names joined by
     * '+' or ',' ("vision+audio", "vision_tower,audio_tower").
     */
    public static Region parse(String s) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("region is missing; use all, vision, audio, language, or stack names of the sheet");
        }
        List<String> parts = new ArrayList<>();
        for (String p : s.split("[+,]", -1)) parts.add(p.strip());
        return of(parts);
    }

    private static Modality modalityNamed(String n) {
        for (Modality m : Modality.values()) if (m.id().equals(n.toLowerCase(Locale.ROOT))) return m;
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Region r && r.names.equals(names);
    }

    @Override
    public int hashCode() {
        return Objects.hash(names);
    }

    @Override
    public String toString() {
        return id();
    }
}

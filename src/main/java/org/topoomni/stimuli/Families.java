package org.topoomni.stimuli;

import org.topoomni.stimuli.text.TextGenerator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The registry of stimulus families: one line per family in {@link #standard()}. Two families
 * are composed from the others: "audiovisual" ({@link AudiovisualGenerator}) when both "visual"
 * and "auditory" are registered, and "pool" ({@link ScreeningPool}) from the categories of
 * "visual" and "auditory" (whichever are registered). Generators are made on first use and
 * then shared (they are thread-safe).
 */
public final class Families {
    /** Families in the order they are generated and listed. */
    public static final List<String> ORDER = List.of("visual", "retinotopy", "auditory", "tonotopy", "text",
            AudiovisualGenerator.FAMILY, ScreeningPool.FAMILY);

    private final Map<String, Supplier<? extends StimulusGenerator>> suppliers = new LinkedHashMap<>();
    private final Map<String, StimulusGenerator> made = new LinkedHashMap<>();

    /** The families of this build, the visual family without photographs. */
    public static Families standard() {
        return standard(false);
    }

    /**
     * The families of this build; with {@code photos}, the visual family (and so the audiovisual
     * family and the screening pool, which draw their pictures from it) mixes in photographic
     * exemplars from the installed Tux Paint stamps ({@link org.topoomni.stimuli.visual.VisualGenerator#withPhotos}).
     */
    public static Families standard(boolean photos) {
        Families f = new Families();
        // One line per family.
        if (photos) {
            f.register("visual", () -> new org.topoomni.stimuli.visual.VisualGenerator()
                    .withPhotos(org.topoomni.stimuli.visual.VisualGenerator.DEFAULT_PHOTO_ROOT));
        } else {
            f.register("visual", org.topoomni.stimuli.visual.VisualGenerator::new);
        }
        f.register("retinotopy", org.topoomni.stimuli.visual.RetinotopyGenerator::new);
        f.register("auditory", org.topoomni.stimuli.auditory.AuditoryGenerator::new);
        f.register("tonotopy", org.topoomni.stimuli.auditory.ToneGenerator::new);
        f.register("text", TextGenerator::new);
        return f;
    }

    /** Registers a base family (not "audiovisual" or "pool", which are composed). */
    public synchronized Families register(String family, Supplier<? extends StimulusGenerator> generator) {
        if (family == null || family.isBlank() || generator == null) throw new IllegalArgumentException("family name and generator are required");
        if (family.equals(AudiovisualGenerator.FAMILY) || family.equals(ScreeningPool.FAMILY)) {
            throw new IllegalArgumentException("family '" + family + "' is composed from visual and auditory; register those");
        }
        suppliers.put(family, generator);
        made.remove(family);
        return this;
    }

    /** Families that can be generated, in {@link #ORDER} (then any others in registration order). */
    public synchronized List<String> available() {
        List<String> out = new ArrayList<>();
        for (String f : ORDER) if (isAvailable(f)) out.add(f);
        for (String f : suppliers.keySet()) if (!out.contains(f)) out.add(f);
        return out;
    }

    public synchronized boolean isAvailable(String family) {
        if (family.equals(AudiovisualGenerator.FAMILY)) return suppliers.containsKey("visual") && suppliers.containsKey("auditory");
        if (family.equals(ScreeningPool.FAMILY)) return suppliers.containsKey("visual") || suppliers.containsKey("auditory");
        return suppliers.containsKey(family);
    }

    /** The generator of a base family or of "audiovisual". */
    public synchronized StimulusGenerator generator(String family) {
        if (family.equals(ScreeningPool.FAMILY)) throw new IllegalArgumentException("'pool' is not a generator; use pool()");
        StimulusGenerator g = made.get(family);
        if (g != null) return g;
        if (!isAvailable(family)) throw notAvailable(family);
        if (family.equals(AudiovisualGenerator.FAMILY)) {
            g = new AudiovisualGenerator(generator("visual"), generator("auditory"));
        } else {
            g = suppliers.get(family).get();
            if (!family.equals(g.family())) {
                throw new IllegalStateException("the generator registered as '" + family + "' says its family is '" + g.family() + "'");
            }
        }
        made.put(family, g);
        return g;
    }

    /** The screening pool over the visual and auditory families that are registered. */
    public synchronized ScreeningPool pool() {
        if (!isAvailable(ScreeningPool.FAMILY)) throw notAvailable(ScreeningPool.FAMILY);
        List<StimulusGenerator> gens = new ArrayList<>();
        for (String f : List.of("visual", "auditory")) if (suppliers.containsKey(f)) gens.add(generator(f));
        return new ScreeningPool(gens);
    }

    IllegalArgumentException notAvailable(String family) {
        if (!ORDER.contains(family) && !suppliers.containsKey(family)) {
            return new IllegalArgumentException("unknown stimulus family '" + family + "'; known: " + String.join(", ", ORDER));
        }
        String why = family.equals(AudiovisualGenerator.FAMILY) ? " (it needs both 'visual' and 'auditory')"
                : family.equals(ScreeningPool.FAMILY) ? " (it needs 'visual' or 'auditory')" : "";
        return new IllegalArgumentException("stimulus family '" + family + "' is not available in this build" + why
                + "; available: " + String.join(", ", available()));
    }
}

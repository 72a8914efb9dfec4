package org.topoomni.task;

import org.topoomni.stimuli.Seeds;
import org.topoomni.stimuli.StimulusSet;

/**
 * The held-out split rule of every training on a stimulus library: a seeded hash of an item's
 * family, category and source (its source file, e.g. the clip-art drawing, if it has one, else
 * its id) is compared with the fraction, so all pictures made from one source file fall on the
 * same side and no held-out picture shares a drawing with a training one.
 */
public final class HeldOut {
    /** Fraction of each category held out. */
    public static final double FRACTION = 0.2;

    private HeldOut() {}

    /** Whether training with {@code seed} holds {@code item} of {@code family} out. */
    public static boolean isHeldOut(String family, StimulusSet.Item item, double fraction, long seed) {
        return isHeldOut(family, item.category(), item.id(), item.attributes(), fraction, seed);
    }

    /** The same rule for an item given by its category, id and attributes (its {@code source_file}, if any). */
    public static boolean isHeldOut(String family, String category, String id, java.util.Map<String, String> attributes, double fraction, long seed) {
        String source = attributes.getOrDefault("source_file", id);
        return unit(Seeds.derive(seed, family + "/" + category + "/" + source)) < fraction;
    }

    /** A hash as a number in [0, 1). */
    static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }
}

package org.topoomni.stimuli;

import java.nio.charset.StandardCharsets;

/** Seeds derived from a run seed, one per component and item, so that work can run in any order. */
public final class Seeds {
    private Seeds() {}

    /** SplitMix64 finaliser. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A seed for a named component of a run (e.g. "visual", "pool"). */
    public static long derive(long seed, String name) {
        long h = seed;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) h = mix(h + 0x9e3779b97f4a7c15L + b);
        return mix(h);
    }

    /** The seed of one item: exemplar {@code index} of {@code category} in {@code family}. */
    public static long item(long seed, String family, String category, int index) {
        return mix(derive(derive(seed, family), category) + index * 0x9e3779b97f4a7c15L);
    }
}

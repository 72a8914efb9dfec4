package org.topoomni.stimuli;

/**
 * Where a stimulus came from: a generator and the seed it was made with, or a file it was loaded
 * from (then {@code generator} is "file" and {@code seed} is 0).
 */
public record Provenance(String generator, long seed, String source) {
    public static Provenance generated(String generator, long seed) {
        return new Provenance(generator, seed, null);
    }

    public static Provenance file(String path) {
        return new Provenance("file", 0L, path);
    }
}

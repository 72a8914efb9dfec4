package org.topoomni.cli;

import org.topoomni.stimuli.Families;
import org.topoomni.stimuli.Progress;
import org.topoomni.stimuli.StimulusLibrary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;

/** Default locations and the default stimulus library, made on first use. */
final class Defaults {
    private Defaults() {}

    /** The project's cache folder ({@code TOPO_OMNI_HOME/.cache}, or ./.cache). */
    static Path cache() {
        String home = System.getenv("TOPO_OMNI_HOME");
        return (home == null ? Path.of(".") : Path.of(home)).resolve(".cache").toAbsolutePath().normalize();
    }

    /**
     * Whether the generated libraries mix photographic exemplars into the visual family (and so
     * into the audiovisual family and the screening pool): the pretrained vision tower of the
     * embedded default was trained on photographs (docs/PRETRAINED.md).
     */
    static final boolean PHOTOS = true;

    /** The families the default libraries are generated from. */
    static Families families() {
        return Families.standard(PHOTOS);
    }

    /** Where the demo keeps the base model its recipe builds for a seed and scale (reused by every later run). */
    static Path baseModel(org.topoomni.model.BasePretraining recipe, long seed, org.topoomni.model.BasePretraining.Scale scale) {
        DemoCommand.Sizes sizes = DemoCommand.Sizes.of(scale);
        return cache().resolve("models").resolve(recipe.cacheKey(seed, sizes.perCategory(), sizes.extra(), scale));
    }

    /** The help text of a command's optional --model. */
    static final String MODEL_DEFAULT = "default: the embedded default, " + org.topoomni.registry.Backbones.EMBEDDED_DEFAULT
            + ", as `demo` built it";

    /**
     * The model a command runs on when no --model is given: the embedded default's base model as
     * the full demo builds it (seed 0), or a clear error when it is not built yet.
     */
    static Path embeddedModel() {
        org.topoomni.model.BasePretraining recipe = org.topoomni.registry.Backbones.pretraining(org.topoomni.registry.Backbones.EMBEDDED_DEFAULT);
        Path dir = baseModel(recipe, 0, org.topoomni.model.BasePretraining.Scale.FULL);
        if (!recipe.isDone(dir)) {
            throw new IllegalArgumentException("no --model given, and the embedded default (" + recipe.architecture() + ") is not built yet: "
                    + "./topo-omni demo builds it (its stage 2, kept in " + dir + "), or ./topo-omni pretrain --out DIR makes one to give as --model DIR");
        }
        return dir;
    }

    /** The stimulus library of a seed and size, generated if it is missing or incomplete. */
    static Path library(long seed, int perCategory) {
        Path dir = libraryPath(seed, perCategory);
        Families fam = families();
        new StimulusLibrary(fam).createdBy("topo-omni " + Versions.VERSION)
                .generate(dir, seed, perCategory, new LinkedHashSet<>(fam.available()), Progress.console(System.err));
        return dir;
    }

    static Path libraryPath(long seed, int perCategory) {
        return cache().resolve("stimuli").resolve("seed-" + seed + "-n" + perCategory + suffix());
    }

    /** Whether every family of the default library of a seed and size has been written. */
    static boolean libraryDone(long seed, int perCategory) {
        Path dir = libraryPath(seed, perCategory);
        return families().available().stream().allMatch(f -> Files.isRegularFile(dir.resolve(f).resolve("manifest.json")));
    }

    /**
     * Extra exemplars for pretraining (visual and auditory families only, another seed), so the
     * small model sees many more pictures and sounds than the localizers need.
     */
    static Path pretrainingExtras(long seed, int perCategory) {
        return extras("pretrain", seed, 1_000_003L, perCategory, "visual", "auditory");
    }

    /**
     * A second set of auditory and text localizer stimuli (another seed, never used in
     * pretraining), pooled with the library's by {@code localize --more-stimuli}: with 64 clips per
     * condition no unit passes q &lt; 0.001 for speech vs quilted speech on the 48 x 64 sheet of the tinyomni baseline; with
     * 128 a speech region appears (docs/TINYOMNI.md).
     */
    static Path localizerExtras(long seed, int perCategory) {
        return extras("localizer", seed, 2_000_003L, perCategory, "auditory", "text");
    }

    /** {@code .cache/stimuli/<use>-seed-S-nN}: the given families, generated (or resumed) with seed S + offset. */
    private static Path extras(String use, long seed, long seedOffset, int perCategory, String... families) {
        Path dir = cache().resolve("stimuli").resolve(use + "-seed-" + seed + "-n" + perCategory + suffix());
        new StimulusLibrary(families()).createdBy("topo-omni " + Versions.VERSION)
                .generate(dir, seed + seedOffset, perCategory, new LinkedHashSet<>(java.util.List.of(families)), Progress.console(System.err));
        return dir;
    }

    /** Folder-name suffix of libraries with photographs, so they never share a folder with one made without. */
    private static String suffix() {
        return PHOTOS ? "-photos" : "";
    }

    static boolean exists(Path p) {
        return Files.exists(p);
    }
}

package org.topoomni.backbones.pretrained;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the pretrained networks' files are. Nothing is downloaded at run time: {@code ./setup}
 * fetches the npm package {@code @vladmandic/human} 3.3.6 with {@code npm pack}, checks its
 * sha256 and unpacks the models used here into {@code .cache/npm/human-3.3.6/} of the project
 * (TOPO_OMNI_HOME, or the working folder). MiniLM comes in a Maven jar on the class path
 * ({@link OnnxModel#minilmFromClassPath}).
 */
public final class PretrainedFiles {
    /** The npm package and version whose models are used. */
    public static final String NPM_PACKAGE = "@vladmandic/human", NPM_VERSION = "3.3.6";

    private PretrainedFiles() {}

    /** The project folder: TOPO_OMNI_HOME, else the working folder. */
    public static Path home() {
        String home = System.getenv("TOPO_OMNI_HOME");
        return (home == null ? Path.of(".") : Path.of(home)).toAbsolutePath().normalize();
    }

    /** The folder the npm package's files are unpacked into. */
    public static Path humanModels() {
        return home().resolve(".cache/npm/human-" + NPM_VERSION + "/models");
    }

    /** {@code centernet.json} of {@code @vladmandic/human} (its .bin lies beside it). */
    public static Path centernet() throws IOException {
        return require(humanModels().resolve("centernet.json"));
    }

    /** The file, or an error that says how to get it. */
    static Path require(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is missing: run ./setup (it fetches npm " + NPM_PACKAGE + "@" + NPM_VERSION + " and unpacks its models)");
        }
        return file;
    }
}

package org.topoomni.model;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model as the mapping tools see it: a backbone, with cortical adaptors if it was trained
 * topographically. A folder is either a backbone checkpoint ({@link Checkpoint}) or a trained
 * adaptor run: {@code adaptors.safetensors} + {@code cortical.json} naming its base checkpoint.
 */
public final class CorticalModel implements AutoCloseable {
    public static final String ADAPTORS = "adaptors.safetensors", META = "cortical.json";

    private final Backbone backbone;
    private final CorticalAdaptors adaptors;
    private final String name;

    public CorticalModel(Backbone backbone, CorticalAdaptors adaptors, String name) {
        this.backbone = backbone;
        this.adaptors = adaptors;
        this.name = name;
    }

    public Backbone backbone() { return backbone; }

    /** The adaptors, or null for a plain backbone. */
    public CorticalAdaptors adaptors() { return adaptors; }

    public String name() { return name; }

    /** The hook that runs the adaptors (if any) with {@code tap} on each layer's cortical units. */
    public LayerHook hook(CorticalTap tap) {
        return adaptors == null ? tap.asHook() : adaptors.hook(tap);
    }

    public static boolean isAdaptorRun(Path dir) {
        return Files.isRegularFile(dir.resolve(ADAPTORS)) && Files.isRegularFile(dir.resolve(META));
    }

    /** The base checkpoint an adaptor run was trained on. */
    public static Path basePath(Path dir) throws IOException {
        JsonNode meta = new ObjectMapper().readTree(dir.resolve(META).toFile());
        String base = meta.path("base").asText(null);
        if (base == null) throw new IOException(dir.resolve(META) + " does not name its base checkpoint");
        Path p = Path.of(base);
        return p.isAbsolute() ? p : dir.resolve(p).normalize();
    }

    public static CorticalModel load(NDManager manager, Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException("model folder not found: " + dir);
        if (isAdaptorRun(dir)) {
            Path base = basePath(dir);
            TinyOmni bb = Checkpoint.load(manager, base);
            CorticalAdaptors ad = new CorticalAdaptors(manager, bb.stacks(), 0);
            try {
                ad.load(dir.resolve(ADAPTORS));
            } catch (IOException | RuntimeException e) {
                ad.close();
                bb.close();
                throw e;
            }
            return new CorticalModel(bb, ad, dir.getFileName().toString());
        }
        return new CorticalModel(Checkpoint.load(manager, dir), null, dir.getFileName().toString());
    }

    @Override
    public void close() {
        if (adaptors != null) adaptors.close();
        backbone.close();
    }
}

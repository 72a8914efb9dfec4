package org.topoomni.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.topoomni.sheet.SheetLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model as the mapping tools see it: a backbone, with cortical adaptors if it was trained
 * topographically, and the sheet its units lie on. A topographic model's folder (a {@code train}
 * output) holds {@code adaptors.safetensors}, {@code cortical.json} naming its base model
 * folder, and {@code layout.json}, the sheet it was trained on; {@code registry.Models} opens
 * either kind of folder.
 */
public final class CorticalModel implements AutoCloseable {
    public static final String ADAPTORS = "adaptors.safetensors", META = "cortical.json", LAYOUT = "layout.json";

    private final Backbone backbone;
    private final CorticalAdaptors adaptors;
    private final String name;
    private final SheetLayout sheet;

    /** A model on its backbone's own sheet. */
    public CorticalModel(Backbone backbone, CorticalAdaptors adaptors, String name) {
        this(backbone, adaptors, name, backbone.sheet());
    }

    /** A model on a given sheet (the one saved with a trained model); it must hold the backbone's layers exactly. */
    public CorticalModel(Backbone backbone, CorticalAdaptors adaptors, String name, SheetLayout sheet) {
        if (!sheet.stacks().equals(backbone.stacks())) {
            throw new IllegalArgumentException("the sheet " + sheet + " does not hold the layers of the " + backbone.architecture()
                    + " backbone (" + backbone.stacks() + ")");
        }
        this.backbone = backbone;
        this.adaptors = adaptors;
        this.name = name;
        this.sheet = sheet;
    }

    public Backbone backbone() { return backbone; }

    /** The adaptors, or null for a plain backbone. */
    public CorticalAdaptors adaptors() { return adaptors; }

    public String name() { return name; }

    /** The sheet the model's units lie on. */
    public SheetLayout sheet() { return sheet; }

    /** The hook that runs the adaptors (if any) with {@code tap} on each layer's cortical units. */
    public LayerHook hook(CorticalTap tap) {
        return adaptors == null ? tap.asHook() : adaptors.hook(tap);
    }

    /** Whether a folder is a topographic model (a {@code train} output). */
    public static boolean isAdaptorRun(Path dir) {
        return Files.isRegularFile(dir.resolve(ADAPTORS)) && Files.isRegularFile(dir.resolve(META));
    }

    /** The base model folder an adaptor run was trained on. */
    public static Path basePath(Path dir) throws IOException {
        JsonNode meta = org.topoomni.io.Json.mapper().readTree(dir.resolve(META).toFile());
        String base = meta.path("base").asText(null);
        if (base == null) throw new IOException(dir.resolve(META) + " does not name its base model");
        Path p = Path.of(base);
        return p.isAbsolute() ? p : dir.resolve(p).normalize();
    }

    @Override
    public void close() {
        if (adaptors != null) adaptors.close();
        backbone.close();
    }
}

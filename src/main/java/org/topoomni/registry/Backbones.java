package org.topoomni.registry;

import org.topoomni.backbones.pretrained.PretrainedOmniFactory;
import org.topoomni.backbones.tinyomni.TinyOmniFactory;
import org.topoomni.model.Backbone;
import org.topoomni.model.BackboneFactory;
import org.topoomni.sheet.LayerStack;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The architectures this program can open, and the one place that knows them. A model folder
 * names its architecture in {@code config.json} (TinyOmni's {@code "architecture"}, Hugging
 * Face's {@code "architectures"} / {@code "model_type"}); {@link #load} opens it with the
 * architecture's own package. Adding an architecture is one new backbone package with a
 * {@link BackboneFactory} and one line in {@link #FACTORIES}.
 */
public final class Backbones {
    public static final String CONFIG = "config.json";

    private static final List<BackboneFactory> FACTORIES = new ArrayList<>(List.of(
            new PretrainedOmniFactory(),
            new TinyOmniFactory(),
            new org.topoomni.backbones.qwen.QwenOmniFactory()));

    private Backbones() {}

    /** The architecture of the embedded default: what the demo builds and every command uses when no model is given. */
    public static final String EMBEDDED_DEFAULT = "pretrained-omni";

    /** The factory of a registered architecture, by id. */
    public static BackboneFactory factory(String id) {
        for (BackboneFactory f : FACTORIES) if (f.id().equals(id)) return f;
        throw new IllegalArgumentException("unknown architecture '" + id + "'; supported: " + supported());
    }

    /** How the embedded default (or another architecture we build ourselves) is made here. */
    public static org.topoomni.model.BasePretraining pretraining(String id) {
        org.topoomni.model.BasePretraining p = factory(id).pretraining();
        if (p == null) throw new IllegalArgumentException("the " + id + " architecture is not built here; give a model folder of it");
        return p;
    }

    /** The registered architectures. */
    public static List<BackboneFactory> factories() {
        return List.copyOf(FACTORIES);
    }

    /** Registers one more architecture (e.g. a lab's own, or a test's); later registrations are asked first. */
    public static synchronized void register(BackboneFactory factory) {
        FACTORIES.removeIf(f -> f.id().equals(factory.id()));
        FACTORIES.add(0, factory);
    }

    /** The ids of the registered architectures. */
    public static List<String> supported() {
        return FACTORIES.stream().map(BackboneFactory::id).toList();
    }

    /** The factory of the architecture a folder's config names; a clear error listing the supported ones otherwise. */
    public static BackboneFactory factoryFor(Path folder) throws IOException {
        JsonNode config = config(folder);
        for (BackboneFactory f : FACTORIES) if (f.accepts(config)) return f;
        StringBuilder sb = new StringBuilder();
        for (BackboneFactory f : FACTORIES) sb.append("\n  ").append(f.id()).append(": ").append(f.description());
        String named = config.has("architectures") ? config.get("architectures").toString()
                : config.has("architecture") ? config.get("architecture").asText()
                : config.has("model_type") ? config.get("model_type").asText() : "no architecture";
        throw new IllegalArgumentException(folder.resolve(CONFIG) + " names " + named + ", which this program cannot open. Supported:" + sb);
    }

    /** Opens the backbone of a model folder, frozen. */
    public static Backbone load(NDManager manager, Path folder) throws IOException {
        return factoryFor(folder).open(manager, folder);
    }

    /** The stacks of a model folder's backbone, from its config alone. */
    public static List<LayerStack> stacks(Path folder) throws IOException {
        return factoryFor(folder).stacks(folder);
    }

    /** A folder's {@code config.json}, read; clear errors for a missing folder or file and for invalid JSON. */
    public static JsonNode config(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) throw new IOException("model folder not found: " + folder);
        Path f = folder.resolve(CONFIG);
        if (!Files.isRegularFile(f)) {
            throw new IOException(folder + " is not a model folder: " + CONFIG + " is missing (a base model folder has one; "
                    + "a topographic model is a train output with adaptors.safetensors and cortical.json)");
        }
        try {
            return org.topoomni.io.Json.mapper().readTree(f.toFile());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(f + " is not valid JSON: " + e.getOriginalMessage());
        }
    }
}

package org.topoomni.backbones.tinyomni;

import org.topoomni.io.AtomicFiles;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A TinyOmni checkpoint folder: {@code model.safetensors} (weights), {@code config.json}
 * (sizes, and {@code "architecture": "tinyomni"} for the registry), {@code tokenizer.json} (BPE
 * merges). Every file is written atomically, the config last, so a folder with a config is
 * complete.
 */
public final class Checkpoint {
    public static final String WEIGHTS = "model.safetensors", CONFIG = "config.json", TOKENIZER = "tokenizer.json";

    private Checkpoint() {}

    public static void save(Path dir, TinyOmni model, Map<String, String> metadata) throws IOException {
        Files.createDirectories(dir);
        model.weights().save(dir.resolve(WEIGHTS), metadata);
        ObjectMapper om = org.topoomni.io.Json.mapper();
        AtomicFiles.writeString(dir.resolve(TOKENIZER), om.writeValueAsString(model.tokenizer().toJson()));
        com.fasterxml.jackson.databind.node.ObjectNode cfg = om.createObjectNode().put("architecture", TinyOmni.ARCHITECTURE);
        cfg.setAll((com.fasterxml.jackson.databind.node.ObjectNode) om.readTree(model.config().toJson()));
        AtomicFiles.writeString(dir.resolve(CONFIG), om.writeValueAsString(cfg));
    }

    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(CONFIG)) && Files.isRegularFile(dir.resolve(WEIGHTS))
                && Files.isRegularFile(dir.resolve(TOKENIZER));
    }

    /** Loads a checkpoint; a missing file or a tensor whose shape differs from the config is a clear error. */
    public static TinyOmni load(NDManager manager, Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException("model folder not found: " + dir);
        for (String f : new String[] {CONFIG, TOKENIZER, WEIGHTS}) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new IOException(dir + " is not a TinyOmni checkpoint: " + f + " is missing (run ./topo-omni pretrain --out " + dir + ")");
            }
        }
        OmniConfig cfg = OmniConfig.read(dir.resolve(CONFIG));
        Tokenizer tok;
        try {
            tok = Tokenizer.fromJson(org.topoomni.io.Json.mapper().readTree(dir.resolve(TOKENIZER).toFile()));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(dir.resolve(TOKENIZER) + " is not valid JSON: " + e.getOriginalMessage());
        }
        TinyOmni model = new TinyOmni(manager, cfg, tok, 0);
        try {
            model.weights().load(dir.resolve(WEIGHTS));
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
        return model;
    }

}

package org.topoomni.backbones.pretrained;

import org.topoomni.io.Json;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.topoomni.io.AtomicFiles;
import org.topoomni.sheet.LayerStack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A pretrained-omni model folder: {@code config.json} (the trained parts' sizes, the towers'
 * site widths, and the towers the model was built on, {@link Towers}), {@code vocabulary.json}
 * (the thinker's word pieces, {@link ThinkerVocabulary}) and {@code model.safetensors} (the
 * parameters trained here; the towers' weights stay in their own files). Every file is written
 * atomically, the config last, so a folder with a config is complete.
 */
public final class PretrainedOmniCheckpoint {
    public static final String CONFIG = "config.json", WEIGHTS = "model.safetensors", VOCABULARY = "vocabulary.json";
    static final String TOWERS = "towers", VISION_WIDTHS = "vision_tower_widths", TEXT_LAYERS = "text_tower_layers";

    private PretrainedOmniCheckpoint() {}

    public static void save(Path dir, PretrainedOmni model, Map<String, String> metadata) throws IOException {
        Files.createDirectories(dir);
        model.weights().save(dir.resolve(WEIGHTS), metadata);
        ObjectMapper om = Json.mapper();
        AtomicFiles.writeString(dir.resolve(VOCABULARY), om.writeValueAsString(model.vocabulary().toJson()));
        ObjectNode cfg = om.createObjectNode().put("architecture", PretrainedOmni.ARCHITECTURE);
        cfg.setAll(model.config().toJson());
        ArrayNode widths = cfg.putArray(VISION_WIDTHS);
        for (int x : model.cnn().widths()) widths.add(x);
        cfg.put(TEXT_LAYERS, model.text().layers());
        cfg.set(TOWERS, model.towers().toJson());
        AtomicFiles.writeString(dir.resolve(CONFIG), om.writeValueAsString(cfg));
    }

    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(CONFIG)) && Files.isRegularFile(dir.resolve(WEIGHTS)) && Files.isRegularFile(dir.resolve(VOCABULARY));
    }

    /** The sizes in a folder's config. */
    public static PretrainedOmniConfig config(Path dir) throws IOException {
        return PretrainedOmniConfig.fromJson(sizes(read(dir.resolve(CONFIG))), dir.resolve(CONFIG).toString());
    }

    /** The stacks of a folder's model, from its config alone. */
    public static List<LayerStack> stacks(Path dir) throws IOException {
        ObjectNode n = read(dir.resolve(CONFIG));
        return PretrainedOmni.stacksOf(PretrainedOmniConfig.fromJson(sizes(n), dir.resolve(CONFIG).toString()), visionWidths(n, dir), textLayers(n, dir));
    }

    /** Opens a model folder on the installed towers (the vision files where ./setup unpacks them). */
    public static PretrainedOmni load(NDManager manager, Path dir) throws IOException {
        return load(manager, dir, PretrainedFiles.humanModels());
    }

    /**
     * Opens a model folder with the vision tower's files from {@code visionFolder}. A missing
     * file, towers other than those the model was trained on, or tensors that differ from the
     * config are each one clear error.
     */
    public static PretrainedOmni load(NDManager manager, Path dir, Path visionFolder) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException("model folder not found: " + dir);
        for (String f : new String[] {CONFIG, VOCABULARY, WEIGHTS}) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new IOException(dir + " is not a pretrained-omni model: " + f + " is missing (run ./topo-omni pretrain --architecture "
                        + PretrainedOmni.ARCHITECTURE + " --out " + dir + ")");
            }
        }
        Path cfgFile = dir.resolve(CONFIG);
        ObjectNode n = read(cfgFile);
        PretrainedOmniConfig cfg = PretrainedOmniConfig.fromJson(sizes(n), cfgFile.toString());
        if (!n.has(TOWERS)) throw new IllegalArgumentException(cfgFile + " does not record the towers the model was built on ('" + TOWERS + "')");
        Towers saved = Towers.fromJson(n.get(TOWERS), cfgFile.toString(), visionFolder);
        saved.requireSame(Towers.installed(visionFolder), dir.toString());
        int[] widths = visionWidths(n, dir);
        MobileNetV3 cnn = MobileNetV3.load(manager, visionFolder.resolve(Towers.CENTERNET_JSON));
        MiniLm text = null;
        PretrainedOmni model = null;
        try {
            if (!Arrays.equals(cnn.widths(), widths)) {
                throw new IOException(cfgFile + " records vision tower widths " + Arrays.toString(widths) + ", the installed tower has " + Arrays.toString(cnn.widths()));
            }
            text = MiniLm.fromClassPath(manager);
            if (text.layers() != textLayers(n, dir)) throw new IOException(cfgFile + " records " + textLayers(n, dir) + " text tower layers, the installed MiniLM has " + text.layers());
            ThinkerVocabulary vocab = ThinkerVocabulary.fromJson(readJson(dir.resolve(VOCABULARY)), text, dir.resolve(VOCABULARY).toString());
            model = new PretrainedOmni(manager, cfg, cnn, text, vocab, saved, 0);
            model.weights().load(dir.resolve(WEIGHTS));
            return model;
        } catch (IOException | RuntimeException e) {
            if (model != null) model.close();
            else {
                cnn.close();
                if (text != null) text.close();
            }
            throw e;
        }
    }

    private static ObjectNode read(Path file) throws IOException {
        JsonNode n = readJson(file);
        if (!(n instanceof ObjectNode o)) throw new IllegalArgumentException(file + " is not a JSON object");
        JsonNode arch = o.get("architecture");
        if (arch != null && !arch.asText().equals(PretrainedOmni.ARCHITECTURE)) {
            throw new IllegalArgumentException(file + " is the config of a " + arch.asText() + " model, not " + PretrainedOmni.ARCHITECTURE + "'s");
        }
        return o;
    }

    private static JsonNode readJson(Path file) throws IOException {
        try {
            return Json.mapper().readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** The config without the fields that are not sizes. */
    private static JsonNode sizes(ObjectNode n) {
        ObjectNode s = n.deepCopy();
        s.remove(List.of("architecture", TOWERS, VISION_WIDTHS, TEXT_LAYERS));
        return s;
    }

    private static int[] visionWidths(ObjectNode n, Path dir) {
        JsonNode a = n.path(VISION_WIDTHS);
        if (!a.isArray() || a.size() != PretrainedOmniConfig.CNN_SITES) {
            throw new IllegalArgumentException(dir.resolve(CONFIG) + ": '" + VISION_WIDTHS + "' must list the " + PretrainedOmniConfig.CNN_SITES + " MobileNetV3 site widths");
        }
        int[] w = new int[a.size()];
        for (int i = 0; i < w.length; i++) w[i] = a.get(i).asInt();
        return w;
    }

    private static int textLayers(ObjectNode n, Path dir) {
        JsonNode t = n.path(TEXT_LAYERS);
        if (!t.canConvertToInt() || t.asInt() < 1) throw new IllegalArgumentException(dir.resolve(CONFIG) + ": '" + TEXT_LAYERS + "' must be the MiniLM's layer count");
        return t.asInt();
    }
}

package org.topoomni.backbones.qwen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A real Hugging Face tokenizer.json for the tiny golden model (which ships none): a WordLevel
 * model over whitespace-split words, the chat markers and placeholders as special added tokens
 * under the golden config's ids, and "\n" as an added token, so the golden prompt
 * ({@code <|im_start|>user\n ... <|im_start|>assistant\n}) tokenises to the golden ids.
 */
public final class TestTokenizers {
    private TestTokenizers() {}

    static final Map<String, Integer> SPECIALS = new LinkedHashMap<>();

    static {
        SPECIALS.put("<|endoftext|>", 180);
        SPECIALS.put("<|im_start|>", 181);
        SPECIALS.put("<|im_end|>", 182);
        SPECIALS.put("<|AUDIO|>", 183);
        SPECIALS.put("<|audio_bos|>", 184);
        SPECIALS.put("<|audio_eos|>", 185);
        SPECIALS.put("<|vision_bos|>", 189);
        SPECIALS.put("<|vision_eos|>", 190);
        SPECIALS.put("<|vision_pad|>", 191);
        SPECIALS.put("<|IMAGE|>", 192);
        SPECIALS.put("<|VIDEO|>", 193);
    }

    /** Writes the tokenizer to {@code file}: words w0..w179 have ids 0..179, except "user" 87, "assistant" 77, "system" 78. */
    static Path write(Path file) throws IOException {
        ObjectMapper om = new ObjectMapper();
        ObjectNode root = om.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        for (Map.Entry<String, Integer> e : SPECIALS.entrySet()) addedToken(added, e.getValue(), e.getKey(), true);
        addedToken(added, 19, "\n", false);
        root.putNull("normalizer");
        root.putObject("pre_tokenizer").put("type", "WhitespaceSplit");
        root.putNull("post_processor");
        ObjectNode dec = root.putObject("decoder");
        dec.put("type", "WordPiece");
        dec.put("prefix", "##");
        dec.put("cleanup", false);
        ObjectNode model = root.putObject("model");
        model.put("type", "WordLevel");
        ObjectNode vocab = model.putObject("vocab");
        for (int i = 0; i < 180; i++) {
            String word = switch (i) {
                case 87 -> "user";
                case 77 -> "assistant";
                case 78 -> "system";
                case 19 -> "\n";
                case 0 -> "<unk>";
                default -> "w" + i;
            };
            vocab.put(word, i);
        }
        for (Map.Entry<String, Integer> e : SPECIALS.entrySet()) vocab.put(e.getKey(), e.getValue());
        model.put("unk_token", "<unk>");
        Files.createDirectories(file.toAbsolutePath().getParent());
        om.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
        return file;
    }

    private static void addedToken(ArrayNode added, int id, String content, boolean special) {
        ObjectNode t = added.addObject();
        t.put("id", id);
        t.put("content", content);
        t.put("single_word", false);
        t.put("lstrip", false);
        t.put("rstrip", false);
        t.put("normalized", false);
        t.put("special", special);
    }

    /** A model folder: the golden config and weights (copied, 0.6 MB) and this tokenizer. */
    public static Path goldenModelFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path g = QwenGolden.folder().toAbsolutePath();
        Files.copy(g.resolve("config.json"), dir.resolve("config.json"));
        Files.copy(g.resolve("model.safetensors"), dir.resolve("model.safetensors"));
        write(dir.resolve("tokenizer.json"));
        return dir;
    }
}

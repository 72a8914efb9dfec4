package org.topoomni.backbones.qwen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sizes and token ids of a Qwen2.5-Omni Thinker, read from a Hugging Face {@code config.json}.
 * The file is either a whole model's ({@code Qwen2_5OmniForConditionalGeneration}: the thinker's
 * part under {@code thinker_config}) or a thinker's alone ({@code vision_config},
 * {@code audio_config} and {@code text_config} at the top). Missing fields take transformers'
 * defaults for this model.
 */
public record QwenConfig(Vision vision, Audio audio, Text text, Tokens tokens,
                         int positionIdPerSeconds, double secondsPerChunk) {

    public static final List<String> ARCHITECTURES = List.of("Qwen2_5OmniForConditionalGeneration", "Qwen2_5OmniThinkerForConditionalGeneration");
    public static final List<String> MODEL_TYPES = List.of("qwen2_5_omni", "qwen2_5_omni_thinker");

    /** The vision encoder: patch embedding, {@code depth} blocks, the 2 x 2 patch merger. */
    public record Vision(int depth, int hidden, int heads, int intermediate, String act, int inChannels, int patch,
                         int temporalPatch, int merge, int windowSize, int[] fullAttentionBlocks, int outHidden) {
        public int headDim() { return hidden / heads; }

        /** Flattened length of one patch: channels x temporal patch x patch x patch (1176 for 3 x 2 x 14 x 14). */
        public int patchValues() { return inChannels * temporalPatch * patch * patch; }

        /** Merged tokens per side of a window (112 px / 14 px / 2 = 4). */
        public int windowMerged() { return windowSize / merge / patch; }

        public boolean fullAttention(int block) {
            for (int b : fullAttentionBlocks) if (b == block) return true;
            return false;
        }
    }

    /** The audio encoder: two convolutions, {@code layers} pre-LN transformer layers, pooling, projection. */
    public record Audio(int melBins, int layers, int dModel, int heads, int ffn, String act, int nWindow,
                        int maxSourcePositions, int outputDim, boolean scaleEmbedding) {
        public int headDim() { return dModel / heads; }

        /** Frames after the convolutions for {@code melFrames} input frames. */
        public static int afterCnn(int melFrames) { return Math.floorDiv(melFrames - 1, 2) + 1; }

        /** Audio tokens (after pooling) for {@code melFrames} input frames, as the processor counts them. */
        public static int tokens(int melFrames) { return Math.floorDiv(afterCnn(melFrames) - 2, 2) + 1; }
    }

    /** The Qwen2 decoder and its head. */
    public record Text(int vocab, int hidden, int layers, int heads, int kvHeads, int headDim, int intermediate, String act,
                       double rmsEps, double ropeTheta, int[] mropeSection, boolean tieEmbeddings) {}

    /** Special-token ids of the thinker (vision/audio placeholders and markers, chat markers). */
    public record Tokens(int image, int video, int audio, int visionStart, int visionEnd, int audioStart, int audioEnd,
                         int pad, int bos, int eos, int user) {}

    public static QwenConfig read(Path configJson) throws IOException {
        if (!Files.isRegularFile(configJson)) throw new IOException("model config not found: " + configJson);
        JsonNode root;
        try {
            root = org.topoomni.io.Json.mapper().readTree(configJson.toFile());
        } catch (IOException e) {
            throw new IOException(configJson + " is not valid JSON: " + e.getMessage());
        }
        try {
            return parse(root);
        } catch (IllegalArgumentException e) {
            throw new IOException(configJson + ": " + e.getMessage());
        }
    }

    /** True if a config names a Qwen2.5-Omni (or its thinker) by architecture or model type. */
    public static boolean accepts(JsonNode config) {
        if (config == null) return false;
        for (JsonNode a : config.path("architectures")) if (ARCHITECTURES.contains(a.asText())) return true;
        return MODEL_TYPES.contains(config.path("model_type").asText());
    }

    public static QwenConfig parse(JsonNode root) {
        JsonNode th = root.has("thinker_config") ? root.get("thinker_config") : root;
        JsonNode v = th.path("vision_config"), a = th.path("audio_config");
        JsonNode t = th.has("text_config") ? th.get("text_config") : th;
        if (v.isMissingNode() || a.isMissingNode()) throw new IllegalArgumentException("no vision_config / audio_config: not a Qwen2.5-Omni thinker config");

        int vHidden = integer(v, "hidden_size", 1280);
        Vision vision = new Vision(integer(v, "depth", 32), vHidden, integer(v, "num_heads", 16), integer(v, "intermediate_size", 3420),
                v.path("hidden_act").asText("silu"), integer(v, "in_channels", integer(v, "in_chans", 3)), integer(v, "patch_size", 14),
                integer(v, "temporal_patch_size", 2), integer(v, "spatial_merge_size", 2), integer(v, "window_size", 112),
                ints(v.path("fullatt_block_indexes"), new int[] {7, 15, 23, 31}), integer(v, "out_hidden_size", 3584));

        Audio audio = new Audio(integer(a, "num_mel_bins", 128), a.has("encoder_layers") ? a.get("encoder_layers").asInt() : integer(a, "num_hidden_layers", 32),
                integer(a, "d_model", 1280), integer(a, "encoder_attention_heads", 20), integer(a, "encoder_ffn_dim", 5120),
                a.path("activation_function").asText("gelu"), integer(a, "n_window", 100), integer(a, "max_source_positions", 1500),
                integer(a, "output_dim", 3584), a.path("scale_embedding").asBoolean(false));

        int hidden = integer(t, "hidden_size", 3584), heads = integer(t, "num_attention_heads", 28);
        JsonNode rope = t.has("rope_scaling") && t.get("rope_scaling").isObject() ? t.get("rope_scaling") : t.path("rope_parameters");
        double theta = t.has("rope_theta") ? t.get("rope_theta").asDouble() : rope.path("rope_theta").asDouble(1e6);
        int headDim = t.hasNonNull("head_dim") ? t.get("head_dim").asInt() : hidden / heads;
        int[] section = ints(rope.path("mrope_section"), new int[] {16, 24, 24});
        boolean tie = t.has("tie_word_embeddings") ? t.get("tie_word_embeddings").asBoolean() : th.path("tie_word_embeddings").asBoolean(false);
        Text text = new Text(integer(t, "vocab_size", 152064), hidden, integer(t, "num_hidden_layers", 28), heads,
                integer(t, "num_key_value_heads", 4), headDim, integer(t, "intermediate_size", 18944), t.path("hidden_act").asText("silu"),
                t.path("rms_norm_eps").asDouble(1e-6), theta, section, tie);

        Tokens tokens = new Tokens(integer(th, "image_token_index", 151655), integer(th, "video_token_index", 151656),
                integer(th, "audio_token_index", 151646), integer(th, "vision_start_token_id", 151652),
                integer(th, "vision_end_token_id", 151653), integer(th, "audio_start_token_id", 151647),
                integer(th, "audio_end_token_id", 151648), integer(th, "pad_token_id", 151643),
                integer(th, "bos_token_id", 151644), integer(th, "eos_token_id", 151645), integer(th, "user_token_id", 872));

        QwenConfig c = new QwenConfig(vision, audio, text, tokens, integer(th, "position_id_per_seconds", 25),
                th.path("seconds_per_chunk").asDouble(2));
        c.validate();
        return c;
    }

    private void validate() {
        List<String> bad = new ArrayList<>();
        if (vision.hidden % vision.heads != 0) bad.add("vision hidden_size " + vision.hidden + " is not a multiple of num_heads " + vision.heads);
        if (vision.headDim() % 4 != 0) bad.add("vision head size " + vision.headDim() + " is not a multiple of 4 (2-D rotary positions)");
        if (vision.windowMerged() < 1) bad.add("vision window_size " + vision.windowSize + " is smaller than one merged patch");
        if (audio.dModel % audio.heads != 0) bad.add("audio d_model " + audio.dModel + " is not a multiple of encoder_attention_heads " + audio.heads);
        if (audio.dModel % 2 != 0) bad.add("audio d_model must be even (sinusoidal positions)");
        if (text.heads % text.kvHeads != 0) bad.add("text num_attention_heads " + text.heads + " is not a multiple of num_key_value_heads " + text.kvHeads);
        int sum = 0;
        for (int s : text.mropeSection) sum += s;
        if (sum * 2 != text.headDim) bad.add("mrope_section " + java.util.Arrays.toString(text.mropeSection) + " sums to " + sum + ", not head_dim / 2 = " + text.headDim / 2);
        if (text.mropeSection.length != 3) bad.add("mrope_section needs 3 entries (t, h, w)");
        if (vision.outHidden != text.hidden) bad.add("vision out_hidden_size " + vision.outHidden + " differs from the text hidden_size " + text.hidden);
        if (audio.outputDim != text.hidden) bad.add("audio output_dim " + audio.outputDim + " differs from the text hidden_size " + text.hidden);
        if (!bad.isEmpty()) throw new IllegalArgumentException(String.join("; ", bad));
    }

    private static int integer(JsonNode n, String field, int dflt) {
        JsonNode x = n.get(field);
        return x == null || x.isNull() ? dflt : x.asInt();
    }

    private static int[] ints(JsonNode n, int[] dflt) {
        if (n == null || !n.isArray()) return dflt;
        int[] out = new int[n.size()];
        for (int i = 0; i < out.length; i++) out[i] = n.get(i).asInt();
        return out;
    }
}

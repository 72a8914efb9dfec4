package org.topoomni.backbones.pretrained;

import org.topoomni.io.Json;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.List;

/**
 * Sizes of the parts of {@link PretrainedOmni} that this program trains, around its two frozen
 * towers (whose sizes come from their own files). JSON, as in the model folder's
 * {@code config.json}.
 *
 * @param imageSize      side of the square RGB image the MobileNetV3 reads (a multiple of 32)
 * @param visionAdapter  units of the vision adapter, the trained last layer of the vision stack
 *                       (a per-position 1x1 projection of {@code extern1} + GELU)
 * @param summarySites   MobileNetV3 sites (0 stem .. 16 extern1) whose outputs, averaged over
 *                       positions, each become one more vision token: the thinker then sees
 *                       features of several scales, not only the last one
 * @param melBands       log-mel bands of the audio input
 * @param audioFrames    log-mel frames per sound (10 ms each)
 * @param audioPool      audio encoder positions averaged into one audio token
 * @param audio          the audio encoder (trained here)
 * @param thinker        the causal decoder that reads the projected tokens and answers
 * @param maxPositions   longest thinker sequence
 * @param ropeTheta      rotary base of the thinker
 */
public record PretrainedOmniConfig(
        @JsonProperty("image_size") int imageSize,
        @JsonProperty("vision_adapter") int visionAdapter,
        @JsonProperty("vision_summary_sites") List<Integer> summarySites,
        @JsonProperty("mel_bands") int melBands,
        @JsonProperty("audio_frames") int audioFrames,
        @JsonProperty("audio_pool") int audioPool,
        @JsonProperty("audio") Stack audio,
        @JsonProperty("thinker") Stack thinker,
        @JsonProperty("max_positions") int maxPositions,
        @JsonProperty("rope_theta") double ropeTheta) {

    /** One transformer stack: layers, width, attention heads, MLP hidden width. */
    public record Stack(@JsonProperty("layers") int layers, @JsonProperty("dim") int dim,
                        @JsonProperty("heads") int heads, @JsonProperty("mlp") int mlp) {
        void require(String name, boolean evenHeads) {
            if (layers < 1 || dim < 1 || heads < 1 || mlp < 1 || dim % heads != 0 || (evenHeads && (dim / heads) % 2 != 0)) {
                throw new IllegalArgumentException("config: '" + name + "' needs positive layers, dim, heads and mlp, dim divisible by heads"
                        + (evenHeads ? " into heads of even size" : "") + "; got " + this);
            }
        }
    }

    /** The MobileNetV3's output stride: its grid is image_size / 32 on a side. */
    public static final int CNN_STRIDE = 32;
    /** Sites of the MobileNetV3 (stem, 15 blocks, extern1). */
    public static final int CNN_SITES = 17;

    public PretrainedOmniConfig {
        if (imageSize < CNN_STRIDE || imageSize % CNN_STRIDE != 0) {
            throw new IllegalArgumentException("config: image_size must be a positive multiple of " + CNN_STRIDE + ", got " + imageSize);
        }
        if (visionAdapter < 1) throw new IllegalArgumentException("config: vision_adapter must be positive, got " + visionAdapter);
        summarySites = summarySites == null ? List.of() : List.copyOf(summarySites);
        for (int s : summarySites) {
            if (s < 0 || s >= CNN_SITES) throw new IllegalArgumentException("config: vision_summary_sites must lie in 0.." + (CNN_SITES - 1) + ", got " + s);
        }
        if (summarySites.stream().distinct().count() != summarySites.size()) throw new IllegalArgumentException("config: vision_summary_sites repeats a site: " + summarySites);
        if (melBands < 1 || audioFrames < 2 || audioFrames % 2 != 0 || audioPool < 1 || (audioFrames / 2) % audioPool != 0) {
            throw new IllegalArgumentException("config: audio_frames " + audioFrames + " must be even and audio_frames / 2 divisible by audio_pool " + audioPool);
        }
        if (audio == null || thinker == null) throw new IllegalArgumentException("config needs the 'audio' and 'thinker' stacks");
        audio.require("audio", false);
        thinker.require("thinker", true);
        if (maxPositions < 16) throw new IllegalArgumentException("config: max_positions must be at least 16, got " + maxPositions);
    }

    /** Positions of the MobileNetV3's last grid (extern1, the adapter) per image. */
    public int gridPositions() {
        int g = imageSize / CNN_STRIDE;
        return g * g;
    }

    /** Vision tokens the thinker reads per image: one per adapter position, one per summary site. */
    public int visionTokens() {
        return gridPositions() + summarySites.size();
    }

    /** Audio encoder positions per sound (after the stride-2 convolution). */
    public int audioPositions() {
        return audioFrames / 2;
    }

    /** Audio tokens the thinker reads per sound. */
    public int audioTokens() {
        return audioPositions() / audioPool;
    }

    /**
     * The default: 128 x 128 images (a 4 x 4 grid of extern1: 16 adapter tokens), the means of
     * blocks 7-15 and of extern1 as ten more vision tokens; 2 s of sound as 200 log-mel frames
     * of 64 bands, an audio encoder of 6 x 128 (TinyOmni's), pooled by 10 into 10 tokens; a
     * thinker of 5 layers x 256 (docs/MODEL.md has the measurements behind these sizes).
     */
    public static PretrainedOmniConfig defaults() {
        return new PretrainedOmniConfig(128, 600, List.of(7, 8, 9, 10, 11, 12, 13, 14, 15, 16), 64, 200, 10,
                new Stack(6, 128, 4, 256), new Stack(5, 256, 4, 512), 128, 10000);
    }

    /**
     * A config for tests with the real towers and small trained parts: 64 x 64 images (a 2 x 2
     * grid), two summary tokens, 0.4 s of sound, an audio encoder of 2 x 128 and a thinker of
     * 2 x 72, so that its sheet (66 x 72: vision 2,048, audio 256, text 2,304 side by side,
     * thinker 144 below) fills whole rows.
     */
    public static PretrainedOmniConfig testTiny() {
        return new PretrainedOmniConfig(64, 600, List.of(12, 16), 64, 40, 5,
                new Stack(2, 128, 2, 128), new Stack(2, 72, 2, 144), 96, 10000);
    }

    /** The project's JSON policy, refusing unknown keys: a config with a misspelt size fails instead of being ignored. */
    private static final ObjectMapper STRICT = Json.mapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static ObjectMapper mapper() {
        return STRICT;
    }

    /** The sizes as a JSON object. */
    public ObjectNode toJson() {
        return mapper().valueToTree(this);
    }

    /** Reads the sizes from a JSON object holding exactly these fields; a clear error otherwise. */
    public static PretrainedOmniConfig fromJson(JsonNode n, String where) {
        try {
            return mapper().treeToValue(n, PretrainedOmniConfig.class);
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            throw new IllegalArgumentException(where + ": " + c.getMessage());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(where + " is not a valid pretrained-omni config: " + e.getOriginalMessage());
        }
    }

    @Override
    public String toString() {
        try {
            return mapper().writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

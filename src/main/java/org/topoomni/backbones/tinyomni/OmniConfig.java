package org.topoomni.backbones.tinyomni;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Sizes of a TinyOmni network (JSON). Built like Qwen2.5-Omni's Thinker at small scale: a vision
 * encoder over image patches with a 2 x 2 patch merger, an audio encoder over log-mel frames with
 * convolutional downsampling and pooling, and a causal language model reading both in place.
 */
public record OmniConfig(
        @JsonProperty("image_size") int imageSize,
        @JsonProperty("patch_size") int patchSize,
        @JsonProperty("merge_size") int mergeSize,
        @JsonProperty("mel_bands") int melBands,
        @JsonProperty("audio_frames") int audioFrames,
        @JsonProperty("audio_pool") int audioPool,
        @JsonProperty("vision") StackConfig vision,
        @JsonProperty("audio") StackConfig audio,
        @JsonProperty("language") StackConfig language,
        @JsonProperty("vocab_size") int vocabSize,
        @JsonProperty("max_positions") int maxPositions,
        @JsonProperty("rope_theta") double ropeTheta) {

    /** One transformer stack: layers, width, attention heads, MLP hidden width. */
    public record StackConfig(@JsonProperty("layers") int layers, @JsonProperty("dim") int dim,
                              @JsonProperty("heads") int heads, @JsonProperty("mlp") int mlp) {
        void check(String name) {
            if (layers < 1 || dim < 1 || heads < 1 || mlp < 1) {
                throw new IllegalArgumentException("config: stack '" + name + "' needs positive layers, dim, heads and mlp, got " + this);
            }
            if (dim % heads != 0) throw new IllegalArgumentException("config: stack '" + name + "' dim " + dim + " is not divisible by " + heads + " heads");
            if ((dim / heads) % 2 != 0) throw new IllegalArgumentException("config: stack '" + name + "' head size " + dim / heads + " must be even");
        }
    }

    public OmniConfig {
        if (vision == null || audio == null || language == null) throw new IllegalArgumentException("config needs vision, audio and language stacks");
        vision.check("vision");
        audio.check("audio");
        language.check("language");
        if (imageSize <= 0 || patchSize <= 0 || imageSize % patchSize != 0) {
            throw new IllegalArgumentException("config: image_size " + imageSize + " must be a positive multiple of patch_size " + patchSize);
        }
        if (Integer.bitCount(patchSize) != 1 || patchSize < 2) {
            throw new IllegalArgumentException("config: patch_size " + patchSize + " must be a power of two (the patch embedding is a stack of stride-2 convolutions)");
        }
        if (mergeSize <= 0 || (imageSize / patchSize) % mergeSize != 0) {
            throw new IllegalArgumentException("config: the " + imageSize / patchSize + " x " + imageSize / patchSize + " patch grid must be divisible by merge_size " + mergeSize);
        }
        if (melBands <= 0 || audioFrames <= 0 || audioFrames % 2 != 0 || audioPool <= 0 || (audioFrames / 2) % audioPool != 0) {
            throw new IllegalArgumentException("config: audio_frames " + audioFrames + " must be even and audio_frames/2 divisible by audio_pool " + audioPool);
        }
        if (vocabSize <= Tokenizer.SPECIALS + 256) throw new IllegalArgumentException("config: vocab_size must exceed " + (Tokenizer.SPECIALS + 256));
        if (maxPositions < 8) throw new IllegalArgumentException("config: max_positions must be at least 8");
    }

    /** Image tokens the language model reads per image. */
    public int imageTokens() {
        int g = imageSize / patchSize / mergeSize;
        return g * g;
    }

    /** Patches the vision encoder sees per image. */
    public int patches() {
        int g = imageSize / patchSize;
        return g * g;
    }

    /** Audio encoder positions per clip (after the stride-2 convolution). */
    public int audioPositions() {
        return audioFrames / 2;
    }

    /** Audio tokens the language model reads per clip. */
    public int audioTokens() {
        return audioFrames / 2 / audioPool;
    }

    /** The default TinyOmni: sized to pretrain in minutes on two CPU cores. */
    public static OmniConfig tinyDefault() {
        return new OmniConfig(64, 16, 2, 64, 200, 5,
                new StackConfig(6, 128, 4, 256), new StackConfig(6, 128, 4, 256), new StackConfig(6, 256, 4, 512),
                1024, 256, 10000);
    }

    /** A very small config for tests: trains a step in milliseconds. */
    public static OmniConfig testTiny() {
        return new OmniConfig(32, 8, 2, 64, 40, 4,
                new StackConfig(2, 16, 2, 32), new StackConfig(2, 16, 2, 32), new StackConfig(2, 32, 2, 64),
                Tokenizer.SPECIALS + 256 + 40, 96, 10000);
    }

    private static ObjectMapper mapper() {
        return org.topoomni.io.Json.mapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES); // a config refuses unknown keys
    }

    /** Reads a config file; its {@code "architecture"} field (written by {@link Checkpoint#save}) must be TinyOmni's if present. */
    public static OmniConfig read(Path file) throws IOException {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode n = (com.fasterxml.jackson.databind.node.ObjectNode) mapper().readTree(file.toFile());
            com.fasterxml.jackson.databind.JsonNode arch = n.remove("architecture");
            if (arch != null && !arch.asText().equals(TinyOmni.ARCHITECTURE)) {
                throw new IllegalArgumentException(file + " is the config of a " + arch.asText() + " model, not TinyOmni's");
            }
            return mapper().treeToValue(n, OmniConfig.class);
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            throw new IllegalArgumentException(file + ": " + c.getMessage());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(file + " is not a valid TinyOmni config: " + e.getOriginalMessage());
        }
    }

    /** The sizes as JSON (without the architecture name; {@link Checkpoint#save} adds it). */
    public String toJson() {
        try {
            return mapper().writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.topoomni.backbones.qwen;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.topoomni.stimuli.Audio;
import org.topoomni.stimuli.Resampler;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * transformers' {@code Qwen2_5OmniProcessor} for one user turn: the image through the Qwen2-VL
 * image processor, the sound through the Whisper feature extractor (resampled to its rate
 * first), the chat template with {@code <|IMAGE|>} repeated once per merged image token and
 * {@code <|AUDIO|>} once per audio token, and the tokenizer. Settings come from the model folder's
 * {@code preprocessor_config.json} when it has one.
 */
final class QwenProcessor implements AutoCloseable {
    private final QwenConfig cfg;
    final QwenTokenizer tokenizer;
    final ImageProcessor images;
    final WhisperFeatures audio;
    private final String system;
    private final NDManager manager;

    QwenProcessor(NDManager parent, QwenConfig cfg, QwenTokenizer tokenizer, ImageProcessor images, WhisperFeatures audio, String system) {
        this.cfg = cfg;
        this.tokenizer = tokenizer;
        this.images = images;
        this.audio = audio;
        this.system = system;
        this.manager = parent.newSubManager();
    }

    /** The processor of a model folder: its tokenizer.json and (optional) preprocessor_config.json. */
    static QwenProcessor open(NDManager parent, Path folder, QwenConfig cfg, String system) throws IOException {
        JsonNode pre = null;
        Path p = folder.resolve("preprocessor_config.json");
        if (Files.isRegularFile(p)) {
            try {
                pre = org.topoomni.io.Json.mapper().readTree(p.toFile());
            } catch (IOException e) {
                throw new IOException(p + " is not valid JSON: " + e.getMessage());
            }
        }
        WhisperFeatures wf = WhisperFeatures.of(pre, cfg.audio().melBins());
        if (wf.melBins != cfg.audio().melBins()) {
            throw new IOException(p + " makes " + wf.melBins + " mel bins but the audio encoder reads " + cfg.audio().melBins());
        }
        return new QwenProcessor(parent, cfg, QwenTokenizer.open(folder, cfg), ImageProcessor.of(pre, cfg.vision()), wf, system);
    }

    /** The clip the audio encoder reads from a sound: Whisper features of its kept frames. */
    AudioEncoder.Clip clip(Audio sound) {
        float[] wave = sound.sampleRate() == audio.samplingRate ? sound.samples() : Resampler.resample(sound.samples(), sound.sampleRate(), audio.samplingRate);
        WhisperFeatures.Features f = audio.extract(manager, wave);
        return new AudioEncoder.Clip(WhisperFeatures.keptFrames(f, audio.melBins), f.valid());
    }

    /** A user turn about an image and/or a sound (either may be null) with a text, ready to be answered. */
    QwenThinker.Input chat(BufferedImage image, Audio sound, String text) {
        List<VisionEncoder.Image> ims = new ArrayList<>();
        List<AudioEncoder.Clip> clips = new ArrayList<>();
        int imageTokens = 0, audioTokens = 0;
        if (image != null) {
            VisionEncoder.Image im = images.process(image);
            ims.add(im);
            imageTokens = im.rows() / (cfg.vision().merge() * cfg.vision().merge());
        }
        if (sound != null) {
            AudioEncoder.Clip c = clip(sound);
            clips.add(c);
            audioTokens = QwenConfig.Audio.tokens(c.frames());
        }
        int[] ids = tokenizer.encode(ChatTemplate.prompt(system, imageTokens, audioTokens, text == null ? "" : text), true);
        return QwenThinker.Input.prompt(ids, ims, clips);
    }

    /** A plain text, no chat framing: every token counts on the sheet and every next token is learned. */
    QwenThinker.Input plainText(String text) {
        int[] ids = tokenizer.encode(text, true);
        if (ids.length < 2) throw new IllegalArgumentException("a plain text needs at least 2 tokens, got " + ids.length + ": '" + text + "'");
        return new QwenThinker.Input(ids, ids.length, 1, List.of(), List.of());
    }

    /** The same prompt followed by an answer (its tokens and the end of the assistant turn) to learn. */
    QwenThinker.Input withAnswer(QwenThinker.Input prompt, int[] answer) {
        int[] ids = new int[prompt.valid() + answer.length + 1];
        System.arraycopy(prompt.ids(), 0, ids, 0, prompt.valid());
        System.arraycopy(answer, 0, ids, prompt.valid(), answer.length);
        ids[ids.length - 1] = tokenizer.imEnd;
        return new QwenThinker.Input(ids, prompt.valid(), prompt.valid(), prompt.images(), prompt.clips());
    }

    /** A reference answer's tokens. */
    int[] answerTokens(String text) {
        return tokenizer.encode(text, false);
    }

    @Override
    public void close() {
        tokenizer.close();
        manager.close();
    }
}

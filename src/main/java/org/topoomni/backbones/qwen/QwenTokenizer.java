package org.topoomni.backbones.qwen;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The model's own {@code tokenizer.json}, read by Hugging Face's tokenizers library (through
 * DJL's binding, whose native library ships in its jar). The chat markers and placeholders are
 * looked up in the tokenizer and checked against the ids the model's config names, so a
 * tokenizer that does not belong to the checkpoint is refused.
 */
final class QwenTokenizer implements AutoCloseable {
    static final String IM_START = "<|im_start|>", IM_END = "<|im_end|>", ENDOFTEXT = "<|endoftext|>",
            VISION_BOS = "<|vision_bos|>", VISION_EOS = "<|vision_eos|>", IMAGE = "<|IMAGE|>",
            AUDIO_BOS = "<|audio_bos|>", AUDIO_EOS = "<|audio_eos|>", AUDIO = "<|AUDIO|>";

    private final HuggingFaceTokenizer tokenizer;
    final int imStart, imEnd, endOfText, visionBos, visionEos, image, audioBos, audioEos, audio;

    private QwenTokenizer(HuggingFaceTokenizer tokenizer, QwenConfig cfg, Path file) throws IOException {
        this.tokenizer = tokenizer;
        QwenConfig.Tokens t = cfg.tokens();
        imStart = special(IM_START, t.bos(), file);
        imEnd = special(IM_END, t.eos(), file);
        endOfText = special(ENDOFTEXT, t.pad(), file);
        visionBos = special(VISION_BOS, t.visionStart(), file);
        visionEos = special(VISION_EOS, t.visionEnd(), file);
        image = special(IMAGE, t.image(), file);
        audioBos = special(AUDIO_BOS, t.audioStart(), file);
        audioEos = special(AUDIO_EOS, t.audioEnd(), file);
        audio = special(AUDIO, t.audio(), file);
    }

    /** Opens {@code tokenizer.json} of a model folder (or the file itself). */
    static QwenTokenizer open(Path folderOrFile, QwenConfig cfg) throws IOException {
        Path file = Files.isDirectory(folderOrFile) ? folderOrFile.resolve("tokenizer.json") : folderOrFile;
        if (!Files.isRegularFile(file)) throw new IOException("tokenizer not found: " + file + " (the model folder needs the tokenizer.json it was trained with)");
        HuggingFaceTokenizer tk;
        try {
            tk = HuggingFaceTokenizer.newInstance(file, Map.of("addSpecialTokens", "true", "truncation", "false", "padding", "false"));
        } catch (RuntimeException e) {
            throw new IOException(file + " is not a Hugging Face tokenizer.json: " + e.getMessage(), e);
        }
        try {
            return new QwenTokenizer(tk, cfg, file);
        } catch (IOException | RuntimeException e) {
            tk.close();
            throw e;
        }
    }

    private int special(String token, int configId, Path file) throws IOException {
        long[] ids = tokenizer.encode(token, false, false).getIds();
        if (ids.length != 1) throw new IOException(file + " does not have the token " + token + " (it encodes to " + ids.length + " tokens)");
        if (ids[0] != configId) throw new IOException(file + " gives " + token + " the id " + ids[0] + " but the model's config uses " + configId + ": tokenizer and checkpoint do not belong together");
        return (int) ids[0];
    }

    /** Token ids of a text, with the tokenizer's own special-token handling (Qwen2's adds none). */
    int[] encode(String text, boolean addSpecialTokens) {
        long[] ids = tokenizer.encode(text, addSpecialTokens, false).getIds();
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) out[i] = (int) ids[i];
        return out;
    }

    /** The text of ids, special tokens left out. */
    String decode(int[] ids) {
        long[] l = new long[ids.length];
        for (int i = 0; i < ids.length; i++) l[i] = ids[i];
        return tokenizer.decode(l, true);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}

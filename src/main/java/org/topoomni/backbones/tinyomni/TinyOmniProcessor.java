package org.topoomni.backbones.tinyomni;

import org.topoomni.model.Answer;
import org.topoomni.model.ModelInput;
import org.topoomni.model.Processor;
import org.topoomni.stimuli.Stimulus;

import java.util.Arrays;

/**
 * TinyOmni's front end: images resized to its square input ({@link Preprocess#image}), sounds to
 * its log-mel frames ({@link Preprocess#audio}), texts through its byte-level BPE
 * {@link Tokenizer}, framed as {@link Batch} describes. A prompt too long for the model's
 * positions keeps its end (the question); a plain text too long keeps its start.
 */
final class TinyOmniProcessor implements Processor {
    private final OmniConfig cfg;
    private final Tokenizer tokenizer;

    TinyOmniProcessor(OmniConfig cfg, Tokenizer tokenizer) {
        this.cfg = cfg;
        this.tokenizer = tokenizer;
    }

    @Override
    public Example chat(Stimulus s, String prompt) {
        float[] img = s.hasImage() ? Preprocess.image(s.image(), cfg.imageSize()) : null;
        float[] mel = s.hasAudio() ? Preprocess.audio(s.audio(), cfg.audioFrames(), cfg.melBands()) : null;
        String text = prompt != null ? prompt : s.hasText() ? s.text().strip() : "";
        int[] ids = tokenizer.encode(text);
        int room = cfg.maxPositions() - 3 - (img != null ? cfg.imageTokens() : 0) - (mel != null ? cfg.audioTokens() : 0);
        if (ids.length > room) ids = Arrays.copyOfRange(ids, ids.length - room, ids.length);
        return Example.chat(img, mel, ids, new int[0]);
    }

    @Override
    public Example plainText(String text) {
        int[] ids = tokenizer.encode(text);
        int max = cfg.maxPositions() - 2;
        if (ids.length > max) ids = Arrays.copyOf(ids, max);
        if (ids.length < 2) throw new IllegalArgumentException("a plain text needs at least 2 tokens: '" + text + "'");
        return Example.text(ids);
    }

    @Override
    public Example withAnswer(ModelInput input, Answer answer) {
        Example e = example(input);
        if (e.plainText()) throw new IllegalArgumentException("a plain text has no answer; it is learned token by token");
        return Example.chat(e.image(), e.mel(), e.prompt(), answer.tokens());
    }

    /** Answers follow the assistant marker, so their first word carries its leading space. */
    @Override
    public Answer answer(String text) {
        return new Answer(text, tokenizer.encode(" " + text));
    }

    static Example example(ModelInput input) {
        if (input instanceof Example e) return e;
        throw new IllegalArgumentException("TinyOmni cannot read an input made by another backbone's processor: " + input.getClass().getSimpleName());
    }
}

package org.topoomni.backbones.tinyomni;

import java.util.ArrayList;
import java.util.List;

/**
 * A batch of examples laid out as token sequences, Qwen-style chat:
 * {@code <bos> <user> <image>xN <audio>xM prompt <assistant> answer <eos>}, padded on the right.
 * Image and audio placeholders are replaced inside the language model by the projected encoder
 * outputs. Plain-text items are {@code <bos> text <eos>}.
 */
public final class Batch {
    public final int size;
    public final int length;
    public final int[] ids;          // size x length
    public final int[] targets;      // next token at each position (PAD where none)
    public final float[] lossMask;   // 1 where the next token is learned
    public final float[] inputMask;  // 1 at the positions that read the stimulus (up to <assistant>)
    public final int[] lengths;      // real tokens per item
    public final List<float[]> images = new ArrayList<>();
    public final int[] imageItems;
    public final List<float[]> mels = new ArrayList<>();
    public final int[] audioItems;
    public final List<Example> examples;

    public Batch(OmniConfig cfg, List<Example> examples, boolean appendEos) {
        if (examples.isEmpty()) throw new IllegalArgumentException("a batch needs at least one example");
        this.examples = List.copyOf(examples);
        this.size = examples.size();
        List<int[]> seqs = new ArrayList<>();
        List<int[]> learn = new ArrayList<>();
        List<Integer> inputEnds = new ArrayList<>();
        List<Integer> imgItems = new ArrayList<>(), audItems = new ArrayList<>();
        for (int b = 0; b < size; b++) {
            Example e = examples.get(b);
            List<Integer> s = new ArrayList<>();
            List<Integer> l = new ArrayList<>();
            s.add(Tokenizer.BOS_ID);
            l.add(0);
            if (e.plainText()) {
                for (int t : e.prompt()) { s.add(t); l.add(1); }
                if (appendEos) { s.add(Tokenizer.EOS_ID); l.add(1); }
                inputEnds.add(s.size());
            } else {
                s.add(Tokenizer.USER_ID);
                l.add(0);
                if (e.image() != null) {
                    if (e.image().length != 3 * cfg.imageSize() * cfg.imageSize()) {
                        throw new IllegalArgumentException("image has " + e.image().length + " values, the model needs 3 x " + cfg.imageSize() + " x " + cfg.imageSize());
                    }
                    for (int i = 0; i < cfg.imageTokens(); i++) { s.add(Tokenizer.IMAGE_ID); l.add(0); }
                    images.add(e.image());
                    imgItems.add(b);
                }
                if (e.mel() != null) {
                    if (e.mel().length != cfg.audioFrames() * cfg.melBands()) {
                        throw new IllegalArgumentException("sound has " + e.mel().length + " log-mel values, the model needs " + cfg.audioFrames() + " frames x " + cfg.melBands() + " bands");
                    }
                    for (int i = 0; i < cfg.audioTokens(); i++) { s.add(Tokenizer.AUDIO_ID); l.add(0); }
                    mels.add(e.mel());
                    audItems.add(b);
                }
                for (int t : e.prompt()) { s.add(t); l.add(0); }
                s.add(Tokenizer.ASSISTANT_ID);
                l.add(0);
                inputEnds.add(s.size());
                for (int t : e.answer()) { s.add(t); l.add(1); }
                if (appendEos && e.answer().length > 0) { s.add(Tokenizer.EOS_ID); l.add(1); }
            }
            if (s.size() > cfg.maxPositions()) {
                throw new IllegalArgumentException("example " + b + " needs " + s.size() + " positions; the model has " + cfg.maxPositions());
            }
            seqs.add(s.stream().mapToInt(Integer::intValue).toArray());
            learn.add(l.stream().mapToInt(Integer::intValue).toArray());
        }
        int len = 0;
        for (int[] s : seqs) len = Math.max(len, s.length);
        this.length = len;
        ids = new int[size * len];
        targets = new int[size * len];
        lossMask = new float[size * len];
        inputMask = new float[size * len];
        lengths = new int[size];
        for (int b = 0; b < size; b++) {
            int[] s = seqs.get(b), l = learn.get(b);
            lengths[b] = s.length;
            for (int i = 0; i < len; i++) {
                ids[b * len + i] = i < s.length ? s[i] : Tokenizer.PAD_ID;
                boolean hasNext = i + 1 < s.length;
                targets[b * len + i] = hasNext ? s[i + 1] : Tokenizer.PAD_ID;
                lossMask[b * len + i] = hasNext && l[i + 1] == 1 ? 1f : 0f;
                inputMask[b * len + i] = i < inputEnds.get(b) ? 1f : 0f;
            }
        }
        imageItems = imgItems.stream().mapToInt(Integer::intValue).toArray();
        audioItems = audItems.stream().mapToInt(Integer::intValue).toArray();
    }
}

package org.topoomni.backbones.pretrained;

import java.util.ArrayList;
import java.util.List;

/**
 * A batch of {@link OmniInput}s laid out as the thinker's sequences, right-padded:
 * <ul>
 * <li>chat: {@code [vision tokens] [audio tokens] [MiniLM states of the prompt] <assistant> answer <end>},
 * where the vision and audio tokens come from the encoders, the prompt's states from the
 * MiniLM (one per word piece, [CLS] and [SEP] included), and the assistant marker, the
 * answer and the end marker ([SEP]) from the thinker's own embedding;</li>
 * <li>plain text: {@code [CLS] text [SEP]} from the thinker's own embedding (a bidirectional
 * MiniLM state would show the thinker the tokens it is to predict).</li>
 * </ul>
 * Every item's text (prompt or plain text) is also read by the MiniLM, row i for item i.
 */
final class OmniBatch {
    /** Where a position's input vector comes from. */
    static final byte TOKEN = 0, VISION = 1, AUDIO = 2, PROMPT = 3;

    final int size, length;
    final byte[] source;        // size x length
    final int[] ref;            // token: thinker row; vision: image row * V + k; audio: sound row * A + k; prompt: word-piece position
    final int[] targets;        // the next position's thinker row (PAD where none)
    final float[] lossMask;     // 1 where the next token is learned
    final float[] inputMask;    // 1 at the positions that read the input (up to and with the assistant marker; all of a plain text)
    final int[] lengths;
    final List<byte[]> images = new ArrayList<>();
    final int[] imageItems;
    final List<float[]> mels = new ArrayList<>();
    final int[] audioItems;
    final List<int[]> texts = new ArrayList<>();
    final List<OmniInput> inputs;
    final int lossTokens;

    /**
     * @param appendEnd whether answers (and plain texts) end with the end marker (training and
     *                  scoring); generation leaves it off and grows the answer instead
     */
    OmniBatch(PretrainedOmniConfig cfg, ThinkerVocabulary vocab, List<OmniInput> inputs, boolean appendEnd) {
        if (inputs.isEmpty()) throw new IllegalArgumentException("a batch needs at least one input");
        this.inputs = List.copyOf(inputs);
        this.size = inputs.size();
        int nv = cfg.visionTokens(), na = cfg.audioTokens();
        List<byte[]> src = new ArrayList<>();
        List<int[]> refs = new ArrayList<>(), learn = new ArrayList<>();
        List<Integer> inputEnds = new ArrayList<>();
        List<Integer> imgItems = new ArrayList<>(), audItems = new ArrayList<>();
        for (int b = 0; b < size; b++) {
            OmniInput in = inputs.get(b);
            texts.add(in.text());
            Seq s = new Seq();
            if (in.plainText()) {
                int[] t = in.text();
                for (int j = 0; j < t.length - (appendEnd ? 0 : 1); j++) s.add(TOKEN, vocab.row(t[j]), j > 0);
                inputEnds.add(s.n);
            } else {
                if (in.image() != null) {
                    int want = 3 * cfg.imageSize() * cfg.imageSize();
                    if (in.image().length != want) {
                        throw new IllegalArgumentException("image has " + in.image().length + " values, the model needs 3 x " + cfg.imageSize() + " x " + cfg.imageSize());
                    }
                    int r = images.size();
                    for (int k = 0; k < nv; k++) s.add(VISION, r * nv + k, false);
                    images.add(in.image());
                    imgItems.add(b);
                }
                if (in.mel() != null) {
                    if (in.mel().length != cfg.audioFrames() * cfg.melBands()) {
                        throw new IllegalArgumentException("sound has " + in.mel().length + " log-mel values, the model needs " + cfg.audioFrames() + " frames x " + cfg.melBands() + " bands");
                    }
                    int r = mels.size();
                    for (int k = 0; k < na; k++) s.add(AUDIO, r * na + k, false);
                    mels.add(in.mel());
                    audItems.add(b);
                }
                for (int j = 0; j < in.text().length; j++) s.add(PROMPT, j, false);
                s.add(TOKEN, ThinkerVocabulary.ASSISTANT_ROW, false);
                inputEnds.add(s.n);
                for (int t : in.answer()) s.add(TOKEN, vocab.row(t), true);
                if (appendEnd && in.answer().length > 0) s.add(TOKEN, ThinkerVocabulary.END_ROW, true);
            }
            if (s.n > cfg.maxPositions()) {
                throw new IllegalArgumentException("input " + b + " needs " + s.n + " thinker positions; the model has " + cfg.maxPositions());
            }
            src.add(java.util.Arrays.copyOf(s.src, s.n));
            refs.add(java.util.Arrays.copyOf(s.ref, s.n));
            learn.add(java.util.Arrays.copyOf(s.learn, s.n));
        }
        int len = 0;
        for (byte[] s : src) len = Math.max(len, s.length);
        this.length = len;
        source = new byte[size * len];
        ref = new int[size * len];
        targets = new int[size * len];
        lossMask = new float[size * len];
        inputMask = new float[size * len];
        lengths = new int[size];
        int lossCount = 0;
        for (int b = 0; b < size; b++) {
            byte[] s = src.get(b);
            int[] r = refs.get(b), l = learn.get(b);
            lengths[b] = s.length;
            for (int i = 0; i < len; i++) {
                int at = b * len + i;
                source[at] = i < s.length ? s[i] : TOKEN;
                ref[at] = i < s.length ? r[i] : ThinkerVocabulary.PAD_ROW;
                boolean hasNext = i + 1 < s.length;
                targets[at] = hasNext && s[i + 1] == TOKEN ? r[i + 1] : ThinkerVocabulary.PAD_ROW;
                lossMask[at] = hasNext && l[i + 1] == 1 ? 1f : 0f;
                inputMask[at] = i < inputEnds.get(b) ? 1f : 0f;
                lossCount += lossMask[at] > 0 ? 1 : 0;
            }
        }
        lossTokens = lossCount;
        imageItems = imgItems.stream().mapToInt(Integer::intValue).toArray();
        audioItems = audItems.stream().mapToInt(Integer::intValue).toArray();
    }

    /** One sequence being built. */
    private static final class Seq {
        byte[] src = new byte[64];
        int[] ref = new int[64], learn = new int[64];
        int n;

        void add(byte source, int r, boolean learned) {
            if (n == src.length) {
                src = java.util.Arrays.copyOf(src, 2 * n);
                ref = java.util.Arrays.copyOf(ref, 2 * n);
                learn = java.util.Arrays.copyOf(learn, 2 * n);
            }
            src[n] = source;
            ref[n] = r;
            learn[n++] = learned ? 1 : 0;
        }
    }
}

package org.topoomni.backbones.pretrained;

import org.topoomni.model.Answer;
import org.topoomni.model.ModelInput;
import org.topoomni.model.Processor;
import org.topoomni.stimuli.Images;
import org.topoomni.stimuli.LogMel;
import org.topoomni.stimuli.Stimulus;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * The front end of {@link PretrainedOmni}: images scaled to the MobileNetV3's square input
 * ({@link Images#square}) as raw RGB 0..255, what its first convolution expects; sounds as
 * standardised log-mel frames ({@link LogMel#standardisedFrames}); texts as the MiniLM's word
 * pieces with its [CLS] and [SEP]. A prompt too long for the thinker keeps its end (the
 * question); a plain text too long keeps its start.
 */
final class PretrainedOmniProcessor implements Processor {
    /** Thinker positions kept free for the answer after the prompt. */
    static final int ANSWER_ROOM = 24;

    private final PretrainedOmniConfig cfg;
    private final MiniLm text;

    PretrainedOmniProcessor(PretrainedOmniConfig cfg, MiniLm text) {
        this.cfg = cfg;
        this.text = text;
    }

    @Override
    public OmniInput chat(Stimulus s, String prompt) {
        byte[] img = s.hasImage() ? image(s.image(), cfg.imageSize()) : null;
        float[] mel = s.hasAudio() ? LogMel.standardisedFrames(s.audio(), cfg.audioFrames(), cfg.melBands()) : null;
        String t = prompt != null ? prompt : s.hasText() ? s.text().strip() : "";
        int[] ids = text.encode(t, true);
        int room = cfg.maxPositions() - 1 - ANSWER_ROOM - (img != null ? cfg.visionTokens() : 0) - (mel != null ? cfg.audioTokens() : 0);
        if (ids.length > room) {
            if (room < 3) throw new IllegalArgumentException("the thinker's " + cfg.maxPositions() + " positions leave no room for a prompt");
            int[] cut = new int[room];
            cut[0] = ids[0];
            System.arraycopy(ids, ids.length - (room - 1), cut, 1, room - 1); // [CLS] + the end, [SEP] included
            ids = cut;
        }
        return new OmniInput(img, mel, ids, new int[0], false);
    }

    @Override
    public OmniInput plainText(String t) {
        int[] ids = text.encode(t, true);
        if (ids.length < 3) throw new IllegalArgumentException("a plain text needs at least one word piece: '" + t + "'");
        int max = cfg.maxPositions();
        if (ids.length > max) {
            int end = ids[ids.length - 1];
            ids = Arrays.copyOf(ids, max);
            ids[max - 1] = end;
        }
        return new OmniInput(null, null, ids, new int[0], true);
    }

    @Override
    public OmniInput withAnswer(ModelInput input, Answer answer) {
        OmniInput in = input(input);
        if (in.plainText()) throw new IllegalArgumentException("a plain text has no answer; it is learned token by token");
        return in.withAnswer(answer.tokens());
    }

    @Override
    public Answer answer(String t) {
        return new Answer(t, text.encode(t, false));
    }

    static OmniInput input(ModelInput input) {
        if (input instanceof OmniInput o) return o;
        throw new IllegalArgumentException("pretrained-omni cannot read an input made by another backbone's processor: " + input.getClass().getSimpleName());
    }

    /** Raw RGB 0..255 bytes, channel-major, of the image scaled to size x size. */
    static byte[] image(BufferedImage img, int size) {
        BufferedImage sq = Images.square(img, size);
        int plane = size * size;
        byte[] out = new byte[3 * plane];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int rgb = sq.getRGB(x, y), i = y * size + x;
                out[i] = (byte) (rgb >> 16);
                out[plane + i] = (byte) (rgb >> 8);
                out[2 * plane + i] = (byte) rgb;
            }
        }
        return out;
    }

    /** The image mirrored left-right (the same layout as {@link #image}). */
    static byte[] flip(byte[] chw, int size) {
        byte[] out = new byte[chw.length];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < size; y++) {
                int row = c * size * size + y * size;
                for (int x = 0; x < size; x++) out[row + x] = chw[row + size - 1 - x];
            }
        }
        return out;
    }
}

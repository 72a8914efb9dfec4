package org.topoomni.backbones.qwen;

import java.util.ArrayList;
import java.util.List;

/**
 * Multimodal rotary positions of a prompt (transformers' {@code get_rope_index} for images and
 * audio): three rows (temporal, height, width) per token. Text tokens get the same value on all
 * three axes, one more than the previous token's largest value. An image's merged tokens, right
 * after its {@code <|vision_bos|>}, get t = start + frame * position_id_per_seconds,
 * h = start + merged row, w = start + merged column. Audio tokens are consecutive, the same on
 * all axes. The delta is {@code max + 1 - tokens}: a token generated after the prompt, at index
 * {@code i} of the sequence, sits at {@code i + delta} on all three axes.
 */
final class RopeIndex {
    private RopeIndex() {}

    /** Positions (3 x tokens) and the delta of one prompt. */
    record Positions(int[][] pos, int delta) {
        int max() {
            int m = 0;
            for (int[] row : pos) for (int v : row) m = Math.max(m, v);
            return m;
        }
    }

    /**
     * @param ids        the prompt's token ids (no padding)
     * @param imageGrids the (t, h, w) patch grid of each image, in order of appearance
     * @param audioFrames the mel frames of each audio clip, in order of appearance
     */
    static Positions of(int[] ids, List<int[]> imageGrids, List<Integer> audioFrames, QwenConfig cfg) {
        QwenConfig.Tokens tk = cfg.tokens();
        int merge = cfg.vision().merge();
        int images = 0, audios = 0;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == tk.visionStart() && i + 1 < ids.length && ids[i + 1] == tk.image()) images++;
            if (ids[i] == tk.audioStart()) audios++;
        }
        if (images > imageGrids.size()) throw new IllegalArgumentException("the prompt has " + images + " images but " + imageGrids.size() + " image grids were given");
        if (audios > audioFrames.size()) throw new IllegalArgumentException("the prompt has " + audios + " audio clips but " + audioFrames.size() + " were given");
        List<int[]> blocks = new ArrayList<>(); // each 3 x n
        int st = 0, imageIdx = 0, audioIdx = 0, remainImages = images, remainAudios = audios;
        for (int k = 0; k < images + audios; k++) {
            int edImage = remainImages > 0 ? indexOf(ids, tk.image(), st) : -1;
            int edAudio = remainAudios > 0 ? indexOf(ids, tk.audio(), st) : -1;
            if (edImage < 0) edImage = ids.length + 1;
            if (edAudio < 0) edAudio = ids.length + 1;
            int ed = Math.min(edImage, edAudio);
            int textLen = ed - st - 1;
            if (textLen != 0) blocks.add(consecutive(next(blocks), textLen));
            blocks.add(consecutive(next(blocks), 1)); // <|vision_bos|> or <|audio_bos|>
            int start = next(blocks), len;
            if (ed == edAudio) {
                len = QwenConfig.Audio.tokens(audioFrames.get(audioIdx++));
                blocks.add(consecutive(start, len));
                remainAudios--;
            } else {
                int[] g = imageGrids.get(imageIdx++);
                int gh = g[1] / merge, gw = g[2] / merge;
                len = g[0] * gh * gw;
                int[] block0 = new int[len], block1 = new int[len], block2 = new int[len];
                int j = 0;
                for (int t = 0; t < g[0]; t++)
                    for (int y = 0; y < gh; y++)
                        for (int x = 0; x < gw; x++) {
                            block0[j] = start + t * cfg.positionIdPerSeconds();
                            block1[j] = start + y;
                            block2[j] = start + x;
                            j++;
                        }
                blocks.add(flatten(block0, block1, block2));
                remainImages--;
            }
            blocks.add(consecutive(next(blocks), 1)); // <|vision_eos|> or <|audio_eos|>
            st += textLen + 1 + len + 1;
        }
        if (st < ids.length) blocks.add(consecutive(next(blocks), ids.length - st));
        int total = 0;
        for (int[] b : blocks) total += b.length / 3;
        if (total != ids.length) {
            throw new IllegalArgumentException("the prompt's " + ids.length + " tokens do not match its placeholders (" + total
                    + " positions): every <|IMAGE|> / <|AUDIO|> run must sit between its bos and eos and have the count its image or clip needs");
        }
        int[][] pos = new int[3][ids.length];
        int off = 0;
        for (int[] b : blocks) {
            int n = b.length / 3;
            for (int a = 0; a < 3; a++) System.arraycopy(b, a * n, pos[a], off, n);
            off += n;
        }
        Positions p = new Positions(pos, 0);
        return new Positions(pos, p.max() + 1 - ids.length);
    }

    /** Text-only positions 0..n-1 on all three axes (what transformers uses when a batch has no image). */
    static Positions text(int n) {
        int[][] pos = new int[3][n];
        for (int a = 0; a < 3; a++) for (int i = 0; i < n; i++) pos[a][i] = i;
        return new Positions(pos, 0);
    }

    private static int next(List<int[]> blocks) {
        if (blocks.isEmpty()) return 0;
        int[] last = blocks.get(blocks.size() - 1);
        int m = Integer.MIN_VALUE;
        for (int v : last) m = Math.max(m, v);
        return m + 1;
    }

    private static int[] consecutive(int start, int n) {
        int[] b = new int[3 * n];
        for (int a = 0; a < 3; a++) for (int i = 0; i < n; i++) b[a * n + i] = start + i;
        return b;
    }

    private static int[] flatten(int[] t, int[] h, int[] w) {
        int n = t.length;
        int[] b = new int[3 * n];
        System.arraycopy(t, 0, b, 0, n);
        System.arraycopy(h, 0, b, n, n);
        System.arraycopy(w, 0, b, 2 * n, n);
        return b;
    }

    private static int indexOf(int[] ids, int token, int from) {
        for (int i = Math.max(0, from); i < ids.length; i++) if (ids[i] == token) return i;
        return -1;
    }
}

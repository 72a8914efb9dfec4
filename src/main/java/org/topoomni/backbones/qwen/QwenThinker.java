package org.topoomni.backbones.qwen;

import org.topoomni.nn.Scalar;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.topoomni.model.LayerHook;
import org.topoomni.model.TokenMap;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Qwen2.5-Omni's Thinker (transformers' {@code Qwen2_5OmniThinkerForConditionalGeneration}):
 * the vision and audio encoders, whose outputs replace the prompt's {@code <|IMAGE|>} and
 * {@code <|AUDIO|>} embeddings in order, and the language model with multimodal rotary
 * positions. Batches are padded on the right; every row gets the positions and attention it
 * would get alone.
 */
final class QwenThinker implements AutoCloseable {

    /**
     * One row: its token ids (a prompt, then any answer), how many leading tokens the sheet counts
     * ({@code valid}: a chat prompt up to and including the assistant header, or a whole plain
     * text), the first token whose prediction is learned ({@code lossFrom}; {@code ids.length}
     * for none), and its images and clips in order of appearance.
     */
    record Input(int[] ids, int valid, int lossFrom, List<VisionEncoder.Image> images, List<AudioEncoder.Clip> clips) {
        Input {
            if (ids.length == 0) throw new IllegalArgumentException("an input needs at least one token");
            if (valid < 1 || valid > ids.length) throw new IllegalArgumentException("valid length " + valid + " outside 1.." + ids.length);
            if (lossFrom < 1 || lossFrom > ids.length) throw new IllegalArgumentException("loss start " + lossFrom + " outside 1.." + ids.length);
            images = List.copyOf(images);
            clips = List.copyOf(clips);
        }

        /** A prompt to answer (nothing to learn). */
        static Input prompt(int[] ids, List<VisionEncoder.Image> images, List<AudioEncoder.Clip> clips) {
            return new Input(ids, ids.length, ids.length, images, clips);
        }
    }

    /** Logits (rows, tokens, vocabulary), the final hidden states after the norm, each row's rope delta. */
    record Result(NDArray logits, NDArray normed, int[] deltas, int[][][] positions) {}

    final QwenConfig cfg;
    final QwenWeights weights;
    final VisionEncoder vision;
    final AudioEncoder audio;
    final TextDecoder text;

    QwenThinker(NDManager manager, QwenConfig cfg, QwenWeights weights) {
        this.cfg = cfg;
        this.weights = weights;
        this.vision = new VisionEncoder(manager, cfg.vision(), weights);
        this.audio = new AudioEncoder(manager, cfg.audio(), weights);
        this.text = new TextDecoder(manager, cfg.text(), weights);
    }

    /** Loads a thinker from a Hugging Face folder (config.json and safetensors weights). */
    static QwenThinker load(NDManager manager, Path folder) throws IOException {
        QwenConfig cfg = QwenConfig.read(folder.resolve("config.json"));
        QwenWeights w = QwenWeights.load(manager, folder, cfg);
        return new QwenThinker(manager, cfg, w);
    }

    /** The multimodal encoders' outputs for a batch, ready to replace the placeholders. */
    record Media(NDArray vision, NDArray audio) {}

    Media encode(NDManager m, List<Input> inputs, LayerHook hook) {
        List<VisionEncoder.Image> images = new ArrayList<>();
        List<AudioEncoder.Clip> clips = new ArrayList<>();
        List<Integer> imageItems = new ArrayList<>(), clipItems = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            for (VisionEncoder.Image im : inputs.get(i).images()) { images.add(im); imageItems.add(i); }
            for (AudioEncoder.Clip c : inputs.get(i).clips()) { clips.add(c); clipItems.add(i); }
        }
        NDArray v = null, a = null;
        if (!images.isEmpty()) {
            List<NDArray> out = vision.forward(m, images, imageItems.stream().mapToInt(Integer::intValue).toArray(), hook);
            v = out.size() == 1 ? out.get(0) : NDArrays.concat(new NDList(out), 0);
        }
        if (!clips.isEmpty()) {
            List<NDArray> out = audio.forward(m, clips, clipItems.stream().mapToInt(Integer::intValue).toArray(), hook);
            a = out.size() == 1 ? out.get(0) : NDArrays.concat(new NDList(out), 0);
        }
        return new Media(v, a);
    }

    /** Per row, its <|AUDIO|> placeholders and its clips' frames, for an error message. */
    private static String describeAudio(List<Input> inputs, int audioId) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < inputs.size(); r++) {
            int n = 0;
            for (int id : inputs.get(r).ids()) if (id == audioId) n++;
            sb.append(r == 0 ? "" : "; ").append("row ").append(r).append(": ").append(n).append(" placeholders, clips of");
            for (AudioEncoder.Clip c : inputs.get(r).clips()) sb.append(' ').append(c.frames()).append(" frames (").append(AudioEncoder.tokens(c.frames())).append(" tokens)");
        }
        return sb.toString();
    }

    /** Multimodal positions of each row (3 x its tokens) and its delta. */
    RopeIndex.Positions positions(Input in, boolean batchHasImages) {
        if (!batchHasImages) return RopeIndex.text(in.ids().length);
        List<int[]> grids = new ArrayList<>();
        for (VisionEncoder.Image im : in.images()) grids.add(new int[] {im.t(), im.h(), im.w()});
        List<Integer> frames = new ArrayList<>();
        for (AudioEncoder.Clip c : in.clips()) frames.add(c.frames());
        int[] ids = in.ids();
        if (in.valid() >= ids.length) return RopeIndex.of(ids, grids, frames, cfg);
        // the prompt's media decide its positions; the answer's tokens follow as text, one position each
        RopeIndex.Positions p = RopeIndex.of(java.util.Arrays.copyOf(ids, in.valid()), grids, frames, cfg);
        int[][] pos = new int[3][ids.length];
        int next = 0;
        for (int a = 0; a < 3; a++) {
            System.arraycopy(p.pos()[a], 0, pos[a], 0, in.valid());
            for (int j = 0; j < in.valid(); j++) next = Math.max(next, p.pos()[a][j] + 1);
        }
        for (int j = in.valid(); j < ids.length; j++) for (int a = 0; a < 3; a++) pos[a][j] = next + (j - in.valid());
        return new RopeIndex.Positions(pos, next + ids.length - in.valid() - ids.length);
    }

    /** The whole thinker on a batch: logits at every position, the hook after every layer of every stack. */
    Result forward(NDManager m, List<Input> inputs, LayerHook hook) {
        Media media = encode(m, inputs, hook);
        return decode(m, inputs, media, hook, null, true);
    }

    /**
     * The language model on a batch whose media are encoded.
     *
     * @param cache  filled with the prompt's keys and values when not null
     * @param full   logits at every position (else only at each row's last token, as (rows, 1, vocabulary))
     */
    Result decode(NDManager m, List<Input> inputs, Media media, LayerHook hook, TextDecoder.Cache cache, boolean full) {
        int b = inputs.size(), s = 0;
        boolean anyImage = false;
        for (Input in : inputs) {
            s = Math.max(s, in.ids().length);
            anyImage |= !in.images().isEmpty();
        }
        QwenConfig.Tokens tk = cfg.tokens();
        long[] ids = new long[b * s];
        long[] src = new long[b * s];
        long visionBase = (long) b * s;
        long visionRows = media.vision() == null ? 0 : media.vision().getShape().get(0);
        long audioBase = visionBase + visionRows, audioRows = media.audio() == null ? 0 : media.audio().getShape().get(0);
        long vi = 0, ai = 0;
        float[] valid = new float[b * s];
        int[][][] pos = new int[b][3][s];
        int[] deltas = new int[b];
        for (int r = 0; r < b; r++) {
            Input in = inputs.get(r);
            RopeIndex.Positions p = positions(in, anyImage);
            deltas[r] = p.delta();
            for (int a = 0; a < 3; a++) {
                Arrays.fill(pos[r][a], 1);
                System.arraycopy(p.pos()[a], 0, pos[r][a], 0, in.ids().length);
            }
            for (int j = 0; j < s; j++) {
                int id = j < in.ids().length ? in.ids()[j] : tk.pad();
                ids[r * s + j] = id;
                src[r * s + j] = (long) r * s + j;
                if (j >= in.ids().length) continue;
                if (j < in.valid()) valid[r * s + j] = 1f;
                // only the prompt's placeholders take the media; an answer token with a placeholder's id (a small
                // model may say anything) is embedded as the token it is
                boolean prompt = j < in.valid();
                if (prompt && id == tk.image() && media.vision() != null) {
                    if (vi >= visionRows) throw new IllegalArgumentException("the batch has more <|IMAGE|> tokens than its images give (" + visionRows + ")");
                    src[r * s + j] = visionBase + vi++;
                } else if (prompt && id == tk.audio() && media.audio() != null) {
                    if (ai >= audioRows) throw new IllegalArgumentException("the batch has more <|AUDIO|> tokens than its clips give (" + audioRows + "): "
                            + describeAudio(inputs, tk.audio()));
                    src[r * s + j] = audioBase + ai++;
                }
            }
        }
        if (vi != visionRows) throw new IllegalArgumentException("image features and image tokens do not match: " + vi + " <|IMAGE|> tokens, " + visionRows + " features");
        if (ai != audioRows) throw new IllegalArgumentException("audio features and audio tokens do not match: " + ai + " <|AUDIO|> tokens, " + audioRows + " features");
        long hidden = cfg.text().hidden();
        NDArray h = text.embed(m, ids, b).reshape((long) b * s, hidden);
        if (media.vision() != null || media.audio() != null) {
            NDList parts = new NDList(h);
            if (media.vision() != null) parts.add(media.vision());
            if (media.audio() != null) parts.add(media.audio());
            h = NDArrays.concat(parts, 0).get(new NDIndex("{}", m.create(src)));
        }
        h = h.reshape(b, s, hidden);
        float[] mask = new float[b * s * s];
        for (int r = 0; r < b; r++) {
            int len = inputs.get(r).ids().length;
            for (int q = 0; q < s; q++) for (int k = 0; k < s; k++) mask[(r * s + q) * s + k] = k <= q && k < len ? 0f : Ops.MASKED;
        }
        NDArray[] rope = text.rope(m, pos);
        int[] rows = new int[b];
        for (int r = 0; r < b; r++) rows[r] = r;
        h = text.layers(h, rope, m.create(mask, new Shape(b, 1, s, s)), cache, new TokenMap(rows, valid, s), hook);
        if (!full) {
            long[] last = new long[b];
            for (int r = 0; r < b; r++) last[r] = (long) r * s + inputs.get(r).ids().length - 1;
            h = h.reshape((long) b * s, hidden).get(new NDIndex("{}", m.create(last))).reshape(b, 1, hidden);
        }
        NDArray normed = text.norm(h);
        return new Result(text.logits(normed), normed, deltas, pos);
    }

    /**
     * Mean cross-entropy of each row's learned tokens (from {@code lossFrom} on), over all learned
     * tokens of the batch; differentiable. Rows with nothing to learn add nothing.
     */
    static NDArray answerLoss(NDManager m, NDArray logits, List<Input> inputs) {
        long b = logits.getShape().get(0), s = logits.getShape().get(1);
        long[] targets = new long[(int) (b * s)];
        float[] weight = new float[(int) (b * s)];
        int count = 0;
        for (int r = 0; r < b; r++) {
            Input in = inputs.get(r);
            for (int j = in.lossFrom() - 1; j + 1 < in.ids().length; j++) {
                targets[(int) (r * s + j)] = in.ids()[j + 1];
                weight[(int) (r * s + j)] = 1f;
                count++;
            }
        }
        if (count == 0) return m.zeros(new Shape());
        NDArray logp = logits.logSoftmax(-1);
        NDArray picked = logp.gather(m.create(targets, new Shape(b, s, 1)), 2).reshape(b, s);
        return Scalar.div(picked.mul(m.create(weight, new Shape(b, s))).sum().neg(), count);
    }

    /**
     * Greedy decoding with a key-value cache: at most {@code maxTokens} new tokens per row, a row
     * stopping at {@code <|im_end|>} or {@code <|endoftext|>} (not included). The hook runs at every
     * layer for the prompt and then for each new token (whose {@code valid} is 0: it is not part of
     * the prompt).
     *
     * @param stepLogits when not null, receives each step's logits, (rows x vocabulary) per step
     */
    int[][] generate(NDManager manager, List<Input> inputs, int maxTokens, LayerHook hook, List<float[]> stepLogits) {
        int b = inputs.size();
        List<List<Integer>> out = new ArrayList<>();
        for (int r = 0; r < b; r++) out.add(new ArrayList<>());
        if (maxTokens <= 0) return new int[b][0];
        QwenConfig.Tokens tk = cfg.tokens();
        try (NDManager m = manager.newSubManager()) {
            TextDecoder.Cache cache = new TextDecoder.Cache(cfg.text().layers());
            Result first = decode(m, inputs, encode(m, inputs, hook), hook, cache, false);
            int s = 0;
            for (Input in : inputs) s = Math.max(s, in.ids().length);
            int[] next = argMax(first.logits(), stepLogits);
            int[] nextPos = new int[b];
            boolean[] done = new boolean[b];
            for (int r = 0; r < b; r++) nextPos[r] = inputs.get(r).ids().length + first.deltas()[r];
            // keys the new tokens may see: each row's own prompt, then every generated token
            float[] prompt = new float[b * s];
            for (int r = 0; r < b; r++) for (int k = 0; k < s; k++) prompt[r * s + k] = k < inputs.get(r).ids().length ? 0f : Ops.MASKED;
            int[] rows = new int[b];
            for (int r = 0; r < b; r++) rows[r] = r;
            for (int step = 0; ; step++) {
                boolean all = true;
                for (int r = 0; r < b; r++) {
                    if (done[r]) continue;
                    if (next[r] == tk.eos() || next[r] == tk.pad()) done[r] = true;
                    else out.get(r).add(next[r]);
                    all &= done[r] || out.get(r).size() >= maxTokens;
                }
                if (all || step + 1 >= maxTokens) break;
                try (NDManager sm = m.newSubManager()) {
                    long[] ids = new long[b];
                    int[][][] pos = new int[b][3][1];
                    for (int r = 0; r < b; r++) {
                        ids[r] = next[r];
                        for (int a = 0; a < 3; a++) pos[r][a][0] = nextPos[r];
                        nextPos[r]++;
                    }
                    int sk = s + step + 1;
                    float[] mask = new float[b * sk];
                    for (int r = 0; r < b; r++) System.arraycopy(prompt, r * s, mask, r * sk, s);
                    NDArray h = text.embed(sm, ids, b);
                    h = text.layers(h, text.rope(sm, pos), sm.create(mask, new Shape(b, 1, 1, sk)), cache, new TokenMap(rows, new float[b], 1), hook);
                    for (int l = 0; l < cache.keys.length; l++) {
                        cache.keys[l].attach(m);
                        cache.values[l].attach(m);
                    }
                    next = argMax(text.logits(text.norm(h)), stepLogits);
                }
            }
        }
        int[][] result = new int[b][];
        for (int r = 0; r < b; r++) result[r] = out.get(r).stream().mapToInt(Integer::intValue).toArray();
        return result;
    }

    /** The argmax of each row's logits (rows, 1, vocabulary). */
    private static int[] argMax(NDArray logits, List<float[]> record) {
        if (record != null) record.add(Ops.toFloats(logits));
        long[] idx = logits.argMax(-1).toType(DataType.INT64, false).toLongArray();
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) out[i] = (int) idx[i];
        return out;
    }

    long parameterCount() {
        return weights.count();
    }

    @Override
    public void close() {
        weights.close();
    }
}

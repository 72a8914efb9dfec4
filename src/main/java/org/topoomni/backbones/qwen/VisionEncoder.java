package org.topoomni.backbones.qwen;

import org.topoomni.nn.Scalar;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.topoomni.model.LayerHook;
import org.topoomni.model.LayerSite;
import org.topoomni.model.TokenMap;

import java.util.ArrayList;
import java.util.List;

/**
 * The Thinker's vision encoder (transformers' {@code Qwen2_5OmniVisionEncoder}).
 *
 * <p>An image arrives as the processor's flattened patches, {@code (t*h*w, 1176)}, in the
 * processor's row order: the merged 2 x 2 blocks in raster order over the merged grid, the four
 * patches of a block in raster order, frame after frame. The patch embedding is a Conv3d whose
 * stride equals its kernel, once per row. Blocks are pre-RMSNorm transformers with
 * 2-D rotary positions (the first half of each rotary pair is the patch row, the second its
 * column) and a SwiGLU MLP with biases; all blocks but those of {@code fullatt_block_indexes}
 * attend only within windows of {@code window_size} pixels (4 x 4 merged tokens for 112 px),
 * the others within a whole frame. The merger (RMSNorm, four patch rows concatenated, Linear,
 * GELU, Linear) gives one token per merged block, in raster order: the image's {@code <|IMAGE|>}
 * embeddings.
 *
 * <p>transformers reorders the patches into window order before the first block and back after
 * the merger; attention is the only step where the order matters, so here the hidden states stay
 * in the processor's row order throughout and each attention gathers its windows. Every block's
 * output, the one the hook sees, is therefore {@code (images, patches, hidden)} in the processor's
 * row order (images of different sizes are padded with rows that {@code valid} marks 0).
 */
final class VisionEncoder {
    static final String STACK = "vision";

    /** One image (or video clip): its flattened patches and its grid in patches. */
    record Image(float[] patches, int t, int h, int w) {
        Image {
            if (t < 1 || h < 1 || w < 1) throw new IllegalArgumentException("image grid must be positive, got " + t + " x " + h + " x " + w);
        }

        int rows() { return t * h * w; }
    }

    private final QwenConfig.Vision c;
    private final QwenWeights w;
    private final float[] invFreq;

    VisionEncoder(NDManager m, QwenConfig.Vision c, QwenWeights w) {
        this.c = c;
        this.w = w;
        // 1 / 10000^(arange(0, d, 2) / d) with d = head_dim / 2, computed by the engine in float32 like torch.
        int d = c.headDim() / 2;
        try (NDManager s = m.newSubManager()) {
            NDArray exponent = Scalar.div(s.arange(0, d, 2, DataType.FLOAT32), d);
            invFreq = s.full(exponent.getShape(), 10000f).pow(exponent).getNDArrayInternal().rdiv(1f).toFloatArray();
        }
    }

    /** The merged-token order of windowed attention for one frame of merged size gh x gw (transformers' window_index). */
    static int[] windowIndex(int gh, int gw, int win) {
        int nh = (gh + win - 1) / win, nw = (gw + win - 1) / win;
        int[] out = new int[gh * gw];
        int k = 0;
        for (int wy = 0; wy < nh; wy++)
            for (int wx = 0; wx < nw; wx++)
                for (int y = wy * win; y < Math.min(gh, (wy + 1) * win); y++)
                    for (int x = wx * win; x < Math.min(gw, (wx + 1) * win); x++) out[k++] = y * gw + x;
        return out;
    }

    /** Sizes of the windows of one frame, in merged tokens, in window order. */
    static int[] windowSizes(int gh, int gw, int win) {
        int nh = (gh + win - 1) / win, nw = (gw + win - 1) / win;
        int[] out = new int[nh * nw];
        for (int wy = 0; wy < nh; wy++)
            for (int wx = 0; wx < nw; wx++)
                out[wy * nw + wx] = (Math.min(gh, (wy + 1) * win) - wy * win) * (Math.min(gw, (wx + 1) * win) - wx * win);
        return out;
    }

    /**
     * Runs the encoder on images, calling the hook after every block.
     *
     * @param items the batch item of each image (for the hook's TokenMap)
     * @return per image, its merged tokens (tokens, out_hidden) in raster order
     */
    List<NDArray> forward(NDManager m, List<Image> images, int[] items, LayerHook hook) {
        int n = images.size(), pv = c.patchValues(), mu = c.merge() * c.merge();
        int maxRows = 0;
        for (Image im : images) {
            if (im.patches().length != im.rows() * pv) {
                throw new IllegalArgumentException("image has " + im.patches().length + " patch values; its grid " + im.t() + " x " + im.h() + " x " + im.w() + " needs " + im.rows() * pv);
            }
            if (im.h() % c.merge() != 0 || im.w() % c.merge() != 0) {
                throw new IllegalArgumentException("image grid " + im.h() + " x " + im.w() + " patches is not a multiple of the merge size " + c.merge());
            }
            maxRows = Math.max(maxRows, im.rows());
        }
        float[] flat = new float[n * maxRows * pv];
        float[] valid = new float[n * maxRows];
        for (int i = 0; i < n; i++) {
            Image im = images.get(i);
            System.arraycopy(im.patches(), 0, flat, i * maxRows * pv, im.patches().length);
            for (int r = 0; r < im.rows(); r++) valid[i * maxRows + r] = 1f;
        }
        long d = c.hidden();
        NDArray pix = m.create(flat, new Shape(n, maxRows, pv));
        NDArray x = patchEmbed(pix, n, maxRows);
        NDArray[] rope = rotary(m, images, maxRows);
        Segments windowed = segments(m, images, maxRows, true), full = segments(m, images, maxRows, false);
        TokenMap tokens = new TokenMap(items, valid, maxRows);
        for (int l = 0; l < c.depth(); l++) {
            x = block(l, x, rope, c.fullAttention(l) ? full : windowed);
            x = hook.apply(new LayerSite(STACK, l), x, tokens);
        }
        NDArray merged = merger(x, n, maxRows);
        List<NDArray> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(merged.get(i).get(new NDIndex("0:" + images.get(i).rows() / mu)));
        return out;
    }

    /**
     * The patch embedding, transformers' Conv3d whose stride is its kernel: each patch row viewed
     * as (channels, temporal, patch, patch) and convolved once (the same libtorch kernel, so the
     * same float32 sums as transformers; a matmul on the 1176-long rows equals it up to rounding).
     */
    private NDArray patchEmbed(NDArray pix, int n, int rows) {
        NDArray kernel = w.get("visual.patch_embed.proj.weight");
        Shape k = kernel.getShape();
        NDArray cells = pix.reshape((long) n * rows, k.get(1), k.get(2), k.get(3), k.get(4));
        NDArray y = ai.djl.nn.convolutional.Conv3d.conv3d(cells, kernel, null, new Shape(k.get(2), k.get(3), k.get(4))).singletonOrThrow();
        return y.reshape(n, rows, c.hidden());
    }

    /** One block on (images, rows, hidden) hidden states. */
    NDArray block(int l, NDArray x, NDArray[] rope, Segments seg) {
        String p = "visual.blocks." + l + ".";
        int n = (int) x.getShape().get(0), rows = (int) x.getShape().get(1);
        NDArray a = Ops.rmsNorm(x, w.get(p + "norm1.weight"), 1e-6f);
        x = x.add(attention(a, p, rope, seg, n, rows));
        NDArray h = Ops.rmsNorm(x, w.get(p + "norm2.weight"), 1e-6f);
        NDArray g = Ops.act(c.act(), Ops.linear(h, w.get(p + "mlp.gate_proj.weight"), w.get(p + "mlp.gate_proj.bias")));
        NDArray u = Ops.linear(h, w.get(p + "mlp.up_proj.weight"), w.get(p + "mlp.up_proj.bias"));
        return x.add(Ops.linear(g.mul(u), w.get(p + "mlp.down_proj.weight"), w.get(p + "mlp.down_proj.bias")));
    }

    /** What one block needs besides its input: rotary tables and the attention segments of a set of images. */
    record Layout(NDArray[] rope, Segments windowed, Segments full) {}

    Layout layout(NDManager m, List<Image> images) {
        int maxRows = 0;
        for (Image im : images) maxRows = Math.max(maxRows, im.rows());
        return new Layout(rotary(m, images, maxRows), segments(m, images, maxRows, true), segments(m, images, maxRows, false));
    }

    /** The patch merger: RMSNorm, every 4 consecutive rows concatenated, Linear, GELU, Linear. */
    NDArray merger(NDArray x, int n, int rows) {
        int mu = c.merge() * c.merge();
        NDArray h = Ops.rmsNorm(x, w.get("visual.merger.ln_q.weight"), 1e-6f).reshape(n, rows / mu, c.hidden() * (long) mu);
        h = Ops.act("gelu", Ops.linear(h, w.get("visual.merger.mlp.0.weight"), w.get("visual.merger.mlp.0.bias")));
        return Ops.linear(h, w.get("visual.merger.mlp.2.weight"), w.get("visual.merger.mlp.2.bias"));
    }

    /** Rotary cos and sin per row, (images, rows, 1, head_dim). */
    private NDArray[] rotary(NDManager m, List<Image> images, int maxRows) {
        int hd = c.headDim(), q = hd / 4, n = images.size();
        float[] angles = new float[n * maxRows * hd];
        for (int i = 0; i < n; i++) {
            Image im = images.get(i);
            int[][] pos = patchPositions(im, c.merge());
            for (int r = 0; r < im.rows(); r++) {
                int off = (i * maxRows + r) * hd;
                for (int j = 0; j < q; j++) {
                    float ah = pos[r][0] * invFreq[j], aw = pos[r][1] * invFreq[j];
                    angles[off + j] = ah;
                    angles[off + q + j] = aw;
                    angles[off + 2 * q + j] = ah;
                    angles[off + 3 * q + j] = aw;
                }
            }
        }
        return Ops.cosSin(m, angles, n, maxRows, 1, hd);
    }

    /** (row, column) of each patch in the processor's row order. */
    static int[][] patchPositions(Image im, int merge) {
        int[][] pos = new int[im.rows()][2];
        int gw = im.w() / merge, k = 0;
        for (int f = 0; f < im.t(); f++)
            for (int by = 0; by < im.h() / merge; by++)
                for (int bx = 0; bx < gw; bx++)
                    for (int my = 0; my < merge; my++)
                        for (int mx = 0; mx < merge; mx++) {
                            pos[k][0] = by * merge + my;
                            pos[k][1] = bx * merge + mx;
                            k++;
                        }
        return pos;
    }

    private Segments segments(NDManager m, List<Image> images, int maxRows, boolean windowed) {
        int mu = c.merge() * c.merge(), win = c.windowMerged();
        List<int[]> segs = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            Image im = images.get(i);
            int gh = im.h() / c.merge(), gw = im.w() / c.merge(), frame = im.h() * im.w();
            for (int f = 0; f < im.t(); f++) {
                int base = i * maxRows + f * frame;
                if (!windowed) {
                    int[] s = new int[frame];
                    for (int r = 0; r < frame; r++) s[r] = base + r;
                    segs.add(s);
                    continue;
                }
                int[] order = windowIndex(gh, gw, win), sizes = windowSizes(gh, gw, win);
                int k = 0;
                for (int size : sizes) {
                    int[] s = new int[size * mu];
                    for (int j = 0; j < size; j++) for (int u = 0; u < mu; u++) s[j * mu + u] = base + order[k + j] * mu + u;
                    k += size;
                    segs.add(s);
                }
            }
        }
        return Segments.of(m, segs, images.size() * maxRows);
    }

    private NDArray attention(NDArray a, String p, NDArray[] rope, Segments seg, int n, int rows) {
        int heads = c.heads(), hd = c.headDim();
        long d = c.hidden();
        NDArray q = Ops.linear(a, w.get(p + "attn.q.weight"), w.get(p + "attn.q.bias")).reshape(n, rows, heads, hd);
        NDArray k = Ops.linear(a, w.get(p + "attn.k.weight"), w.get(p + "attn.k.bias")).reshape(n, rows, heads, hd);
        NDArray v = Ops.linear(a, w.get(p + "attn.v.weight"), w.get(p + "attn.v.bias")).reshape(n, rows, heads, hd);
        q = Ops.rotary(q, rope[0], rope[1]);
        k = Ops.rotary(k, rope[0], rope[1]);
        NDArray o = seg.attend(q.reshape((long) n * rows, heads, hd), k.reshape((long) n * rows, heads, hd), v.reshape((long) n * rows, heads, hd),
                (float) Math.pow(hd, -0.5)).reshape(n, rows, d);
        return Ops.linear(o, w.get(p + "attn.proj.weight"), w.get(p + "attn.proj.bias"));
    }
}

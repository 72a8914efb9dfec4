package org.topoomni.backbones.qwen;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
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
 * patches of a block in raster order, frame after frame. The patch embedding (a Conv3d whose
 * stride equals its kernel) is a matmul on those rows. Blocks are pre-RMSNorm transformers with
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
    private final NDArray patchWeight; // the Conv3d kernel as a (hidden, 1176) matrix, a view in the weights' manager

    VisionEncoder(NDManager m, QwenConfig.Vision c, QwenWeights w) {
        this.c = c;
        this.w = w;
        this.patchWeight = w.get("visual.patch_embed.proj.weight").reshape(c.hidden(), c.patchValues());
        // 1 / 10000^(arange(0, d, 2) / d) with d = head_dim / 2, computed by the engine in float32 like torch.
        int d = c.headDim() / 2;
        try (NDManager s = m.newSubManager()) {
            NDArray exponent = s.arange(0, d, 2, DataType.FLOAT32).div((float) d);
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
        NDArray x = Ops.linear(pix, patchWeight, null);
        NDArray[] rope = rotary(m, images, maxRows);
        Segments windowed = segments(m, images, maxRows, true), full = segments(m, images, maxRows, false);
        TokenMap tokens = new TokenMap(items, valid, maxRows);
        for (int l = 0; l < c.depth(); l++) {
            String p = "visual.blocks." + l + ".";
            Segments seg = c.fullAttention(l) ? full : windowed;
            NDArray a = Ops.rmsNorm(x, w.get(p + "norm1.weight"), 1e-6f);
            x = x.add(attention(a, p, rope, seg, n, maxRows));
            NDArray h = Ops.rmsNorm(x, w.get(p + "norm2.weight"), 1e-6f);
            NDArray g = Ops.act(c.act(), Ops.linear(h, w.get(p + "mlp.gate_proj.weight"), w.get(p + "mlp.gate_proj.bias")));
            NDArray u = Ops.linear(h, w.get(p + "mlp.up_proj.weight"), w.get(p + "mlp.up_proj.bias"));
            x = x.add(Ops.linear(g.mul(u), w.get(p + "mlp.down_proj.weight"), w.get(p + "mlp.down_proj.bias")));
            x = hook.apply(new LayerSite(STACK, l), x, tokens);
        }
        NDArray merged = merger(x, n, maxRows);
        List<NDArray> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(merged.get(i).get(new NDIndex("0:" + images.get(i).rows() / mu)));
        return out;
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

    /**
     * Which rows attend to each other: segments of at most {@code length} rows, gathered from the
     * flat (images x rows) layout, and where each row's result lies among them. A layout whose
     * segments are its images themselves needs no gathering ({@code in == null}).
     */
    private record Segments(int count, int length, NDArray in, NDArray back, NDArray keyMask) {}

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
        int len = 0;
        for (int[] s : segs) len = Math.max(len, s.length);
        boolean identity = !windowed && segs.size() == images.size() && len == maxRows;
        for (int i = 0; identity && i < segs.size(); i++) identity = segs.get(i).length == maxRows;
        float[] mask = new float[segs.size() * len];
        for (int s = 0; s < segs.size(); s++) for (int j = segs.get(s).length; j < len; j++) mask[s * len + j] = Ops.MASKED;
        NDArray keyMask = m.create(mask, new Shape(segs.size(), 1, 1, len));
        if (identity) return new Segments(segs.size(), len, null, null, keyMask);
        int total = images.size() * maxRows;
        long[] in = new long[segs.size() * len];
        long[] back = new long[total];
        java.util.Arrays.fill(in, total);                 // padding slots read an all-zero row
        java.util.Arrays.fill(back, (long) segs.size() * len); // padding rows read an all-zero result
        for (int s = 0; s < segs.size(); s++) {
            int[] rows = segs.get(s);
            for (int j = 0; j < rows.length; j++) {
                in[s * len + j] = rows[j];
                back[rows[j]] = (long) s * len + j;
            }
        }
        return new Segments(segs.size(), len, m.create(in), m.create(back), keyMask);
    }

    private NDArray attention(NDArray a, String p, NDArray[] rope, Segments seg, int n, int rows) {
        int heads = c.heads(), hd = c.headDim();
        long d = c.hidden();
        NDArray q = Ops.linear(a, w.get(p + "attn.q.weight"), w.get(p + "attn.q.bias")).reshape(n, rows, heads, hd);
        NDArray k = Ops.linear(a, w.get(p + "attn.k.weight"), w.get(p + "attn.k.bias")).reshape(n, rows, heads, hd);
        NDArray v = Ops.linear(a, w.get(p + "attn.v.weight"), w.get(p + "attn.v.bias")).reshape(n, rows, heads, hd);
        q = Ops.rotary(q, rope[0], rope[1]);
        k = Ops.rotary(k, rope[0], rope[1]);
        NDArray o;
        float scale = (float) Math.pow(hd, -0.5);
        if (seg.in() == null) {
            o = Ops.attention(q.transpose(0, 2, 1, 3), k.transpose(0, 2, 1, 3), v.transpose(0, 2, 1, 3), null, scale)
                    .transpose(0, 2, 1, 3).reshape(n, rows, d);
        } else {
            NDArray qs = gather(q, seg), ks = gather(k, seg), vs = gather(v, seg);
            NDArray r = Ops.attention(qs, ks, vs, seg.keyMask(), scale)    // (segments, heads, len, hd)
                    .transpose(0, 2, 1, 3).reshape((long) seg.count() * seg.length(), d);
            NDArray padded = NDArrays.concat(new NDList(r, r.getManager().zeros(new Shape(1, d))), 0);
            o = padded.get(new NDIndex("{}", seg.back())).reshape(n, rows, d);
        }
        return Ops.linear(o, w.get(p + "attn.proj.weight"), w.get(p + "attn.proj.bias"));
    }

    /** (images, rows, heads, hd) -> (segments, heads, len, hd) through the segment table. */
    private static NDArray gather(NDArray x, Segments seg) {
        Shape s = x.getShape();
        long heads = s.get(2), hd = s.get(3);
        NDArray flat = x.reshape(s.get(0) * s.get(1), heads * hd);
        NDArray padded = NDArrays.concat(new NDList(flat, x.getManager().zeros(new Shape(1, heads * hd))), 0);
        return padded.get(new NDIndex("{}", seg.in())).reshape(seg.count(), seg.length(), heads, hd).transpose(0, 2, 1, 3);
    }
}

package org.topoomni.backbones.qwen;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

import java.util.Arrays;
import java.util.List;

/**
 * Block-diagonal attention without a full mask: the rows of a flat (items x rows) layout that
 * attend to each other (a vision window, a frame, an audio chunk) are gathered into segments of
 * at most {@code length} rows, attended within, and gathered back. transformers runs the same
 * attention per segment (or with a block-diagonal mask); either way a row sees exactly its
 * segment. Layouts whose segments are consecutive equal blocks need no gathering.
 *
 * @param in      (count * length) flat row per segment slot, the last index (an all-zero row) for unused slots
 * @param back    (total rows) slot of each row, the last index (an all-zero result) for rows in no segment
 * @param keyMask additive (count, 1, 1, length): 0 for used slots
 */
record Segments(int count, int length, int total, NDArray in, NDArray back, NDArray keyMask) {

    /** Segments of rows of a flat layout of {@code total} rows. */
    static Segments of(NDManager m, List<int[]> segs, int total) {
        int len = 0;
        for (int[] s : segs) len = Math.max(len, s.length);
        boolean identity = (long) segs.size() * len == total;
        for (int s = 0; identity && s < segs.size(); s++) {
            int[] rows = segs.get(s);
            if (rows.length != len) identity = false;
            for (int j = 0; identity && j < rows.length; j++) identity = rows[j] == s * len + j;
        }
        float[] mask = new float[segs.size() * len];
        for (int s = 0; s < segs.size(); s++) for (int j = segs.get(s).length; j < len; j++) mask[s * len + j] = Ops.MASKED;
        NDArray keyMask = m.create(mask, new Shape(segs.size(), 1, 1, len));
        if (identity) return new Segments(segs.size(), len, total, null, null, keyMask);
        long[] in = new long[segs.size() * len];
        long[] back = new long[total];
        Arrays.fill(in, total);
        Arrays.fill(back, (long) segs.size() * len);
        for (int s = 0; s < segs.size(); s++) {
            int[] rows = segs.get(s);
            for (int j = 0; j < rows.length; j++) {
                in[s * len + j] = rows[j];
                back[rows[j]] = (long) s * len + j;
            }
        }
        return new Segments(segs.size(), len, total, m.create(in), m.create(back), keyMask);
    }

    /**
     * softmax(q k^T * scale) v within each segment.
     *
     * @param q, k, v (total rows, heads, head_dim)
     * @return (total rows, heads * head_dim); rows in no segment are 0
     */
    NDArray attend(NDArray q, NDArray k, NDArray v, float scale) {
        long heads = q.getShape().get(1), hd = q.getShape().get(2);
        NDArray o = Ops.attention(gather(q), gather(k), gather(v), in == null ? null : keyMask, scale) // (count, heads, length, hd)
                .transpose(0, 2, 1, 3).reshape((long) count * length, heads * hd);
        if (back == null) return o;
        NDArray padded = NDArrays.concat(new NDList(o, o.getManager().zeros(new Shape(1, heads * hd))), 0);
        return padded.get(new NDIndex("{}", back));
    }

    private NDArray gather(NDArray x) {
        long heads = x.getShape().get(1), hd = x.getShape().get(2);
        if (in == null) return x.reshape(count, length, heads, hd).transpose(0, 2, 1, 3);
        NDArray flat = x.reshape(total, heads * hd);
        NDArray padded = NDArrays.concat(new NDList(flat, x.getManager().zeros(new Shape(1, heads * hd))), 0);
        return padded.get(new NDIndex("{}", in)).reshape(count, length, heads, hd).transpose(0, 2, 1, 3);
    }
}

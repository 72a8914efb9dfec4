package org.topoomni.model;

/**
 * Which batch item each row of a stack's activations belongs to, and which of its tokens are
 * real (not padding). A stack that only some items use (vision for items with an image) has
 * fewer rows than the batch.
 *
 * @param items  for each row, its batch item
 * @param valid  rows x tokens, 1 for a real token, 0 for padding (row-major)
 * @param tokens tokens per row
 */
public record TokenMap(int[] items, float[] valid, int tokens) {
    public int rows() {
        return items.length;
    }

    /** All tokens of all rows real. */
    public static TokenMap full(int[] items, int tokens) {
        float[] v = new float[items.length * tokens];
        java.util.Arrays.fill(v, 1f);
        return new TokenMap(items, v, tokens);
    }
}

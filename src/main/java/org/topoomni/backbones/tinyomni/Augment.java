package org.topoomni.backbones.tinyomni;

import java.util.SplittableRandom;

/**
 * Label-preserving variation for pretraining, seeded per (step, item): images are flipped
 * left-right half of the time and shifted by up to 1/8 of their size (edges repeated); sounds are
 * shifted in time by up to 10% of their frames (circularly). Plain text is left as it is.
 */
public final class Augment {
    private Augment() {}

    public static Example apply(Example e, int imageSize, int frames, int bands, SplittableRandom rng) {
        if (e.plainText()) return e;
        float[] img = e.image() == null ? null : image(e.image(), imageSize, rng);
        float[] mel = e.mel() == null ? null : mel(e.mel(), frames, bands, rng);
        return Example.chat(img, mel, e.prompt(), e.answer());
    }

    static float[] image(float[] chw, int size, SplittableRandom rng) {
        boolean flip = rng.nextBoolean();
        int max = Math.max(1, size / 8);
        int dx = rng.nextInt(2 * max + 1) - max, dy = rng.nextInt(2 * max + 1) - max;
        float[] out = new float[chw.length];
        int plane = size * size;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < size; y++) {
                int sy = Math.min(size - 1, Math.max(0, y - dy));
                for (int x = 0; x < size; x++) {
                    int sx = Math.min(size - 1, Math.max(0, x - dx));
                    if (flip) sx = size - 1 - sx;
                    out[c * plane + y * size + x] = chw[c * plane + sy * size + sx];
                }
            }
        }
        return out;
    }

    static float[] mel(float[] mel, int frames, int bands, SplittableRandom rng) {
        int max = Math.max(1, frames / 10);
        int shift = rng.nextInt(2 * max + 1) - max;
        float[] out = new float[mel.length];
        for (int f = 0; f < frames; f++) {
            int src = Math.floorMod(f - shift, frames);
            System.arraycopy(mel, src * bands, out, f * bands, bands);
        }
        return out;
    }
}

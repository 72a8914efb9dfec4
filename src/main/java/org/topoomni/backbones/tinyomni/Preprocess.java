package org.topoomni.backbones.tinyomni;

import org.topoomni.stimuli.Audio;
import org.topoomni.stimuli.LogMel;
import org.topoomni.stimuli.Images;

import java.awt.image.BufferedImage;

/**
 * Turns stimuli into model inputs. Images: resized to the model's square size (bilinear, with
 * an area pre-shrink), RGB scaled to [0, 1], then (x - 0.5) / 0.25, channel-major. Sounds:
 * resampled to 16 kHz, log-mel (25 ms / 10 ms, 64 bands; {@link LogMel}), padded or cut to the
 * model's frame count (padding with the clip's quietest value), then standardised over the whole clip (zero mean, unit variance).
 */
public final class Preprocess {
    private Preprocess() {}

    public static float[] image(BufferedImage img, int size) {
        BufferedImage scaled = Images.square(img, size);
        float[] out = new float[3 * size * size];
        int plane = size * size;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int rgb = scaled.getRGB(x, y);
                int i = y * size + x;
                out[i] = (((rgb >> 16) & 0xff) / 255f - 0.5f) / 0.25f;
                out[plane + i] = (((rgb >> 8) & 0xff) / 255f - 0.5f) / 0.25f;
                out[2 * plane + i] = ((rgb & 0xff) / 255f - 0.5f) / 0.25f;
            }
        }
        return out;
    }

    /** Log-mel features, frames x bands (row-major), exactly {@code frames} frames. */
    public static float[] audio(Audio audio, int frames, int bands) {
        return LogMel.standardisedFrames(audio, frames, bands);
    }
}

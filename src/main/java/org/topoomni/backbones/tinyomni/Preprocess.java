package org.topoomni.backbones.tinyomni;

import org.topoomni.stimuli.Audio;
import org.topoomni.stimuli.LogMel;
import org.topoomni.stimuli.Resampler;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Turns stimuli into model inputs. Images: resized to the model's square size (bilinear, with
 * an area pre-shrink), RGB scaled to [0, 1], then (x - 0.5) / 0.25, channel-major. Sounds:
 * resampled to 16 kHz, log-mel (25 ms / 10 ms, 64 bands; {@link LogMel}), padded or cut to the
 * model's frame count (padding with the clip's quietest value), then standardised over the whole clip (zero mean, unit variance).
 */
public final class Preprocess {
    private static final LogMel LOG_MEL = new LogMel();

    private Preprocess() {}

    public static float[] image(BufferedImage img, int size) {
        if (img == null) throw new IllegalArgumentException("no image");
        BufferedImage src = img;
        while (src.getWidth() >= 2 * size && src.getHeight() >= 2 * size) src = scale(src, src.getWidth() / 2, src.getHeight() / 2);
        BufferedImage scaled = scale(src, size, size);
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

    private static BufferedImage scale(BufferedImage src, int w, int h) {
        BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return dst;
    }

    /** Log-mel features, frames x bands (row-major), exactly {@code frames} frames. */
    public static float[] audio(Audio audio, int frames, int bands) {
        if (audio == null) throw new IllegalArgumentException("no audio");
        if (bands != LOG_MEL.mels()) throw new IllegalArgumentException("the front end has " + LOG_MEL.mels() + " mel bands; the model wants " + bands);
        Audio a = audio.sampleRate() == LogMel.SAMPLE_RATE ? audio : Resampler.resample(audio, LogMel.SAMPLE_RATE);
        float[][] mel = LOG_MEL.compute(a);
        float[] out = new float[frames * bands];
        double sum = 0, sq = 0;
        int n = Math.min(frames, mel.length);
        float floor = Float.POSITIVE_INFINITY; // pad with the clip's quietest value
        for (int f = 0; f < n; f++) for (int b = 0; b < bands; b++) floor = Math.min(floor, mel[f][b]);
        if (n == 0) floor = (float) Math.log(LogMel.FLOOR);
        for (int f = 0; f < frames; f++) {
            for (int b = 0; b < bands; b++) {
                float v = f < n ? mel[f][b] : floor;
                out[f * bands + b] = v;
                sum += v;
                sq += (double) v * v;
            }
        }
        double mean = sum / out.length, sd = Math.sqrt(Math.max(sq / out.length - mean * mean, 0));
        float scale = sd > 1e-6 ? (float) (1 / sd) : 1f;
        for (int i = 0; i < out.length; i++) out[i] = (float) ((out[i] - mean) * scale);
        return out;
    }
}

package org.topoomni.stimuli.auditory;

import org.topoomni.stimuli.Audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shared checks of the auditory tests. */
final class AudioChecks {
    private AudioChecks() {}

    /** The PCM as little-endian float32 bytes (what "byte-identical" compares). */
    static byte[] pcmBytes(Audio a) {
        ByteBuffer b = ByteBuffer.allocate(4 * a.samples().length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : a.samples()) b.putFloat(v);
        return b.array();
    }

    static String sha256(Audio a) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pcmBytes(a)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Right rate and length, finite, no clipping, not silent. */
    static void assertValidClip(Audio a, int sampleRate, double seconds, String what) {
        assertEquals(sampleRate, a.sampleRate(), what + ": sample rate");
        assertEquals(Math.round(sampleRate * seconds), a.samples().length, what + ": sample count");
        for (float v : a.samples()) {
            assertTrue(Float.isFinite(v), what + ": non-finite sample");
            assertTrue(Math.abs(v) <= 1.0f, what + ": clipped sample " + v);
        }
        double db = AudioOps.dbfs(AudioOps.rms(a.samples()));
        assertTrue(db > -45, what + ": nearly silent (" + db + " dBFS)");
    }

    /** Fraction of 20 ms frames whose RMS is within 30 dB of the loudest frame. */
    static double activeFraction(Audio a) {
        double[] e = Spectra.envelope(a.samples(), a.sampleRate() / 50);
        double max = 0;
        for (double v : e) max = Math.max(max, v);
        int on = 0;
        for (double v : e) if (v > max * 0.0316) on++;
        return (double) on / e.length;
    }

    static float[] sine(double f, double amp, int sr, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (amp * Math.sin(2 * Math.PI * f * i / sr));
        return x;
    }
}

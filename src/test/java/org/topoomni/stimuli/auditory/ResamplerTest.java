package org.topoomni.stimuli.auditory;

import org.junit.jupiter.api.Test;
import org.topoomni.stimuli.Audio;
import org.topoomni.stimuli.Resampler;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared windowed-sinc resampler as the speech generator uses it: espeak-ng's 22,050 Hz to 16,000 Hz. */
class ResamplerTest {
    private static final int IN = 22_050, OUT = 16_000;

    private static double rmsMiddle(float[] y) {
        return AudioOps.rms(Arrays.copyOfRange(y, y.length / 4, 3 * y.length / 4));
    }

    @Test
    void keepsFrequencyAndAmplitudeOfA1kHzSine() {
        float[] x = AudioChecks.sine(1000, 0.5, IN, IN); // 1 s
        float[] y = Resampler.resample(x, IN, OUT);
        assertEquals(OUT, y.length);
        assertEquals(1000, Spectra.peakFrequency(Arrays.copyOfRange(y, 2000, 14000), OUT), 1.0);
        assertEquals(0.5 / Math.sqrt(2), rmsMiddle(y), 0.005 * 0.5); // within 1%
        // and matches the ideal 16 kHz sine sample by sample away from the edges
        float[] ideal = AudioChecks.sine(1000, 0.5, OUT, OUT);
        double err = 0;
        for (int i = 1000; i < OUT - 1000; i++) err = Math.max(err, Math.abs(y[i] - ideal[i]));
        assertTrue(err < 0.005, "max deviation from the ideal sine " + err);
    }

    @Test
    void attenuatesWhatLiesAboveTheNewNyquistFrequency() {
        for (double f : new double[] {8_500, 9_000, 10_000}) {
            float[] y = Resampler.resample(AudioChecks.sine(f, 0.5, IN, IN), IN, OUT);
            double att = AudioOps.dbfs(rmsMiddle(y) / (0.5 / Math.sqrt(2)));
            assertTrue(att < -60, f + " Hz leaks through at " + att + " dB (it would alias to " + (OUT - f) + " Hz)");
        }
        // while a component just inside the pass band survives
        float[] y = Resampler.resample(AudioChecks.sine(6_000, 0.5, IN, IN), IN, OUT);
        assertEquals(0.5 / Math.sqrt(2), rmsMiddle(y), 0.02 * 0.5);
    }

    @Test
    void outputLengthFollowsTheRateRatioAndBadRatesAreRejected() {
        assertEquals(Math.round(44_100.0 * OUT / IN), Resampler.resample(new float[44_100], IN, OUT).length);
        Audio a = Resampler.resample(new Audio(new float[IN], IN), OUT);
        assertEquals(OUT, a.sampleRate());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Resampler.resample(new float[10], 0, OUT));
        assertTrue(e.getMessage().contains("positive"));
    }
}

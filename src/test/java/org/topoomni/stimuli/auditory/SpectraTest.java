package org.topoomni.stimuli.auditory;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpectraTest {
    @Test
    void fftMatchesADirectDft() {
        SplittableRandom rng = new SplittableRandom(1);
        int n = 64;
        double[] re = new double[n], im = new double[n], x = new double[n];
        for (int i = 0; i < n; i++) x[i] = re[i] = rng.nextDouble() - 0.5;
        Spectra.fft(re, im);
        for (int k = 0; k < n; k++) {
            double sr = 0, si = 0;
            for (int t = 0; t < n; t++) { sr += x[t] * Math.cos(-2 * Math.PI * k * t / n); si += x[t] * Math.sin(-2 * Math.PI * k * t / n); }
            assertEquals(sr, re[k], 1e-9);
            assertEquals(si, im[k], 1e-9);
        }
        assertThrows(IllegalArgumentException.class, () -> Spectra.fft(new double[6], new double[6]));
    }

    @Test
    void peakFrequencyAndBands() {
        assertEquals(1234.5, Spectra.peakFrequency(AudioChecks.sine(1234.5, 0.3, 16_000, 8000), 16_000), 0.5);
        double[] psd = Spectra.welch(AudioChecks.sine(1000, 0.5, 16_000, 16_000), 512);
        double[] centres = Spectra.thirdOctaveCentres(100, 7000);
        double[] bands = Spectra.bandPowers(psd, 16_000, centres);
        int best = 0;
        for (int b = 0; b < bands.length; b++) if (bands[b] > bands[best]) best = b;
        assertEquals(1000, centres[best], 1e-9);
        assertEquals(1.0, Spectra.pearson(new double[] {1, 2, 3}, new double[] {2, 4, 6}), 1e-12);
        assertEquals(-1.0, Spectra.pearson(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-12);
        assertTrue(Spectra.envelope(new float[100], 10).length == 10);
    }
}

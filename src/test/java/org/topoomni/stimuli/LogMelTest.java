package org.topoomni.stimuli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class LogMelTest {
    private static Audio tone(double f, int rate, double seconds) {
        float[] x = new float[(int) Math.round(rate * seconds)];
        for (int i = 0; i < x.length; i++) x[i] = (float) (0.5 * Math.sin(2 * Math.PI * f * i / rate));
        return new Audio(x, rate);
    }

    @Test
    void shapeIsFramesByMels() {
        LogMel lm = new LogMel();
        float[][] s = lm.compute(tone(1000, 16000, 2.0));
        assertEquals(198, s.length);
        assertEquals(64, s[0].length);
        assertEquals(1, lm.compute(new Audio(new float[100], 16000)).length);
        assertEquals((float) Math.log(LogMel.FLOOR), lm.compute(new Audio(new float[800], 16000))[0][10], 1e-3);
    }

    @Test
    void aOneKilohertzTonePeaksInTheBandCentredNearOneKilohertz() {
        LogMel lm = new LogMel();
        int band = StimulusLoaderTest.peakBand(lm.compute(tone(1000, 16000, 1.0)));
        assertEquals(lm.bandOf(1000), band);
        assertEquals(1000, lm.bandCentreHz(band), 60);
        // the same tone at 44.1 kHz is resampled first and peaks in the same band
        assertEquals(band, StimulusLoaderTest.peakBand(lm.compute(tone(1000, 44100, 1.0))));
        // higher tones peak in higher bands
        int b4k = StimulusLoaderTest.peakBand(lm.compute(tone(4000, 16000, 1.0)));
        int b250 = StimulusLoaderTest.peakBand(lm.compute(tone(250, 16000, 1.0)));
        assertTrue(b250 < band && band < b4k, b250 + " " + band + " " + b4k);
        assertEquals(lm.bandOf(4000), b4k, 1);
    }

    @Test
    void everyFilterSeesSomeEnergyOfWhiteNoise() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        float[] x = new float[16000];
        for (int i = 0; i < x.length; i++) x[i] = (float) (r.nextDouble() - 0.5);
        float[][] s = new LogMel().compute(new Audio(x, 16000));
        for (int m = 0; m < 64; m++) assertTrue(s[50][m] > Math.log(LogMel.FLOOR) + 5, "band " + m + " is empty");
    }

    @Test
    void fftMatchesADirectTransform() {
        double[] re = new double[16], im = new double[16];
        for (int i = 0; i < 16; i++) re[i] = Math.cos(0.3 * i * i) + i % 3;
        double[] re0 = re.clone();
        LogMel.fftInPlace(re, im);
        for (int k = 0; k < 16; k++) {
            double sr = 0, si = 0;
            for (int n = 0; n < 16; n++) {
                sr += re0[n] * Math.cos(-2 * Math.PI * k * n / 16);
                si += re0[n] * Math.sin(-2 * Math.PI * k * n / 16);
            }
            assertEquals(sr, re[k], 1e-9);
            assertEquals(si, im[k], 1e-9);
        }
    }

    @Test
    void badConfigurationIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new LogMel(16000, 400, 160, 300, 64, 0, 8000));
        assertThrows(IllegalArgumentException.class, () -> new LogMel(16000, 400, 160, 512, 64, 0, 9000));
        assertThrows(IllegalArgumentException.class, () -> new LogMel(16000, 400, 0, 512, 64, 0, 8000));
    }
}

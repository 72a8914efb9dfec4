package org.topoomni.stimuli.auditory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.topoomni.stimuli.Audio;
import org.topoomni.stimuli.Resampler;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Quilted speech keeps the duration and long-term spectrum of its source but destroys its order
 * (Overath et al. 2015).
 */
class SpeechQuilterTest {
    private static final int SR = 16_000;
    private static Audio source;

    @BeforeAll
    static void speakASource() {
        Audio raw = Espeak.speak(new Espeak.Request(
                "The old farmer carried a heavy basket of apples to the market before the rain started. "
                        + "Later that evening, his daughter painted the wooden gate near the river.", "en-us+m3", 165, 50));
        float[] x = Resampler.resample(raw.samples(), raw.sampleRate(), SR);
        int start = AudioOps.firstAbove(x, AudioOps.peak(x) * 0.01);
        source = new Audio(Arrays.copyOfRange(x, start, start + 2 * SR), SR); // 2.0 s of running speech
    }

    private static double[] bandDb(Audio a) {
        double[] psd = Spectra.welch(a.samples(), 512);
        return Spectra.toDb(Spectra.bandPowers(psd, a.sampleRate(), Spectra.thirdOctaveCentres(100, 7000)));
    }

    @Test
    void keepsTheExactDuration() {
        for (double ms : new double[] {30, 45, 60, 120, 240, 480, 960}) {
            SpeechQuilter.Quilt q = SpeechQuilter.quiltWithOrder(source, ms, new SplittableRandom(1));
            assertEquals(source.samples().length, q.audio().samples().length, ms + " ms segments");
            assertEquals(SR, q.audio().sampleRate());
            assertEquals(ms, q.segmentMs(), ms * 0.35, "effective segment length for " + ms + " ms");
            int[] sorted = q.order().clone();
            Arrays.sort(sorted);
            assertArrayEquals(IntStream.range(0, sorted.length).toArray(), sorted, "every segment used exactly once");
        }
    }

    @Test
    void keepsTheLongTermSpectrum() {
        double[] src = bandDb(source);
        for (double ms : new double[] {30, 60, 240, 960}) {
            for (long seed = 1; seed <= 3; seed++) {
                Audio q = SpeechQuilter.quilt(source, ms, new SplittableRandom(seed));
                double r = Spectra.pearson(src, bandDb(q));
                assertTrue(r > 0.95, "1/3-octave spectrum of a " + ms + " ms quilt correlates only r = " + r);
            }
        }
        // the check has teeth: a different sound (low-passed noise) does not pass it
        float[] noise = Dsp.lowpass4(Dsp.white(2 * SR, new SplittableRandom(3)), 500, SR);
        assertTrue(Spectra.pearson(src, bandDb(new Audio(noise, SR))) < 0.9);
    }

    @Test
    void destroysTheTemporalOrder() {
        double[] srcEnv = Spectra.envelope(source.samples(), SR / 100); // 10 ms frames
        for (double ms : new double[] {30, 60, 120}) {
            for (long seed = 1; seed <= 3; seed++) {
                SpeechQuilter.Quilt q = SpeechQuilter.quiltWithOrder(source, ms, new SplittableRandom(seed));
                assertTrue(SpeechQuilter.keepsNoSourceNeighbours(q.order()), Arrays.toString(q.order()));
                double r = Spectra.pearson(srcEnv, Spectra.envelope(q.audio().samples(), SR / 100));
                assertTrue(Math.abs(r) < 0.3, ms + " ms quilt: energy envelope still follows the source, r = " + r);
            }
        }
        // the check has teeth: the source against itself shifted by 10 ms still correlates strongly
        float[] shifted = AudioOps.place(source.samples(), source.samples().length, SR / 100);
        assertTrue(Spectra.pearson(srcEnv, Spectra.envelope(shifted, SR / 100)) > 0.6);
        // and long segments too are never left in source order
        for (long seed = 1; seed <= 20; seed++) {
            int[] order = SpeechQuilter.quiltWithOrder(source, 960, new SplittableRandom(seed)).order();
            assertTrue(SpeechQuilter.keepsNoSourceNeighbours(order), Arrays.toString(order));
        }
    }

    @Test
    void crossFadedJoinsSumToOneAndLeaveNoClicks() {
        // a constant source stays exactly constant: the raised-cosine weights sum to one at every join
        float[] dc = new float[SR];
        Arrays.fill(dc, 0.5f);
        float[] q = SpeechQuilter.quilt(new Audio(dc, SR), 30, new SplittableRandom(5)).samples();
        for (float v : q) assertEquals(0.5, v, 1e-6);
        // a pure tone, reordered, has phase jumps at every join; the cross-fades keep the waveform smooth
        float[] tone = AudioChecks.sine(440, 0.9, SR, SR);
        float[] t = SpeechQuilter.quilt(new Audio(tone, SR), 30, new SplittableRandom(5)).samples();
        double maxStep = 0;
        for (int i = 1; i < t.length; i++) maxStep = Math.max(maxStep, Math.abs(t[i] - t[i - 1]));
        double sineStep = 0.9 * 2 * Math.PI * 440 / SR;
        assertTrue(maxStep < 1.5 * sineStep, "largest sample step " + maxStep + " vs " + sineStep + " for the sine itself");
    }

    @Test
    void isDeterministicForTheSameRandomStream() {
        Audio a = SpeechQuilter.quilt(source, 60, new SplittableRandom(11));
        Audio b = SpeechQuilter.quilt(source, 60, new SplittableRandom(11));
        Audio c = SpeechQuilter.quilt(source, 60, new SplittableRandom(12));
        assertArrayEquals(AudioChecks.pcmBytes(a), AudioChecks.pcmBytes(b));
        assertFalse(Arrays.equals(AudioChecks.pcmBytes(a), AudioChecks.pcmBytes(c)));
    }

    @Test
    void rejectsBadArguments() {
        SplittableRandom rng = new SplittableRandom(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpeechQuilter.quilt(source, 20, rng));
        assertTrue(e.getMessage().contains("30.0-960.0 ms"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SpeechQuilter.quilt(source, 1000, rng));
        assertThrows(IllegalArgumentException.class, () -> SpeechQuilter.quilt(source, Double.NaN, rng));
        Audio shortClip = new Audio(new float[SR / 2], SR);
        e = assertThrows(IllegalArgumentException.class, () -> SpeechQuilter.quilt(shortClip, 960, rng));
        assertTrue(e.getMessage().contains("too short"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SpeechQuilter.quilt(null, 60, rng));
        assertNotEquals(null, SpeechQuilter.quilt(source, 960, rng));
    }
}

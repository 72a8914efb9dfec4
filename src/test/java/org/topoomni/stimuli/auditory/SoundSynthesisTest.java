package org.topoomni.stimuli.auditory;

import org.junit.jupiter.api.Test;
import org.topoomni.stimuli.Audio;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The synthesisers behind vocal, non-vocal, animal and ambient sounds, one by one. */
class SoundSynthesisTest {
    private static final int SR = 16_000;

    private static void assertSound(float[] x, String what) {
        assertTrue(x.length > SR / 10, what + ": too short");
        for (float v : x) assertTrue(Float.isFinite(v), what + ": non-finite");
        assertTrue(AudioOps.rms(x) > 0, what + ": silent");
        Audio fin = AudioOps.finish(x, SR, 2 * SR, 160, -20);
        AudioChecks.assertValidClip(fin, SR, 2.0, what);
    }

    @Test
    void everyVocalisationByBothMethods() {
        for (String vocalisation : VocalSounds.VOCALISATIONS) {
            VocalSounds.Made formant = VocalSounds.make(vocalisation, SR, new SplittableRandom(1), false);
            assertEquals("formant", formant.attributes().get("method"));
            assertSound(formant.samples(), "vocal " + vocalisation);
            // voiced: a clear fundamental in the human range shows up as periodicity
            boolean espeak = false;
            for (long seed = 0; seed < 20 && !espeak; seed++) {
                VocalSounds.Made m = VocalSounds.make(vocalisation, SR, new SplittableRandom(seed), true);
                if ("espeak-ng".equals(m.attributes().get("method"))) {
                    espeak = true;
                    assertSound(m.samples(), "espeak vocal " + vocalisation);
                }
            }
            assertTrue(espeak, vocalisation + ": espeak-ng variant never drawn");
        }
        assertThrows(IllegalArgumentException.class, () -> VocalSounds.make("sneeze", SR, new SplittableRandom(1), false));
    }

    @Test
    void everyNonVocalAnimalAndSceneKind() {
        for (String k : EnvironmentalSounds.SOUNDS) assertSound(EnvironmentalSounds.make(k, 2.0, SR, new SplittableRandom(2)), k);
        for (String k : AnimalSounds.ANIMALS) assertSound(AnimalSounds.make(k, 2.0, SR, new SplittableRandom(3)), k);
        for (String k : AmbientScenes.SCENES) assertSound(AmbientScenes.make(k, 2.0, SR, new SplittableRandom(4)), k);
        assertThrows(IllegalArgumentException.class, () -> EnvironmentalSounds.make("laser", 2, SR, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> AnimalSounds.make("unicorn", 2, SR, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> AmbientScenes.make("moon", 2, SR, new SplittableRandom(1)));
    }

    @Test
    void voicedVocalisationsHaveAFundamentalInTheHumanRange() {
        // an "aah" by a man: the autocorrelation peak lies at a period of 1/70 - 1/300 s
        float[] x = VocalSounds.make("aah", SR, new SplittableRandom(8), false).samples();
        float[] mid = Arrays.copyOfRange(x, x.length / 2 - 2048, x.length / 2 + 2048);
        int best = 0;
        double bestR = -1;
        for (int lag = SR / 600; lag <= SR / 60; lag++) {
            double r = 0, e = 0;
            for (int i = 0; i + lag < mid.length; i++) { r += mid[i] * mid[i + lag]; e += mid[i] * mid[i]; }
            if (r / e > bestR) { bestR = r / e; best = lag; }
        }
        double f0 = (double) SR / best;
        assertTrue(bestR > 0.5 && f0 > 70 && f0 < 400, "f0 " + f0 + " Hz, periodicity " + bestR);
    }

    @Test
    void synthesisIsAPureFunctionOfTheRandomStream() {
        for (String k : EnvironmentalSounds.SOUNDS) {
            assertArrayEquals(EnvironmentalSounds.make(k, 2.0, SR, new SplittableRandom(6)), EnvironmentalSounds.make(k, 2.0, SR, new SplittableRandom(6)), k);
        }
        for (String k : VocalSounds.VOCALISATIONS) {
            assertArrayEquals(VocalSounds.make(k, SR, new SplittableRandom(6), true).samples(), VocalSounds.make(k, SR, new SplittableRandom(6), true).samples(), k);
        }
    }
}

package org.topoomni.stimuli.auditory;

import org.junit.jupiter.api.Test;
import org.topoomni.stimuli.Audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EspeakTest {
    @Test
    void espeakNgIsInstalledAndDeterministic() {
        assertTrue(Espeak.available(), "espeak-ng is missing: apt-get install espeak-ng");
        Espeak.Request r = new Espeak.Request("A quiet dog waited near the old bridge.", "en-gb+f3", 160, 40);
        Audio a = Espeak.speak(r), b = Espeak.speak(r);
        assertEquals(22_050, a.sampleRate());
        assertTrue(a.seconds() > 1.0 && a.seconds() < 5, "duration " + a.seconds());
        assertArrayEquals(a.samples(), b.samples());
        assertTrue(AudioOps.rms(a.samples()) > 0.01);
        Audio c = Espeak.speak(new Espeak.Request(r.text(), r.voice(), r.wordsPerMinute(), 70));
        assertFalse(Arrays.equals(a.samples(), c.samples()), "pitch ignored");
    }

    @Test
    void everyConfiguredVoiceSpeaks() {
        List<String> voices = new java.util.ArrayList<>(AuditoryGenerator.ENGLISH_VOICES);
        voices.addAll(AuditoryGenerator.FOREIGN_VOICES);
        for (String v : AuditoryGenerator.VOICE_VARIANTS) if (!v.isEmpty()) voices.add("en-us+" + v);
        for (String v : voices) {
            Audio a = Espeak.speak(new Espeak.Request("Hello there.", v, 175, 50));
            assertTrue(AudioOps.rms(a.samples()) > 0.005, v + " is silent");
        }
    }

    @Test
    void badVoiceOrTextIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Espeak.speak(new Espeak.Request("hello", "xx-nonexistent", 175, 50)));
        assertTrue(e.getMessage().contains("xx-nonexistent"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Espeak.Request(" ", "en-us", 175, 50));
        assertThrows(IllegalArgumentException.class, () -> new Espeak.Request("hi", "en-us; rm -rf /", 175, 50));
        assertThrows(IllegalArgumentException.class, () -> new Espeak.Request("hi", "en-us", 20, 50));
        assertThrows(IllegalArgumentException.class, () -> new Espeak.Request("hi", "en-us", 175, 100));
    }

    @Test
    void parsesStreamedWavsWithPlaceholderSizes() {
        short[] pcm = {0, 1000, -1000, 32767, -32768};
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(0x7ffff024).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(22_050).putInt(44_100).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes()).putInt(0x7ffff000);
        for (short s : pcm) b.putShort(s);
        Audio a = Espeak.parseWav(b.array(), "test");
        assertEquals(22_050, a.sampleRate());
        assertEquals(5, a.samples().length);
        assertEquals(1000 / 32768f, a.samples()[1]);
        assertEquals(-1f, a.samples()[4]);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Espeak.parseWav(new byte[] {1, 2, 3}, "x"));
        assertTrue(e.getMessage().contains("RIFF"));
    }

    @Test
    void sentencesAreVariedEnglish() {
        SentenceGenerator g = new SentenceGenerator();
        SplittableRandom rng = new SplittableRandom(4);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            SentenceGenerator.Sentence s = g.next(rng);
            assertTrue(s.text().matches("[A-Z].*[.?!]"), s.text());
            assertTrue(s.text().split(" ").length >= 4, s.text());
            seen.add(s.text());
        }
        assertTrue(seen.size() >= 45);
        String t = g.text(new SplittableRandom(1), 20);
        assertTrue(t.split("\\s+").length >= 20);
        assertEquals(t, g.text(new SplittableRandom(1), 20));
        assertThrows(IllegalArgumentException.class, () -> new SentenceGenerator(1.5));
    }
}

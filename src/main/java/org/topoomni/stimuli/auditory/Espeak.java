package org.topoomni.stimuli.auditory;

import org.topoomni.stimuli.Audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the espeak-ng speech synthesiser (a formant synthesiser with 100+ voices and languages) as
 * a child process and returns its output as mono PCM at espeak-ng's native rate (22,050 Hz).
 * The text goes through standard input, so any text is safe; text in {@code [[...]]} is read as
 * espeak-ng phonemes (Kirshenbaum notation), which is how the non-speech vocalisations are made.
 * espeak-ng's output is a pure function of its arguments and text, so callers stay deterministic.
 */
public final class Espeak {
    /** Name of the executable, looked up on the PATH. */
    public static final String EXECUTABLE = "espeak-ng";

    private Espeak() {}

    /**
     * What to say and how: voice (e.g. "en-us+f3"), speed in words per minute (80-450), pitch
     * (0-99, espeak-ng's -p) and extra pause between words in units of 10 ms (-g).
     */
    public record Request(String text, String voice, int wordsPerMinute, int pitch, int wordGap10ms) {
        public Request {
            if (text == null || text.isBlank()) throw new IllegalArgumentException("espeak-ng needs a non-empty text");
            if (voice == null || !voice.matches("[A-Za-z0-9_+\\-]+")) {
                throw new IllegalArgumentException("bad espeak-ng voice name: '" + voice + "'");
            }
            if (wordsPerMinute < 80 || wordsPerMinute > 450) {
                throw new IllegalArgumentException("espeak-ng speed must be 80-450 words per minute, got " + wordsPerMinute);
            }
            if (pitch < 0 || pitch > 99) throw new IllegalArgumentException("espeak-ng pitch must be 0-99, got " + pitch);
            if (wordGap10ms < 0 || wordGap10ms > 100) {
                throw new IllegalArgumentException("espeak-ng word gap must be 0-100 (x 10 ms), got " + wordGap10ms);
            }
        }

        public Request(String text, String voice, int wordsPerMinute, int pitch) {
            this(text, voice, wordsPerMinute, pitch, 0);
        }

        List<String> command() {
            List<String> c = new ArrayList<>(List.of(EXECUTABLE, "--stdout", "--stdin", "-b", "1",
                    "-v", voice, "-s", Integer.toString(wordsPerMinute), "-p", Integer.toString(pitch)));
            if (wordGap10ms > 0) c.addAll(List.of("-g", Integer.toString(wordGap10ms)));
            return c;
        }
    }

    /** True when espeak-ng can be started. */
    public static boolean available() {
        try {
            Process p = new ProcessBuilder(EXECUTABLE, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Speaks the request and returns espeak-ng's PCM (22,050 Hz mono). */
    public static Audio speak(Request r) {
        Process p;
        try {
            p = new ProcessBuilder(r.command()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + EXECUTABLE + " (" + e.getMessage()
                    + "); the speech stimuli need it: apt-get install espeak-ng", e);
        }
        byte[] wav, err;
        try {
            try (OutputStream in = p.getOutputStream()) {
                in.write(r.text().getBytes(StandardCharsets.UTF_8));
                in.write('\n');
            }
            try (InputStream out = p.getInputStream()) {
                wav = out.readAllBytes();
            }
            try (InputStream e = p.getErrorStream()) {
                err = e.readAllBytes();
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(EXECUTABLE + " did not finish within 60 s for voice " + r.voice());
            }
        } catch (IOException e) {
            p.destroyForcibly();
            throw new IllegalStateException(EXECUTABLE + " failed for voice " + r.voice() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + EXECUTABLE, e);
        }
        String msg = new String(err, StandardCharsets.UTF_8).trim();
        if (p.exitValue() != 0 || wav.length == 0) {
            throw new IllegalStateException(EXECUTABLE + " -v " + r.voice() + " failed (exit " + p.exitValue() + ")"
                    + (msg.isEmpty() ? "" : ": " + msg));
        }
        return parseWav(wav, "espeak-ng -v " + r.voice());
    }

    /**
     * Parses a 16-bit PCM WAV as written by espeak-ng (mono or interleaved channels, which are
     * averaged). espeak-ng writes placeholder sizes when streaming to stdout, so the data chunk is
     * read to the end of the bytes when its declared size is larger than what is there.
     */
    static Audio parseWav(byte[] b, String what) {
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        if (b.length < 12 || bb.getInt(0) != 0x46464952 || bb.getInt(8) != 0x45564157) {
            throw new IllegalStateException(what + " did not produce a RIFF/WAVE file (" + b.length + " bytes)");
        }
        int pos = 12, channels = 0, rate = 0, bits = 0, format = 0;
        while (pos + 8 <= b.length) {
            int id = bb.getInt(pos);
            long size = Integer.toUnsignedLong(bb.getInt(pos + 4));
            int body = pos + 8;
            if (id == 0x20746d66) { // "fmt "
                if (size < 16 || body + 16 > b.length) throw new IllegalStateException(what + ": truncated fmt chunk");
                format = bb.getShort(body) & 0xffff;
                channels = bb.getShort(body + 2) & 0xffff;
                rate = bb.getInt(body + 4);
                bits = bb.getShort(body + 14) & 0xffff;
            } else if (id == 0x61746164) { // "data"
                if (format != 1 || bits != 16 || channels < 1 || rate <= 0) {
                    throw new IllegalStateException(what + ": expected 16-bit PCM, got format " + format + ", "
                            + bits + " bits, " + channels + " channels, " + rate + " Hz");
                }
                long end = Math.min(b.length, body + size);
                int frames = (int) ((end - body) / (2L * channels));
                float[] x = new float[frames];
                for (int i = 0; i < frames; i++) {
                    double s = 0;
                    for (int c = 0; c < channels; c++) s += bb.getShort(body + 2 * (i * channels + c));
                    x[i] = (float) (s / channels / 32768.0);
                }
                return new Audio(x, rate);
            }
            pos = (int) Math.min((long) b.length, body + size + (size & 1));
        }
        throw new IllegalStateException(what + ": WAV has no data chunk");
    }
}

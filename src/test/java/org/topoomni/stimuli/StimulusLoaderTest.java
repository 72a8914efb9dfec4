package org.topoomni.stimuli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class StimulusLoaderTest {
    @TempDir
    Path tmp;

    /** A WAV file: format 1 (PCM) or 3 (float), optionally as WAVE_FORMAT_EXTENSIBLE, with a LIST chunk before the data. */
    static byte[] wav(int format, int bits, int rate, double[][] channels, boolean extensible) {
        int ch = channels.length, n = channels[0].length, bps = bits / 8;
        int fmtSize = extensible ? 40 : 16;
        byte[] list = {'L', 'I', 'S', 'T', 3, 0, 0, 0, 'a', 'b', 'c', 0}; // odd-sized chunk, padded
        int dataBytes = n * ch * bps;
        ByteBuffer b = ByteBuffer.allocate(12 + 8 + fmtSize + list.length + 8 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(b.capacity() - 8).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(fmtSize).putShort((short) (extensible ? 0xFFFE : format)).putShort((short) ch)
                .putInt(rate).putInt(rate * ch * bps).putShort((short) (ch * bps)).putShort((short) bits);
        if (extensible) {
            b.putShort((short) 22).putShort((short) bits).putInt(ch == 1 ? 4 : 3).putShort((short) format)
                    .put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        }
        b.put(list);
        b.put("data".getBytes()).putInt(dataBytes);
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < ch; c++) {
                double v = channels[c][i];
                if (format == 3) b.putFloat((float) v);
                else if (bits == 16) b.putShort((short) Math.round(v * 32767));
                else if (bits == 24) {
                    int s = (int) Math.round(v * 8388607);
                    b.put((byte) s).put((byte) (s >> 8)).put((byte) (s >> 16));
                } else if (bits == 32) b.putInt((int) Math.round(v * 2147483647.0));
                else b.put((byte) (Math.round(v * 127) + 128));
            }
        }
        return b.array();
    }

    static double[] tone(double f, int rate, int n, double amp) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = amp * Math.sin(2 * Math.PI * f * i / rate);
        return x;
    }

    static byte[] image(String format, int type, Color c) throws Exception {
        BufferedImage img = new BufferedImage(20, 10, type);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, 20, 10);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(img, format, out), "no writer for " + format);
        return out.toByteArray();
    }

    private Path put(String rel, byte[] bytes) throws Exception {
        Path p = tmp.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return p;
    }

    @Test
    void readsEveryWavEncodingMixesToMonoAndResamples() throws Exception {
        int n = 4410;
        put("root/sounds/a_mono16.wav", wav(1, 16, 16000, new double[][] {tone(440, 16000, 1600, 0.5)}, false));
        put("root/sounds/b_stereo24.wav", wav(1, 24, 44100, new double[][] {tone(1000, 44100, n, 0.8), tone(1000, 44100, n, 0.4)}, false));
        put("root/sounds/c_float32.wav", wav(3, 32, 16000, new double[][] {tone(440, 16000, 1600, 0.25)}, true));
        put("root/sounds/d_pcm32ext.wav", wav(1, 32, 8000, new double[][] {tone(440, 8000, 800, 0.5)}, true));
        put("root/sounds/e_pcm8.wav", wav(1, 8, 16000, new double[][] {tone(440, 16000, 1600, 0.5)}, false));
        List<Stimulus> s = new StimulusLoader().load(tmp.resolve("root"));
        assertEquals(5, s.size());
        for (Stimulus x : s) {
            assertEquals("sounds", x.category());
            assertEquals(16000, x.audio().sampleRate(), x.id());
            assertEquals("file", x.provenance().generator());
        }
        assertEquals(0.5, peak(s.get(0).audio().samples()), 0.01);
        // stereo 24-bit at 44.1 kHz: channels averaged (0.8 and 0.4 -> 0.6), resampled to 16 kHz
        Audio st = s.get(1).audio();
        assertEquals(Math.round(n * 16000.0 / 44100), st.samples().length);
        assertEquals(0.6, peak(java.util.Arrays.copyOfRange(st.samples(), 200, 1400)), 0.01);
        int peakBand = peakBand(new LogMel().compute(st));
        assertEquals(new LogMel().bandOf(1000), peakBand);
        assertEquals(0.25, peak(s.get(2).audio().samples()), 0.001);
        assertEquals(1600, s.get(3).audio().samples().length); // 8 kHz doubled
        assertEquals(0.5, peak(java.util.Arrays.copyOfRange(s.get(3).audio().samples(), 200, 1400)), 0.02);
        assertEquals(0.5, peak(s.get(4).audio().samples()), 0.02);
    }

    static double peak(float[] x) {
        double m = 0;
        for (float v : x) m = Math.max(m, Math.abs(v));
        return m;
    }

    static int peakBand(float[][] spec) {
        double[] mean = new double[spec[0].length];
        for (float[] f : spec) for (int m = 0; m < f.length; m++) mean[m] += f[m];
        int best = 0;
        for (int m = 1; m < mean.length; m++) if (mean[m] > mean[best]) best = m;
        return best;
    }

    @Test
    void readsJpegBmpAndPngAsRgbWithAlphaOnWhite() throws Exception {
        put("root/pics/x.jpg", image("jpeg", BufferedImage.TYPE_INT_RGB, new Color(200, 30, 30)));
        put("root/pics/y.bmp", image("bmp", BufferedImage.TYPE_INT_RGB, new Color(10, 200, 10)));
        put("root/pics/z.png", image("png", BufferedImage.TYPE_INT_ARGB, new Color(0, 0, 255, 0)));
        put("root/pics/w.png", image("png", BufferedImage.TYPE_BYTE_GRAY, Color.GRAY));
        List<Stimulus> s = new StimulusLoader().load(tmp.resolve("root"));
        assertEquals(List.of("pics_w", "pics_x", "pics_y", "pics_z"), s.stream().map(Stimulus::id).toList());
        for (Stimulus x : s) {
            assertEquals(BufferedImage.TYPE_INT_RGB, x.image().getType());
            assertEquals(20, x.image().getWidth());
            assertEquals(10, x.image().getHeight());
        }
        Color jpg = new Color(s.get(1).image().getRGB(10, 5));
        assertTrue(Math.abs(jpg.getRed() - 200) < 12 && jpg.getGreen() < 50, jpg.toString());
        assertEquals(new Color(10, 200, 10).getRGB(), s.get(2).image().getRGB(3, 3));
        assertEquals(Color.WHITE.getRGB(), s.get(3).image().getRGB(3, 3)); // fully transparent -> white
    }

    @Test
    void onOffLayoutAndRunNumbers() throws Exception {
        byte[] png = image("png", BufferedImage.TYPE_INT_RGB, Color.RED);
        put("ref/ON/01_face.png", png);
        put("ref/ON/02_face.png", png);
        put("ref/ON/03-face.png", png);
        put("ref/OFF/01_house.png", png);
        put("ref/OFF/04_house.png", png);
        assertEquals("on/off", StimulusLoader.layout(tmp.resolve("ref")));
        List<Stimulus> s = new StimulusLoader().load(tmp.resolve("ref"));
        assertEquals(List.of("off", "off", "on", "on", "on"), s.stream().map(Stimulus::category).toList());
        assertEquals(List.of(1, 4, 1, 2, 3), s.stream().map(Stimulus::run).toList());
        assertEquals("off_01_house", s.get(0).id());
    }

    @Test
    void runNumberParsing() {
        assertEquals(3, StimulusLoader.runFromName("03_face.png"));
        assertEquals(2, StimulusLoader.runFromName("2-bird.wav"));
        assertEquals(12, StimulusLoader.runFromName("12_a_b.txt"));
        assertEquals(-1, StimulusLoader.runFromName("001.png"));
        assertEquals(-1, StimulusLoader.runFromName("face03.png"));
        assertEquals(-1, StimulusLoader.runFromName("03_.png"));
        assertEquals(-1, StimulusLoader.runFromName("adult-1.jpg"));
        assertEquals(0, StimulusLoader.runFromName("0_x.png"));
    }

    @Test
    void flocLayoutAssignsRunsRoundRobinWhenNamesCarryNone() throws Exception {
        byte[] png = image("png", BufferedImage.TYPE_INT_RGB, Color.RED);
        for (String n : List.of("adult-1", "adult-2", "adult-3", "adult-4", "adult-5")) put("floc/adult/" + n + ".png", png);
        put("floc/car/01_car.png", png); // only some names are numbered: round-robin for all
        put("floc/car/car-2.png", png);
        put("floc/.DS_Store", new byte[] {1});
        put("floc/car/.hidden.png", new byte[0]);
        assertEquals("categories", StimulusLoader.layout(tmp.resolve("floc")));
        List<Stimulus> s = new StimulusLoader(2, 16000, StimulusLoader.TextMode.AUTO).load(tmp.resolve("floc"));
        assertEquals(7, s.size());
        assertEquals(List.of(1, 2, 1, 2, 1, 1, 2), s.stream().map(Stimulus::run).toList());
        assertEquals("car", s.get(5).category());
        assertEquals("adult/adult-1.png", s.get(0).attributes().get("file"));
    }

    @Test
    void textFilesByLinesOrStories() throws Exception {
        put("txt/sentences/lines.txt", "The dog ran.\n  The cat sat.  \nA bird sang.\n\n\n".getBytes());
        put("txt/single/one_per_block.txt", "One.\n\nTwo.\n\n\nThree.".getBytes());
        put("txt/stories/tom.txt", ("Anna put the ball in the box.\nThen she left.\n\nA photo was taken.\nThe film was developed.\n")
                .getBytes());
        List<Stimulus> s = new StimulusLoader().load(tmp.resolve("txt"));
        // AUTO: a file without blank-line-separated multi-line blocks is read by lines, the story file by stories
        assertEquals(List.of("The dog ran.", "The cat sat.", "A bird sang.", "One.", "Two.", "Three.",
                        "Anna put the ball in the box. Then she left.", "A photo was taken. The film was developed."),
                s.stream().map(Stimulus::text).toList());
        assertEquals("sentences_lines_2", s.get(1).id());
        assertEquals(List.of(1, 2, 3, 1, 2, 3, 1, 2), s.stream().map(Stimulus::run).toList());
        List<Stimulus> lines = new StimulusLoader(4, 16000, StimulusLoader.TextMode.LINES).load(tmp.resolve("txt"));
        assertEquals(10, lines.size());
        List<Stimulus> stories = new StimulusLoader(4, 16000, StimulusLoader.TextMode.STORIES).load(tmp.resolve("txt"));
        assertEquals("The dog ran. The cat sat. A bird sang.", stories.get(0).text());
        assertEquals(6, stories.size());
    }

    private void assertClearError(Path root, String file, String what) {
        StimulusException e = assertThrows(StimulusException.class, () -> new StimulusLoader().load(root));
        assertTrue(e.getMessage().contains(file), "message should name " + file + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(what), "message should say '" + what + "': " + e.getMessage());
        assertTrue(e.file().toString().endsWith(file), e.file().toString());
    }

    @Test
    void clearErrorsForEmptyCorruptAndUnsupportedInput() throws Exception {
        Files.createDirectories(tmp.resolve("empty"));
        assertClearError(tmp.resolve("empty"), "empty", "empty folder");
        Files.createDirectories(tmp.resolve("emptycat/faces"));
        assertClearError(tmp.resolve("emptycat"), "faces", "empty category folder");

        byte[] good = wav(1, 16, 16000, new double[][] {tone(440, 16000, 100, 0.5)}, false);
        put("trunc/s/bad.wav", java.util.Arrays.copyOf(good, 30));
        assertClearError(tmp.resolve("trunc"), "bad.wav", "truncated WAV header");
        put("trunc2/s/short.wav", java.util.Arrays.copyOf(good, 8));
        assertClearError(tmp.resolve("trunc2"), "short.wav", "truncated WAV header");
        put("trunc3/s/cut.wav", java.util.Arrays.copyOf(good, 100));
        assertClearError(tmp.resolve("trunc3"), "cut.wav", "truncated WAV file");
        byte[] alaw = good.clone();
        alaw[20] = 6;
        put("alaw/s/alaw.wav", alaw);
        assertClearError(tmp.resolve("alaw"), "alaw.wav", "unsupported WAV encoding: A-law");
        put("notwav/s/fake.wav", "hello, this is not audio".getBytes());
        assertClearError(tmp.resolve("notwav"), "fake.wav", "not a RIFF/WAVE file");

        put("zero/faces/face.png", new byte[0]);
        assertClearError(tmp.resolve("zero"), "face.png", "empty (0 bytes)");
        byte[] png = image("png", BufferedImage.TYPE_INT_RGB, Color.RED);
        put("cut/faces/cut.png", java.util.Arrays.copyOf(png, png.length / 2));
        assertClearError(tmp.resolve("cut"), "cut.png", "truncated or corrupt");
        put("garbage/faces/g.jpg", "not an image at all".getBytes());
        assertClearError(tmp.resolve("garbage"), "g.jpg", "not a readable PNG, JPEG or BMP image");

        put("unsup/faces/anim.gif", new byte[] {1, 2, 3});
        assertClearError(tmp.resolve("unsup"), "anim.gif", "unsupported file type '.gif'");
        put("nested/faces/sub/a.png", png);
        assertClearError(tmp.resolve("nested"), "sub", "nested folder");
        put("emptytxt/t/e.txt", "\n  \n".getBytes());
        assertClearError(tmp.resolve("emptytxt"), "e.txt", "no non-blank lines");
        put("latin/t/l.txt", new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});
        assertClearError(tmp.resolve("latin"), "l.txt", "not UTF-8");
        assertClearError(tmp.resolve("missing"), "missing", "no such folder");
    }

    @Test
    void badOptionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new StimulusLoader(0, 16000, StimulusLoader.TextMode.AUTO));
        assertThrows(IllegalArgumentException.class, () -> new StimulusLoader(4, 0, StimulusLoader.TextMode.AUTO));
    }
}

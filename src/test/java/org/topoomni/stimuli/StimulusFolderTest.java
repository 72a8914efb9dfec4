package org.topoomni.stimuli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** A lab's own folders (built here, videos made with ffmpeg) through the one entry point, StimulusFolder.open. */
class StimulusFolderTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void ffmpegIsThere() {
        assertTrue(FFmpeg.available(), "ffmpeg and ffprobe are needed (Debian package ffmpeg; ./setup installs it)");
    }

    // ------------------------------------------------------------------ helpers

    private Path put(String rel, byte[] bytes) throws Exception {
        Path p = tmp.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return p;
    }

    static byte[] image(String format, int w, int h, Color c) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(img, format, out), "no writer for " + format);
        return out.toByteArray();
    }

    /** Runs ffmpeg to make a test file. */
    static void ffmpeg(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + out);
    }

    /** A 64 x 64 test-pattern video at 10 frames/s with a sine tone, or silent (freq 0). */
    void video(Path file, double seconds, int freq, String... codec) throws Exception {
        Files.createDirectories(file.getParent());
        List<String> a = new ArrayList<>(List.of("-f", "lavfi", "-i", "testsrc=size=64x64:rate=10"));
        if (freq > 0) a.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=" + freq + ":sample_rate=22050"));
        a.addAll(List.of("-t", Double.toString(seconds)));
        a.addAll(Arrays.asList(codec));
        if (freq == 0) a.add("-an");
        a.add(file.toString());
        ffmpeg(a.toArray(new String[0]));
    }

    /** Power of a sinusoid of frequency f in the signal (one DFT bin, Goertzel). */
    static double power(Audio a, double f) {
        double w = 2 * Math.PI * f / a.sampleRate(), c = 2 * Math.cos(w), s1 = 0, s2 = 0;
        for (float x : a.samples()) {
            double s0 = x + c * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return (s1 * s1 + s2 * s2 - c * s1 * s2) / a.samples().length;
    }

    static void assertTone(Audio a, double f, String what) {
        double on = power(a, f);
        for (double other : new double[] {f * 0.5, f * 1.7, 1000 + f}) {
            assertTrue(on > 50 * power(a, other), what + ": power at " + f + " Hz " + on + " vs " + power(a, other) + " at " + other + " Hz");
        }
    }

    private StimulusException clearError(Path root, StimulusLoader loader, String file, String what) {
        StimulusException e = assertThrows(StimulusException.class, () -> StimulusFolder.open(root, loader).loadAll());
        assertTrue(e.getMessage().contains(file), "message should name " + file + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(what), "message should say '" + what + "': " + e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
        return e;
    }

    // ------------------------------------------------------------------ layouts

    @Test
    void flocFolderOfImagesOfAnySizeAndFormat() throws Exception {
        put("floc/adult/adult-1.png", image("png", 40, 30, Color.RED));
        put("floc/adult/adult-2.jpg", image("jpeg", 100, 60, Color.RED));
        put("floc/adult/adult-3.bmp", image("bmp", 17, 23, Color.RED));
        put("floc/adult/adult-4.png", image("png", 8, 8, Color.RED));
        put("floc/child/child-1.jpeg", image("jpeg", 33, 33, Color.PINK));
        put("floc/child/child-2.png", image("png", 33, 12, Color.PINK));
        put("floc/car/car-1.png", image("png", 50, 50, Color.BLUE));
        put("floc/car/car-2.png", image("png", 50, 51, Color.BLUE));
        put("floc/README.md", "about these stimuli".getBytes()); // beside the category folders: left out with a note
        StimulusFolder f = StimulusFolder.open(tmp.resolve("floc"));
        assertEquals(StimulusFolder.Kind.FOLDER, f.kind());
        assertEquals("categories", f.layout());
        assertEquals(List.of("adult", "car", "child"), f.categories());
        assertTrue(f.notes().stream().anyMatch(n -> n.contains("README.md")), f.notes().toString());
        List<Stimulus> s = f.loadAll();
        assertEquals(8, s.size());
        // decoded at their own sizes (the backbone's processor resizes)
        assertEquals(List.of(40, 100, 17, 8), s.subList(0, 4).stream().map(x -> x.image().getWidth()).toList());
        assertEquals(List.of(30, 60, 23, 8), s.subList(0, 4).stream().map(x -> x.image().getHeight()).toList());
        // runs alternate in file order within each category: even and odd runs from two items on
        assertEquals(List.of(1, 2, 3, 4, 1, 2, 1, 2), s.stream().map(Stimulus::run).toList());
        assertArrayEquals(new int[] {0, 1, 1, 1, 1}, f.perRun("adult"));
        assertEquals("adult_adult-2", s.get(1).id());
        assertEquals("adult/adult-2.jpg", s.get(1).attributes().get("file"));
        assertEquals("image", f.items().get(0).medium());
        assertEquals(tmp.resolve("floc/adult/adult-1.png"), f.items().get(0).file());
        f.requireAtLeast(2, List.of("adult", "car"), "the Welch t-test");
        StimulusException e = assertThrows(StimulusException.class, () -> f.requireAtLeast(3, List.of("adult", "car"), "a test needs 3"));
        assertEquals(tmp.resolve("floc/car") + ": category 'car' has 2 items; at least 3 are needed (a test needs 3)", e.getMessage());
        e = assertThrows(StimulusException.class, () -> f.requireAtLeast(2, List.of("house"), "the Welch t-test needs 2 per group"));
        assertTrue(e.getMessage().contains("category 'house' has 0 items; at least 2 are needed"), e.getMessage());
    }

    @Test
    void onOffFolderAndRunsFromNames() throws Exception {
        put("loc/ON/01_a.png", image("png", 10, 10, Color.WHITE));
        put("loc/ON/02_b.png", image("png", 10, 10, Color.WHITE));
        put("loc/Off/01_c.png", image("png", 10, 10, Color.BLACK));
        put("loc/Off/02_d.png", image("png", 10, 10, Color.BLACK));
        StimulusFolder f = StimulusFolder.open(tmp.resolve("loc"));
        assertEquals("on/off", f.layout());
        assertEquals(List.of("off", "on"), f.categories());
        assertEquals(List.of(1, 2, 1, 2), f.items().stream().map(StimulusFolder.Item::run).toList());
        assertEquals("on_01_a", f.items("on").get(0).id());
    }

    @Test
    void wavsOfEveryRateDepthAndChannelCountBecomeMono16k() throws Exception {
        double f0 = 440;
        int[][] specs = {{1, 8, 8000, 1}, {1, 16, 22050, 2}, {1, 24, 44100, 1}, {1, 32, 8000, 6}, {3, 32, 22050, 1}, {3, 32, 44100, 2}};
        for (int[] sp : specs) {
            int rate = sp[2], n = rate / 2; // half a second
            double[][] ch = new double[sp[3]][];
            for (int c = 0; c < ch.length; c++) ch[c] = StimulusLoaderTest.tone(f0, rate, n, 0.5);
            put(String.format("snd/tones/%s%d_%d_%dch.wav", sp[0] == 3 ? "float" : "pcm", sp[1], rate, sp[3]),
                    StimulusLoaderTest.wav(sp[0], sp[1], rate, ch, sp[3] > 2));
        }
        List<Stimulus> s = StimulusFolder.open(tmp.resolve("snd")).loadAll();
        assertEquals(specs.length, s.size());
        for (Stimulus x : s) {
            assertEquals(16000, x.audio().sampleRate(), x.id());
            assertEquals(8000, x.audio().samples().length, 2, x.id() + ": half a second at 16 kHz");
            assertEquals(0.5, StimulusLoaderTest.peak(Arrays.copyOfRange(x.audio().samples(), 400, 7600)), 0.03, x.id());
            assertTone(x.audio(), f0, x.id());
        }
    }

    @Test
    void flacAndMp3AreDecodedByFfmpeg() throws Exception {
        float[] tone = new float[44100];
        for (int i = 0; i < tone.length; i++) tone[i] = (float) (0.5 * Math.sin(2 * Math.PI * 660 * i / 44100));
        Path wav = put("src/tone.wav", Wav.encode16(new Audio(tone, 44100)));
        Files.createDirectories(tmp.resolve("coded/music"));
        ffmpeg("-i", wav.toString(), tmp.resolve("coded/music/a.flac").toString());
        ffmpeg("-i", wav.toString(), "-b:a", "128k", tmp.resolve("coded/music/b.mp3").toString());
        List<Stimulus> s = StimulusFolder.open(tmp.resolve("coded")).loadAll();
        assertEquals(List.of("music_a", "music_b"), s.stream().map(Stimulus::id).toList());
        for (Stimulus x : s) {
            assertEquals(16000, x.audio().sampleRate());
            assertEquals(1.0, x.audio().seconds(), 0.06, x.id()); // MP3 adds encoder padding
            assertTone(x.audio(), 660, x.id());
        }
    }

    @Test
    void textsOnePerLineOrOneFileEach() throws Exception {
        put("txt/sentences/all.txt", "The dog ran home.\nA cat sat on the mat.\n  Birds sing at dawn.  \n\n".getBytes());
        put("txt/stories/01_story.txt", "Anna put her ball in the box.\nThen she went out.\n".getBytes());
        put("txt/stories/02_story.txt", "A photo of the lake was taken.\nThe lake froze later.\n".getBytes());
        put("txt/stories/03_story.txt", "Sam hid the key under the mat.\n".getBytes());
        StimulusFolder f = StimulusFolder.open(tmp.resolve("txt"));
        List<Stimulus> s = f.loadAll();
        assertEquals(List.of("The dog ran home.", "A cat sat on the mat.", "Birds sing at dawn."),
                s.stream().filter(x -> x.category().equals("sentences")).map(Stimulus::text).toList());
        assertEquals("sentences_all_2", s.get(1).id());
        List<Stimulus> stories = s.stream().filter(x -> x.category().equals("stories")).toList();
        assertEquals(List.of("Anna put her ball in the box. Then she went out.", "A photo of the lake was taken. The lake froze later.",
                "Sam hid the key under the mat."), stories.stream().map(Stimulus::text).toList());
        assertEquals("stories_01_story", stories.get(0).id());
        assertEquals("text", f.items().get(0).medium());
        // one stimulus per line, whatever the files, when asked
        assertEquals(3 + 2 + 2 + 1, StimulusFolder.open(tmp.resolve("txt"), new StimulusLoader().withTextMode(StimulusLoader.TextMode.LINES)).size());
    }

    @Test
    void sidecarGivesCategoriesRunsAndAttributes() throws Exception {
        put("side/faces/f1.png", image("png", 12, 12, Color.RED));
        put("side/faces/f2.png", image("png", 12, 12, Color.RED));
        put("side/faces/f3.png", image("png", 12, 12, Color.RED));
        put("side/extra/x.png", image("png", 12, 12, Color.GREEN));
        put("side/stimuli.csv", ("file,category,run,gender,\"age, years\"\n"
                + "faces/f1.png,,2,f,31\n"
                + "faces/f2.png,,1,m,\n"
                + "faces/f3.png,famous,2,\"f\",\"40\"\n").getBytes());
        StimulusFolder f = StimulusFolder.open(tmp.resolve("side"));
        assertEquals(List.of("faces", "famous"), f.categories());
        List<Stimulus> s = f.loadAll();
        assertEquals(List.of(2, 1, 2), s.stream().map(Stimulus::run).toList());
        assertEquals(Map.of("file", "faces/f1.png", "gender", "f", "age, years", "31"), s.get(0).attributes());
        assertEquals(Map.of("file", "faces/f2.png", "gender", "m"), s.get(1).attributes(), "an empty cell is left out");
        assertEquals("famous_faces_f3", s.get(2).id());
        assertTrue(f.notes().stream().anyMatch(n -> n.contains("not listed in stimuli.csv") && n.contains("extra/x.png")), f.notes().toString());

        // a flat folder with a sidecar: categories from the table alone
        put("flat/a.png", image("png", 5, 5, Color.RED));
        put("flat/b.png", image("png", 5, 5, Color.BLUE));
        put("flat/stimuli.csv", "File , Category\na.png,red\nb.png,blue\n".getBytes());
        assertEquals(List.of("blue", "red"), StimulusFolder.open(tmp.resolve("flat")).categories());
    }

    @Test
    void badSidecarsAreOneClearMessageNamingTheTable() throws Exception {
        put("bad/faces/f1.png", image("png", 5, 5, Color.RED));
        put("bad/faces/f2.png", image("png", 5, 5, Color.RED));
        Path csv = tmp.resolve("bad/stimuli.csv");
        String[][] cases = {
                {"name,category\nfaces/f1.png,x\n", "has no 'file' column"},
                {"file\nfaces/nope.png\n", "line 2: file 'faces/nope.png' does not exist"},
                {"file,run\nfaces/f1.png,0\n", "line 2: run '0' is not a whole number from 1"},
                {"file,run\nfaces/f1.png,1\nfaces/f2.png,\n", "line 3: the run is empty while other rows give one"},
                {"file\nfaces/f1.png\nfaces/f1.png\n", "line 3: file 'faces/f1.png' is already listed on line 2"},
                {"file\n../outside.png\n", "contains '..' and would leave the folder"},
                {"file\n/etc/passwd\n", "is absolute"},
                {"file,start_s\nfaces/f1.png,3\n", "column 'start_s' is a name the loader sets itself"},
                {"file\n", "lists no files"},
        };
        for (String[] c : cases) {
            Files.writeString(csv, c[0]);
            StimulusException e = assertThrows(StimulusException.class, () -> StimulusFolder.open(tmp.resolve("bad")), c[0]);
            assertTrue(e.getMessage().startsWith(csv + ": "), e.getMessage());
            assertTrue(e.getMessage().contains(c[1]), "expected '" + c[1] + "' in: " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------ video and clips

    @Test
    void videosGiveFramesAndSoundAndAreCutIntoTwoSecondClips() throws Exception {
        Path mp4 = tmp.resolve("clips/film.mp4");
        video(mp4, 5, 440, "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac");
        StimulusFolder f = StimulusFolder.open(tmp.resolve("clips"), StimulusLoader.screening());
        assertEquals("collection", f.layout());
        assertEquals(List.of(StimulusFolder.POOL_CATEGORY), f.categories());
        // 5 s -> [0, 2) and [2, 4); the last second is left out, with a note
        assertEquals(List.of("pool_film_c000", "pool_film_c001"), f.items().stream().map(StimulusFolder.Item::id).toList());
        assertEquals(new StimulusFolder.Span(0, 2), f.items().get(0).span());
        assertEquals(new StimulusFolder.Span(2, 4), f.items().get(1).span());
        assertTrue(f.notes().stream().anyMatch(n -> n.contains("1 file had a last part shorter than 2.000 s, left out (1.0 s")), f.notes().toString());
        assertEquals("video", f.items().get(0).medium());
        assertEquals(mp4, f.items().get(1).file());
        List<Stimulus> clips = f.loadAll();
        for (int c = 0; c < 2; c++) {
            Stimulus s = clips.get(c);
            assertEquals(Map.of("file", "film.mp4", "start_s", c == 0 ? "0.000" : "2.000", "end_s", c == 0 ? "2.000" : "4.000",
                    "clip", Integer.toString(c), "frame_rate", "2.000"), s.attributes());
            assertTrue(s.hasFrames());
            Frames fr = s.frames();
            assertEquals(4, fr.count(), "2 s at 2 frames/s");
            assertArrayEquals(new double[] {2 * c, 2 * c + 0.5, 2 * c + 1, 2 * c + 1.5}, fr.times(), 1e-9);
            assertSame(fr.middle(), s.image(), "the representative image is the middle frame");
            assertEquals(64, s.image().getWidth());
            assertEquals(64, s.image().getHeight());
            assertFalse(Arrays.equals(pixels(fr.images().get(0)), pixels(fr.images().get(3))), "the test pattern moves");
            assertEquals(16000, s.audio().sampleRate());
            assertEquals(2.0, s.audio().seconds(), 0.03);
            assertTone(s.audio(), 440, s.id());
        }
        // the second clip starts where the first ends: its first frame is not the first clip's
        assertFalse(Arrays.equals(pixels(clips.get(0).frames().images().get(0)), pixels(clips.get(1).frames().images().get(0))));

        // whole files (the localizer default): every frame at 2 frames/s and the whole sound track
        StimulusFolder whole = StimulusFolder.open(tmp.resolve("clips"));
        assertNull(whole.items().get(0).span());
        Stimulus s = whole.loadAll().get(0);
        assertEquals(10, s.frames().count());
        assertEquals(5.0, s.audio().seconds(), 0.05);
        assertEquals(4.5, s.frames().times()[9], 1e-9);
        // a lower frame rate, and a cap on the frames of a long whole video
        assertEquals(5, StimulusFolder.open(tmp.resolve("clips"), new StimulusLoader().withFrameRate(1)).loadAll().get(0).frames().count());
        Stimulus capped = StimulusFolder.open(tmp.resolve("clips"), new StimulusLoader().withMaxFrames(4)).loadAll().get(0);
        assertTrue(capped.frames().count() <= 4, "at most 4 frames: " + capped.frames().count());
    }

    @Test
    void frameKOfAClipIsTheFrameOnScreenAtItsTime() throws Exception {
        // a 10 frames/s ramp: frame n has luma 16 + 4 n, so each decoded frame tells which input frame it is
        Path ramp = tmp.resolve("ramp/r.mp4");
        Files.createDirectories(ramp.getParent());
        ffmpeg("-f", "lavfi", "-i", "nullsrc=size=32x32:rate=10,geq=lum='16+N*4':cb=128:cr=128", "-f", "lavfi", "-i", "sine=frequency=500",
                "-t", "5", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", ramp.toString());
        for (Stimulus s : StimulusFolder.open(tmp.resolve("ramp"), StimulusLoader.screening()).loadAll()) {
            double[] t = s.frames().times();
            for (int k = 0; k < t.length; k++) {
                BufferedImage img = s.frames().images().get(k);
                double grey = (img.getRGB(16, 16) >> 8) & 0xff; // green of a grey pixel, full range
                double n = grey * 219 / 255.0 / 4; // back to limited-range luma above 16, then to the frame number
                assertEquals(Math.round(10 * t[k]), n, 0.5, s.id() + " frame " + k + " at " + t[k] + " s");
            }
        }
    }

    static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    @Test
    void otherContainersAndLongSoundsForScreening() throws Exception {
        video(tmp.resolve("mix/avi/a.avi"), 2, 880, "-c:v", "mjpeg", "-c:a", "pcm_s16le");
        video(tmp.resolve("mix/webm/w.webm"), 2, 880, "-c:v", "libvpx", "-b:v", "200k", "-c:a", "libvorbis");
        int rate = 22050;
        put("mix/long/rec.wav", StimulusLoaderTest.wav(1, 16, rate, new double[][] {StimulusLoaderTest.tone(330, rate, (int) (4.5 * rate), 0.4)}, false));
        put("mix/long/short.wav", StimulusLoaderTest.wav(1, 16, rate, new double[][] {StimulusLoaderTest.tone(330, rate, rate, 0.4)}, false));
        StimulusFolder f = StimulusFolder.open(tmp.resolve("mix"), StimulusLoader.screening());
        assertEquals(List.of("avi", "long", "webm"), f.categories());
        List<StimulusFolder.Item> longs = f.items("long");
        // 4.5 s -> two 2-s clips; a 1-s file is one clip of its whole length
        assertEquals(List.of(new StimulusFolder.Span(0, 2), new StimulusFolder.Span(2, 4), new StimulusFolder.Span(0, 1)),
                longs.stream().map(StimulusFolder.Item::span).toList());
        assertEquals(List.of(1, 2, 3), longs.stream().map(StimulusFolder.Item::run).toList());
        Audio whole = Resampler.resample(Wav.read(tmp.resolve("mix/long/rec.wav")), 16000);
        Stimulus second = longs.get(1).load();
        assertArrayEquals(Arrays.copyOfRange(whole.samples(), 32000, 64000), second.audio().samples(), "a clip is its span of the file");
        assertEquals("2.000", second.attributes().get("start_s"));
        for (Stimulus s : StimulusFolder.open(tmp.resolve("mix"), StimulusLoader.screening()).loadAll()) {
            if (s.hasFrames()) {
                assertEquals(4, s.frames().count(), s.id());
                assertTone(s.audio(), 880, s.id());
            } else {
                assertTone(s.audio(), 330, s.id());
            }
        }
    }

    @Test
    void aVideoWithoutSoundGoesOnWithItsFramesOrIsRefused() throws Exception {
        video(tmp.resolve("silent/faces/mute.mp4"), 2, 0, "-c:v", "libx264", "-pix_fmt", "yuv420p");
        video(tmp.resolve("silent/faces/loud.mp4"), 2, 440, "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac");
        StimulusFolder f = StimulusFolder.open(tmp.resolve("silent"));
        assertEquals(List.of("faces/mute.mp4: the video has no sound track; its frames alone are used"), f.notes());
        List<Stimulus> s = f.loadAll();
        Stimulus mute = s.get(1), loud = s.get(0);
        assertEquals("faces_mute", mute.id());
        assertNull(mute.audio());
        assertEquals("none", mute.attributes().get("sound"));
        assertEquals(4, mute.frames().count());
        assertNotNull(loud.audio());
        StimulusException e = clearError(tmp.resolve("silent"), new StimulusLoader().withSilentVideos(StimulusLoader.SilentVideo.REFUSE),
                "mute.mp4", "the video has no sound track");
        assertEquals(tmp.resolve("silent/faces/mute.mp4"), e.file());
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void badInputIsOneClearMessageNamingTheFile() throws Exception {
        StimulusLoader l = new StimulusLoader();
        Files.createDirectories(tmp.resolve("empty"));
        clearError(tmp.resolve("empty"), l, "empty", "empty folder");
        put("hidden/.DS_Store", new byte[] {1});
        put("hidden/_inspect/x.png", image("png", 4, 4, Color.RED));
        clearError(tmp.resolve("hidden"), l, "hidden", "no usable stimulus in the folder");
        Files.createDirectories(tmp.resolve("emptycat/faces"));
        put("emptycat/houses/h.png", image("png", 4, 4, Color.RED));
        clearError(tmp.resolve("emptycat"), l, "faces", "empty category folder");
        put("zero/faces/face.png", new byte[0]);
        clearError(tmp.resolve("zero"), l, "face.png", "the image file is empty (0 bytes)");
        put("zerov/clips/v.mp4", new byte[0]);
        clearError(tmp.resolve("zerov"), l, "v.mp4", "the video file is empty (0 bytes)");
        put("corrupt/clips/v.mp4", "this is not a video at all, just some text".getBytes());
        clearError(tmp.resolve("corrupt"), l, "v.mp4", "cannot be decoded: ");
        put("corrupt2/music/s.flac", "fLaC and then nothing that decodes".getBytes());
        clearError(tmp.resolve("corrupt2"), l, "s.flac", "cannot be decoded: ");
        put("unsup/faces/anim.gif", new byte[] {1, 2, 3});
        clearError(tmp.resolve("unsup"), l, "anim.gif", "unsupported file type '.gif'");
        clearError(tmp.resolve("missing"), l, "missing", "no such folder");
        // a named pipe would block a reader forever: refused by what it is
        Files.createDirectories(tmp.resolve("fifo/sounds"));
        Process mk = new ProcessBuilder("mkfifo", tmp.resolve("fifo/sounds/live.wav").toString()).start();
        assertEquals(0, mk.waitFor());
        clearError(tmp.resolve("fifo"), l, "live.wav", "is not a regular file");
        Path file = put("afile.png", image("png", 4, 4, Color.RED));
        clearError(file, l, "afile.png", "not a folder");
        // a category folder inside a generated set is not a folder of its own
        new StimulusSetWriter(tmp.resolve("set")).name("set").write(List.of(
                new Stimulus("a", "faces", 1, new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), null, null, Map.of(), null)));
        clearError(tmp.resolve("set/faces"), l, "faces", "is a category folder inside the stimulus set");
    }

    @Test
    void symbolicLinksThatLeaveTheFolderAreRefused() throws Exception {
        Path outside = put("elsewhere/secret.png", image("png", 4, 4, Color.RED));
        put("links/faces/ok.png", image("png", 4, 4, Color.RED));
        Files.createSymbolicLink(tmp.resolve("links/faces/escape.png"), outside);
        StimulusException e = clearError(tmp.resolve("links"), new StimulusLoader(), "escape.png", "symbolic link");
        assertTrue(e.getMessage().contains("leads outside the stimulus folder, to " + outside.toRealPath()), e.getMessage());
        // a whole category folder linked from elsewhere
        put("links2/faces/ok.png", image("png", 4, 4, Color.RED));
        Files.createSymbolicLink(tmp.resolve("links2/houses"), tmp.resolve("elsewhere"));
        clearError(tmp.resolve("links2"), new StimulusLoader(), "houses", "leads outside the stimulus folder");
        // a broken link
        put("links3/faces/ok.png", image("png", 4, 4, Color.RED));
        Files.createSymbolicLink(tmp.resolve("links3/faces/gone.png"), tmp.resolve("nowhere.png"));
        clearError(tmp.resolve("links3"), new StimulusLoader(), "gone.png", "broken symbolic link");
        // a link that stays inside is fine
        put("links4/faces/ok.png", image("png", 4, 4, Color.RED));
        Files.createDirectories(tmp.resolve("links4/houses"));
        Files.createSymbolicLink(tmp.resolve("links4/houses/same.png"), tmp.resolve("links4/faces/ok.png"));
        assertEquals(2, StimulusFolder.open(tmp.resolve("links4")).loadAll().size());
    }

    // ------------------------------------------------------------------ libraries and inspection

    @Test
    void generatedLibrariesAndSetsOpenTheSameWay() throws Exception {
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        new StimulusSetWriter(tmp.resolve("lib/visual")).name("visual").family("visual").write(List.of(
                new Stimulus("faces_0", "faces", 1, img, null, null, Map.of(), null),
                new Stimulus("corpus_0", "corpus", 2, img, null, null, Map.of(), null)));
        new StimulusSetWriter(tmp.resolve("lib/text")).name("text").family("text").write(List.of(
                new Stimulus("sentences_0", "sentences", 1, null, null, "A dog ran.", Map.of(), null)));
        Files.createDirectories(tmp.resolve("lib/auditory")); // interrupted: no manifest
        StimulusFolder lib = StimulusFolder.open(tmp.resolve("lib"));
        assertEquals(StimulusFolder.Kind.LIBRARY, lib.kind());
        assertEquals(List.of("visual", "text"), lib.items().stream().map(StimulusFolder.Item::set).distinct().toList(), "Families.ORDER");
        assertTrue(lib.notes().get(0).startsWith("auditory: no manifest.json"), lib.notes().toString());
        StimulusFolder loc = lib.families(List.of("text", "visual")).withoutCategories(List.of("corpus"));
        assertEquals(List.of("sentences_0", "faces_0"), loc.items().stream().map(StimulusFolder.Item::id).toList());
        assertEquals("A dog ran.", loc.loadAll().get(0).text());
        assertEquals("lib/faces_0", loc.pooled().loadAll().get(1).id());
        StimulusFolder set = StimulusFolder.open(tmp.resolve("lib/visual"));
        assertEquals(StimulusFolder.Kind.SET, set.kind());
        assertEquals(2, set.size());
        assertSame(set, set.families(List.of("text")), "a set is not a library");
    }

    @Test
    void inspectionOfALabFolderCountsAndDrawsWithoutLeavingHalfFiles() throws Exception {
        put("insp/faces/a.png", image("png", 30, 20, Color.RED));
        put("insp/faces/b.jpg", image("jpeg", 20, 30, Color.RED));
        put("insp/voices/v.wav", StimulusLoaderTest.wav(1, 16, 22050, new double[][] {StimulusLoaderTest.tone(300, 22050, 22050, 0.3)}, false));
        video(tmp.resolve("insp/movies/m.mp4"), 3, 440, "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac");
        put("insp/words/w.txt", "one\ntwo\nthree\n".getBytes());
        StringWriter sw = new StringWriter();
        StimulusInspector.Report rep = StimulusInspector.inspect(tmp.resolve("insp"), new PrintWriter(sw));
        String out = sw.toString();
        assertTrue(out.startsWith("folder " + tmp.resolve("insp") + ": layout categories, 7 items in 4 categories, 3 runs"), out);
        assertTrue(out.matches("(?s).*\\n  faces\\s+image\\s+2\\s+1\\s+1\\s+0\\n.*"), out);
        assertTrue(out.matches("(?s).*\\n  movies\\s+video\\s+1\\s+1\\s+0\\s+0\\n.*"), out);
        assertTrue(out.matches("(?s).*\\n  words\\s+text\\s+3\\s+1\\s+1\\s+1\\n.*"), out);
        Path in = tmp.resolve("insp/_inspect");
        for (String f : new String[] {"faces_sheet.png", "movies_sheet.png", "movies_spectrogram.png", "voices_spectrogram.png", "words_examples.txt", "items.csv"}) {
            assertTrue(Files.isRegularFile(in.resolve(f)), f + " missing; wrote " + rep.written());
        }
        assertEquals(6, rep.written().size());
        List<String> csv = Files.readAllLines(in.resolve("items.csv"));
        assertEquals("id,category,run,kind,file,start_s,end_s", csv.get(0));
        assertTrue(csv.contains("movies_m,movies,1,video,movies/m.mp4,,"), csv.toString());
        // the inspector's own folder is not read back as a category
        assertEquals(List.of("faces", "movies", "voices", "words"), StimulusFolder.open(tmp.resolve("insp")).categories());
        // screening clips: items.csv gives every clip's span
        StimulusInspector.inspectFolder(StimulusFolder.open(tmp.resolve("insp"), StimulusLoader.screening()), new PrintWriter(new StringWriter()));
        assertTrue(Files.readAllLines(in.resolve("items.csv")).contains("movies_m_c000,movies,1,video,movies/m.mp4,0.000,2.000"));
        // a corrupt file stops the inspection with its name; what was written is whole, and no temporary file is left
        put("insp/zz/bad.png", "not a png".getBytes());
        StimulusException e = assertThrows(StimulusException.class, () -> StimulusInspector.inspect(tmp.resolve("insp"), new PrintWriter(new StringWriter())));
        assertTrue(e.getMessage().contains("bad.png"), e.getMessage());
        try (Stream<Path> s = Files.walk(in)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
        }
        assertNotNull(Images.read(in.resolve("faces_sheet.png")));
    }
}

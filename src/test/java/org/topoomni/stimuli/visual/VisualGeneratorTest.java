package org.topoomni.stimuli.visual;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topoomni.stimuli.Seeds;
import org.topoomni.stimuli.Stimulus;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class VisualGeneratorTest {
    static final VisualGenerator GEN = new VisualGenerator();
    static final long SEED = 42L;

    static Stimulus make(VisualGenerator g, String c, int i, long runSeed) {
        return g.generate(c, i, 1 + i % 2, Seeds.item(runSeed, g.family(), c, i));
    }

    static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(img, "png", out));
        return out.toByteArray();
    }

    /** The largest standard deviation of the R, G and B channels, in [0, 0.5]. */
    static double channelStd(BufferedImage img) {
        int[] px = pixels(img);
        double best = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            double s = 0, s2 = 0;
            for (int v : px) {
                double c = ((v >> shift) & 255) / 255.0;
                s += c;
                s2 += c * c;
            }
            double m = s / px.length;
            best = Math.max(best, Math.sqrt(Math.max(0, s2 / px.length - m * m)));
        }
        return best;
    }

    @Test
    void namesTheLocalizerAndAtLeastTwelveEverydayCategories() {
        List<String> c = GEN.categories();
        assertTrue(c.containsAll(List.of("faces", "bodies", "objects", "scenes", "words", "scrambled_objects")));
        assertTrue(c.containsAll(List.of("animals", "landscapes", "vehicles", "food", "tools", "buildings", "plants", "instruments")));
        assertTrue(VisualGenerator.EVERYDAY_CATEGORIES.size() >= 12);
        assertEquals(new HashSet<>(c).size(), c.size(), "no duplicate categories");
        assertEquals("visual", GEN.family());
    }

    @Test
    void everyCategoryMakesVariedRgbImagesOfTheRightSize() {
        for (String c : GEN.categories()) {
            Set<Integer> hashes = new HashSet<>();
            for (int i = 0; i < 4; i++) {
                Stimulus s = make(GEN, c, i, SEED);
                BufferedImage img = s.image();
                assertNotNull(img, c);
                assertEquals(96, img.getWidth(), c);
                assertEquals(96, img.getHeight(), c);
                assertEquals(BufferedImage.TYPE_INT_RGB, img.getType(), c);
                assertEquals(c, s.category());
                assertEquals(1 + i % 2, s.run());
                assertNull(s.audio());
                assertTrue(s.attributes().containsKey("source"), c + " records its source");
                assertTrue(channelStd(img) > 0.03, c + " image " + i + " is not flat");
                assertTrue(s.id().startsWith(c + "_"), s.id());
                hashes.add(Arrays.hashCode(pixels(img)));
            }
            assertEquals(4, hashes.size(), c + ": exemplars differ from one another");
        }
    }

    @Test
    void sameSeedGivesIdenticalBytesDifferentSeedDifferentImages() throws IOException {
        VisualGenerator other = new VisualGenerator(); // a second instance must agree too
        for (String c : GEN.categories()) {
            for (int i : new int[]{0, 3}) {
                Stimulus a = make(GEN, c, i, SEED), b = make(other, c, i, SEED), d = make(GEN, c, i, SEED + 1);
                assertArrayEquals(pixels(a.image()), pixels(b.image()), c + " " + i);
                assertArrayEquals(png(a.image()), png(b.image()), c + " " + i + " PNG bytes");
                assertEquals(a.attributes(), b.attributes());
                assertFalse(Arrays.equals(pixels(a.image()), pixels(d.image())), c + " " + i + ": another seed, another image");
            }
        }
    }

    @Test
    void concurrentGenerationMatchesSequential() throws Exception {
        List<String> cats = GEN.categories();
        List<int[]> expected = new ArrayList<>();
        for (String c : cats) expected.add(pixels(make(GEN, c, 5, SEED).image()));
        VisualGenerator fresh = new VisualGenerator(); // lazy scans race on a fresh instance
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<int[]>> fs = new ArrayList<>();
            for (String c : cats) fs.add(pool.submit(() -> pixels(make(fresh, c, 5, SEED).image())));
            for (int k = 0; k < cats.size(); k++) assertArrayEquals(expected.get(k), fs.get(k).get(), cats.get(k));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void wordsAreRealLowerCaseWordsInDarkOnLightOrLightOnDarkText() throws IOException {
        Set<String> fonts = new HashSet<>(), words = new HashSet<>(), polarity = new HashSet<>();
        Set<String> dict = Files.isReadable(VisualGenerator.DEFAULT_WORD_LIST)
                ? new HashSet<>(Files.readAllLines(VisualGenerator.DEFAULT_WORD_LIST)) : Set.copyOf(VisualGenerator.FALLBACK_WORDS);
        for (int i = 0; i < 40; i++) {
            Stimulus s = make(GEN, "words", i, SEED);
            String w = s.attributes().get("word");
            assertTrue(w.matches("[a-z]{3,8}"), w);
            assertTrue(dict.contains(w), w + " is a dictionary word");
            assertEquals(GEN.word(i), w, "the word is chosen by index");
            words.add(w);
            fonts.add(s.attributes().get("font"));
            String pol = s.attributes().get("polarity");
            polarity.add(pol);
            // Background = the median luminance; text = pixels far from it, on the stated side.
            int[] px = pixels(s.image());
            double[] l = new double[px.length];
            for (int k = 0; k < px.length; k++) l[k] = Drawing.luminance(px[k]);
            double[] sorted = l.clone();
            Arrays.sort(sorted);
            double bg = sorted[sorted.length / 2];
            int text = 0, wrongSide = 0;
            for (double v : l) {
                if (Math.abs(v - bg) > 0.3) {
                    text++;
                    boolean darker = v < bg;
                    if (darker != pol.equals("dark_on_light")) wrongSide++;
                }
            }
            double frac = text / (double) px.length;
            assertTrue(frac > 0.01 && frac < 0.45, "word " + w + ": text covers " + frac + " of the image");
            assertEquals(0, wrongSide, "word " + w + " (" + pol + ") has text pixels on the wrong side of the background");
        }
        assertTrue(words.size() >= 38, "words vary");
        assertTrue(fonts.size() >= 5, "several fonts: " + fonts);
        assertEquals(Set.of("dark_on_light", "light_on_dark"), polarity);
    }

    @Test
    void scrambledObjectsKeepTheirObjectsPixelsExactlyButNotItsLayout() {
        assertEquals("objects", GEN.seedKey("scrambled_objects"));
        assertEquals("faces", GEN.seedKey("faces"));
        int bw = 96 / VisualGenerator.SCRAMBLE_GRID;
        for (int i = 0; i < 6; i++) {
            long seed = Seeds.item(SEED, "visual", "objects", i);
            Stimulus obj = GEN.generate("objects", i, 1, seed), scr = GEN.generate("scrambled_objects", i, 1, seed);
            assertEquals(obj.attributes().get("object_kind"), scr.attributes().get("object_kind"));
            assertEquals(Long.toString(seed), scr.attributes().get("source_seed"));
            int[] a = pixels(obj.image()), b = pixels(scr.image());
            int differ = 0;
            for (int k = 0; k < a.length; k++) if (a[k] != b[k]) differ++;
            assertTrue(differ > a.length / 5, "scrambling moves the pixels: " + differ + " differ");
            int[] sa = a.clone(), sb = b.clone();
            Arrays.sort(sa);
            Arrays.sort(sb);
            assertArrayEquals(sa, sb, "the same multiset of pixels");
            // Stronger: the scrambled blocks are exactly the object's blocks, rearranged.
            List<String> blocksA = blocks(a, bw), blocksB = blocks(b, bw);
            blocksA.sort(null);
            blocksB.sort(null);
            assertEquals(blocksA, blocksB);
        }
    }

    private static List<String> blocks(int[] px, int bw) {
        List<String> out = new ArrayList<>();
        for (int by = 0; by < 96; by += bw) {
            for (int bx = 0; bx < 96; bx += bw) {
                int[] blk = new int[bw * bw];
                for (int y = 0; y < bw; y++) System.arraycopy(px, (by + y) * 96 + bx, blk, y * bw, bw);
                out.add(Arrays.toString(blk));
            }
        }
        return out;
    }

    @Test
    void objectsBodiesAndFacesVaryInKindPoseAndLook() {
        Set<String> kinds = new HashSet<>(), poses = new HashSet<>(), hair = new HashSet<>(), expr = new HashSet<>();
        for (int i = 0; i < 48; i++) {
            Stimulus o = make(GEN, "objects", i, SEED);
            if ("rendered".equals(o.attributes().get("source"))) kinds.add(o.attributes().get("object_kind"));
            Stimulus b = make(GEN, "bodies", i, SEED);
            poses.add(b.attributes().getOrDefault("pose", b.attributes().get("gesture")));
            Stimulus f = make(GEN, "faces", i, SEED);
            if ("rendered".equals(f.attributes().get("source"))) {
                hair.add(f.attributes().get("hair_style"));
                expr.add(f.attributes().get("expression"));
            }
        }
        assertTrue(kinds.size() >= 9, "object kinds: " + kinds);
        assertTrue(poses.size() >= 8, "body poses and hand gestures: " + poses);
        assertTrue(hair.size() >= 5 && expr.size() >= 4, "faces: " + hair + " " + expr);
    }

    @Test
    void everyClipArtCategoryFallsBackToRenderingWithAnEmptyClipArtRoot(@TempDir Path empty) {
        VisualGenerator g = new VisualGenerator(empty);
        for (String c : g.categories()) {
            if (!c.equals("landscapes")) assertEquals("rendered", g.source(c), c);
            if (!c.equals("landscapes")) assertTrue(g.sourceFiles(c).isEmpty(), c);
            for (int i = 0; i < 4; i++) {
                Stimulus s = make(g, c, i, SEED);
                assertEquals(96, s.image().getWidth());
                assertTrue(channelStd(s.image()) > 0.03, c + " fallback draws something");
                if (!c.equals("landscapes")) {
                    assertEquals("rendered", s.attributes().get("source"), c);
                    assertFalse(s.attributes().containsKey("source_file"), c);
                }
            }
        }
        // and with a missing root as well
        VisualGenerator missing = new VisualGenerator(empty.resolve("does-not-exist"));
        assertEquals("rendered", missing.source("animals"));
        assertNotNull(make(missing, "vehicles", 0, SEED).image());
    }

    @Test
    void installedClipArtIsUsedAndTheSourceFileFollowsTheIndexOnly() {
        assumeTrue(Files.isDirectory(VisualGenerator.DEFAULT_CLIPART_ROOT.resolve("animals")), "openclipart-png not installed");
        for (String c : List.of("animals", "vehicles", "food", "tools", "buildings", "plants", "instruments", "objects", "faces")) {
            assertEquals(c.equals("objects") || c.equals("faces") ? "rendered+clipart" : "clipart+rendered", GEN.source(c), c);
            List<String> files = GEN.sourceFiles(c);
            assertTrue(files.size() >= VisualGenerator.MIN_CLIPART_FILES, c);
            assertEquals(files, new VisualGenerator().sourceFiles(c), "the file order is fixed");
            int fromFiles = 0;
            for (int i = 0; i < 24; i++) {
                Stimulus a = make(GEN, c, i, SEED), b = make(GEN, c, i, SEED + 99);
                assertEquals(a.attributes().get("source"), b.attributes().get("source"), "the source depends on the index only");
                assertEquals(a.attributes().get("source_file"), b.attributes().get("source_file"), "so does the file");
                if (GEN.sourceFile(c, i).isPresent()) {
                    fromFiles++;
                    assertEquals("clipart", a.attributes().get("source"), c + " " + i);
                    assertEquals(files.get(i % files.size()), a.attributes().get("source_file"));
                    assertEquals(GEN.sourceFile(c, i).orElseThrow(), a.attributes().get("source_file"));
                    assertTrue(a.attributes().get("source_file").startsWith(a.attributes().get("clipart_folder")));
                } else {
                    assertEquals("rendered", a.attributes().get("source"), c + " " + i);
                    assertFalse(a.attributes().containsKey("source_file"));
                }
            }
            // faces 1/4, objects 1/3, everyday 3/4 from clip art (24 draws: loose bounds)
            double share = c.equals("faces") ? 0.25 : c.equals("objects") ? 1 / 3.0 : 0.75;
            assertTrue(Math.abs(fromFiles / 24.0 - share) < 0.25, c + ": " + fromFiles + " of 24 from clip art");
        }
        assertEquals("rendered", GEN.source("bodies"));
        assertEquals("rendered", GEN.source("furniture"));
        assertEquals("rendered", GEN.source("scenes"));
    }

    @Test
    void whichExemplarsComeFromFilesDoesNotFollowTheRunNumber() {
        // With two runs assigned round-robin, both runs must get both drawing styles.
        int[][] count = new int[2][2];
        for (int i = 0; i < 400; i++) count[i % 2][GEN.fromFile("animals", i) ? 1 : 0]++;
        for (int run = 0; run < 2; run++) {
            assertTrue(count[run][0] > 25 && count[run][1] > 100, java.util.Arrays.deepToString(count));
        }
    }

    @Test
    void aHeldOutSplitCanUseDrawingsNoTrainingItemUsed(@TempDir Path root) throws IOException {
        ClipArtLibraryTest.writeClipArt(root.resolve("animals"), 30);
        VisualGenerator g = new VisualGenerator(root);
        int n = g.sourceFiles("animals").size();
        assertEquals(30, n);
        Set<String> train = new HashSet<>(), test = new HashSet<>();
        int trainFromFiles = 0, testFromFiles = 0;
        for (int i = 0; i < 20; i++) {
            String f = make(g, "animals", i, SEED).attributes().get("source_file");
            if (f != null) { train.add(f); trainFromFiles++; }
        }
        for (int i = 20; i < 30; i++) {
            String f = make(g, "animals", i, SEED + 1).attributes().get("source_file");
            if (f != null) { test.add(f); testFromFiles++; }
        }
        assertEquals(trainFromFiles, train.size(), "no drawing used twice within 0..n-1");
        assertEquals(testFromFiles, test.size());
        assertTrue(trainFromFiles >= 8 && testFromFiles >= 3, trainFromFiles + " " + testFromFiles);
        train.retainAll(test);
        assertTrue(train.isEmpty(), "indices 0..19 and 20..29 share no drawing");
        // Same generator settings, another instance, other seeds: same files for the same indices.
        VisualGenerator again = new VisualGenerator(root);
        for (int i = 0; i < 30; i += 7) {
            assertEquals(make(g, "animals", i, 1).attributes().get("source_file"),
                    make(again, "animals", i, 2).attributes().get("source_file"));
        }
        // The order is a shuffle, not the sorted listing.
        List<String> sorted = new ArrayList<>(g.sourceFiles("animals"));
        sorted.sort(null);
        assertNotEquals(sorted, g.sourceFiles("animals"));
    }

    @Test
    void unreadableClipArtIsSkipped(@TempDir Path root) throws IOException {
        Path dir = root.resolve("food");
        ClipArtLibraryTest.writeClipArt(dir, 14);
        Files.write(dir.resolve("broken_zero.png"), new byte[0]);
        Files.write(dir.resolve("broken_text.png"), "not a png".getBytes());
        byte[] good = Files.readAllBytes(dir.resolve("art_00.png"));
        Files.write(dir.resolve("broken_truncated.png"), Arrays.copyOf(good, 60)); // header only
        VisualGenerator g = new VisualGenerator(root);
        List<String> files = g.sourceFiles("food");
        assertFalse(files.contains("food/broken_zero.png"));
        assertFalse(files.contains("food/broken_text.png"));
        int clip = 0;
        for (int i = 0; i < 2 * files.size(); i++) {
            Stimulus s = make(g, "food", i, SEED);
            if (!"clipart".equals(s.attributes().get("source"))) continue;
            clip++;
            assertFalse(s.attributes().get("source_file").startsWith("food/broken"), s.attributes().toString());
        }
        assertTrue(clip > files.size());
    }

    @Test
    void landscapesMixRenderedViewsAndWallpaperCropsWhenInstalled(@TempDir Path empty) {
        VisualGenerator noWallpapers = new VisualGenerator(96, 96, VisualGenerator.DEFAULT_CLIPART_ROOT, empty,
                VisualGenerator.DEFAULT_WORD_LIST, VisualGenerator.DEFAULT_FILE_ORDER_SEED);
        assertEquals("rendered", noWallpapers.source("landscapes"));
        for (int i = 0; i < 6; i++) assertEquals("rendered", make(noWallpapers, "landscapes", i, SEED).attributes().get("source"));
        assumeTrue(!GEN.sourceFiles("landscapes").isEmpty(), "no natural wallpapers installed");
        assertEquals("rendered+wallpaper", GEN.source("landscapes"));
        Set<String> sources = new HashSet<>();
        for (int i = 0; i < 12; i++) sources.add(make(GEN, "landscapes", i, SEED).attributes().get("source"));
        assertEquals(Set.of("rendered", "wallpaper"), sources);
    }

    @Test
    void badInputGetsAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GEN.generate("cars", 0, 1, 1));
        assertTrue(e.getMessage().contains("cars") && e.getMessage().contains("faces"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GEN.generate("faces", -1, 1, 1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GEN.generate("faces", 0, 0, 1));
        assertTrue(e.getMessage().contains("run"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GEN.generate(null, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> GEN.source("nope"));
        assertThrows(IllegalArgumentException.class, () -> new VisualGenerator(8, 96, Path.of("/x"), Path.of("/y"), Path.of("/z"), 0));
    }

    @Test
    void otherSizesWork() {
        VisualGenerator g = new VisualGenerator(128, 80, VisualGenerator.DEFAULT_CLIPART_ROOT,
                VisualGenerator.DEFAULT_WALLPAPER_ROOT, VisualGenerator.DEFAULT_WORD_LIST, VisualGenerator.DEFAULT_FILE_ORDER_SEED);
        for (String c : g.categories()) {
            BufferedImage img = make(g, c, 1, SEED).image();
            assertEquals(128, img.getWidth(), c);
            assertEquals(80, img.getHeight(), c);
        }
    }
}

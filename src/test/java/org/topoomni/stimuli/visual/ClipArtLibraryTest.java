package org.topoomni.stimuli.visual;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topoomni.stimuli.visual.ClipArtLibrary.Source;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.*;

class ClipArtLibraryTest {

    /** Writes n small PNG drawings with transparent backgrounds, art_00.png .. art_(n-1).png. */
    static void writeClipArt(Path dir, int n) throws IOException {
        Files.createDirectories(dir);
        for (int k = 0; k < n; k++) {
            BufferedImage img = new BufferedImage(60 + k, 50, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.getHSBColor(k / (float) n, 0.8f, 0.9f));
            g.fillOval(10, 8, 35 + k, 30);
            g.setColor(Color.BLACK);
            g.fillRect(20 + k % 10, 20, 6, 6);
            g.dispose();
            ImageIO.write(img, "png", dir.resolve(String.format(Locale.ROOT, "art_%02d.png", k)).toFile());
        }
    }

    static ClipArtLibrary library(Path root, Map<String, List<Source>> catalog, int capacity) {
        return new ClipArtLibrary(root, catalog, 7L, capacity, 64);
    }

    @Test
    void scansSortsFiltersDeduplicatesAndShufflesDeterministically(@TempDir Path root) throws IOException {
        writeClipArt(root.resolve("a"), 6);
        writeClipArt(root.resolve("a/sub"), 3);      // same names as in a/: skipped as duplicates
        Files.copy(root.resolve("a/art_00.png"), root.resolve("a/sub/extra_sign.png"));
        Files.copy(root.resolve("a/art_01.png"), root.resolve("a/sub/other.png"));
        Files.writeString(root.resolve("a/readme.txt"), "not an image");
        Map<String, List<Source>> cat = Map.of(
                "all", List.of(Source.of("a/**")),
                "flat", List.of(Source.of("a/*")),
                "filtered", List.of(Source.excluding("a/**", "sign")),
                "only", List.of(Source.including("a/**", "^other")),
                "none", List.of(Source.of("missing/*")));
        ClipArtLibrary lib = library(root, cat, 8);
        List<String> all = lib.files("all");
        assertEquals(8, all.size(), all.toString()); // 6 + extra_sign + other
        assertTrue(all.contains("a/art_00.png") && !all.contains("a/sub/art_00.png"), "the first of same-named copies wins");
        assertEquals(6, lib.files("flat").size());
        assertFalse(lib.files("filtered").contains("a/sub/extra_sign.png"));
        assertEquals(List.of("a/sub/other.png"), lib.files("only"));
        assertTrue(lib.files("none").isEmpty());
        assertTrue(lib.files("not-in-catalog").isEmpty());
        assertFalse(lib.covers("not-in-catalog"));
        assertSame(all, lib.files("all"), "scanned once");
        assertEquals(all, library(root, cat, 8).files("all"), "same order in another instance");
        assertNotEquals(all, new ClipArtLibrary(root, cat, 8L, 8, 64).files("all"), "another order seed, another order");
    }

    @Test
    void thumbnailsAreCroppedReducedAndOpaqueBackdropsKeyedOut(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("x"));
        BufferedImage big = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB); // opaque, white backdrop
        Graphics2D g = big.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 300);
        g.setColor(Color.BLUE);
        g.fillRect(100, 50, 200, 100);
        g.dispose();
        ImageIO.write(big, "png", root.resolve("x/box.png").toFile());
        ClipArtLibrary lib = library(root, Map.of("x", List.of(Source.of("x/*"))), 8);
        BufferedImage t = lib.thumbnail("x/box.png");
        assertNotNull(t);
        assertTrue(Math.max(t.getWidth(), t.getHeight()) <= 64, t.getWidth() + "x" + t.getHeight());
        assertEquals(2.0, t.getWidth() / (double) t.getHeight(), 0.15, "cropped to the blue box (2:1)");
        int centre = t.getRGB(t.getWidth() / 2, t.getHeight() / 2);
        assertEquals(255, centre >>> 24);
        assertTrue((centre & 0xff) > 200 && ((centre >> 16) & 0xff) < 40, "blue inside");
        // The white around it became transparent and was cropped away: the corners are blue too.
        assertTrue((t.getRGB(1, 1) & 0xff) > 150);
    }

    @Test
    void unreadableFilesAreSkippedAndTheCacheIsBounded(@TempDir Path root) throws IOException {
        writeClipArt(root.resolve("c"), 5);
        Files.write(root.resolve("c/zero.png"), new byte[0]);
        Files.writeString(root.resolve("c/text.png"), "hello");
        ClipArtLibrary lib = library(root, Map.of("c", List.of(Source.of("c/*"))), 2);
        List<String> files = lib.files("c");
        assertEquals(5, files.size(), files.toString());
        for (String f : files) assertNotNull(lib.thumbnail(f));
        assertTrue(lib.cachedCount() <= 2);
        assertNull(lib.thumbnail("c/zero.png"));
        assertNull(lib.thumbnail("c/nothing-here.png"));
    }

    @Test
    void concurrentFirstScansAgree(@TempDir Path root) throws Exception {
        writeClipArt(root.resolve("d"), 20);
        ClipArtLibrary lib = library(root, Map.of("d", List.of(Source.of("d/*"))), 64);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> fs = new ArrayList<>();
            for (int k = 0; k < 8; k++) fs.add(pool.submit(() -> lib.files("d")));
            List<String> first = fs.get(0).get();
            for (Future<List<String>> f : fs) assertSame(first, f.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsBadSettings(@TempDir Path root) {
        assertThrows(IllegalArgumentException.class, () -> new ClipArtLibrary(root, Map.of(), 1, 0, 64));
        assertThrows(IllegalArgumentException.class, () -> new ClipArtLibrary(root, Map.of(), 1, 4, 4));
    }
}

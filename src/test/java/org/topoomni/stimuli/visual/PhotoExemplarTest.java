package org.topoomni.stimuli.visual;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topoomni.stimuli.Stimulus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Photographic exemplars from Tux Paint's stamps (tuxpaint-stamps-default, installed by ./setup). */
class PhotoExemplarTest {
    static final VisualGenerator PLAIN = new VisualGenerator();
    static final VisualGenerator PHOTOS = PLAIN.withPhotos(VisualGenerator.DEFAULT_PHOTO_ROOT);

    static void assumeStamps() {
        assumeTrue(Files.isDirectory(VisualGenerator.DEFAULT_PHOTO_ROOT.resolve("animals")), "tuxpaint-stamps-default not installed");
    }

    @Test
    void everydayCategoriesGetCuratedPhotographs() {
        assumeStamps();
        List<String> animals = PHOTOS.photoFiles("animals");
        assertTrue(animals.size() >= 50, "animal photographs: " + animals.size());
        for (String c : VisualGenerator.CATEGORIES) {
            for (String f : PHOTOS.photoFiles(c)) {
                assertFalse(f.contains("/cartoon/") || f.contains("/toys/") || f.contains("_mirror"), f);
                assertTrue(f.endsWith(".png"), f);
            }
        }
        assertTrue(animals.stream().noneMatch(f -> f.endsWith("/hedgehog.png") || f.contains("/fish/")), "drawn or fish stamps among the animals");
        assertTrue(PHOTOS.photoFiles("insects").contains("animals/insects/hoverfly.png"));
        assertFalse(PHOTOS.photoFiles("insects").contains("animals/insects/fly.png"));
        for (String none : List.of("faces", "bodies", "objects", "scenes", "words", "buildings", "clothing", "furniture", "landscapes")) {
            assertTrue(PHOTOS.photoFiles(none).isEmpty(), none);
        }
        assertEquals("clipart+photo+rendered", PHOTOS.source("animals"));
        assertEquals(PLAIN.source("faces"), PHOTOS.source("faces"));
        assertTrue(PLAIN.photoFiles("animals").isEmpty(), "photos are off unless asked for");
    }

    @Test
    void photoExemplarsAreCompositedAndNamedByFile() {
        assumeStamps();
        int photos = 0, n = 400;
        for (int i = 0; i < n; i++) {
            String planned = PHOTOS.sourceFile("animals", i).orElse("");
            if (!planned.startsWith(VisualGenerator.PHOTO_SOURCE_PREFIX)) continue;
            photos++;
            if (photos > 6) continue;
            Stimulus s = VisualGeneratorTest.make(PHOTOS, "animals", i, 7);
            assertEquals("photo", s.attributes().get("source"));
            assertEquals(planned, s.attributes().get("source_file"));
            assertEquals(96, s.image().getWidth());
            assertTrue(VisualGeneratorTest.channelStd(s.image()) > 0.05, "a visible picture");
            Stimulus again = VisualGeneratorTest.make(PHOTOS, "animals", i, 7);
            assertArrayEquals(VisualGeneratorTest.pixels(s.image()), VisualGeneratorTest.pixels(again.image()), "deterministic");
        }
        // 40% of the 75% file-based exemplars
        double share = photos / (double) n;
        assertTrue(share > 0.22 && share < 0.38, "share of photographs " + share);
    }

    @Test
    void everyOtherExemplarIsUnchanged() {
        assumeStamps();
        Set<String> kinds = new HashSet<>();
        for (String c : List.of("animals", "faces", "objects", "vehicles")) {
            for (int i = 0; i < 24; i++) {
                if (PHOTOS.sourceFile(c, i).orElse("").startsWith(VisualGenerator.PHOTO_SOURCE_PREFIX)) continue;
                Stimulus a = VisualGeneratorTest.make(PLAIN, c, i, 3), b = VisualGeneratorTest.make(PHOTOS, c, i, 3);
                assertArrayEquals(VisualGeneratorTest.pixels(a.image()), VisualGeneratorTest.pixels(b.image()), c + " " + i);
                assertEquals(a.attributes(), b.attributes());
                kinds.add(a.attributes().get("source"));
            }
        }
        assertTrue(kinds.containsAll(List.of("clipart", "rendered")), kinds.toString());
    }

    @Test
    void missingStampFolderGivesNoPhotographs(@TempDir Path empty) {
        VisualGenerator g = PLAIN.withPhotos(empty.resolve("none"));
        assertTrue(g.photoFiles("animals").isEmpty());
        assertEquals(PLAIN.source("animals"), g.source("animals"));
        assertEquals(PLAIN.sourceFile("animals", 3), g.sourceFile("animals", 3));
        assertTrue(Arrays.equals(VisualGeneratorTest.pixels(VisualGeneratorTest.make(PLAIN, "birds", 5, 1).image()),
                VisualGeneratorTest.pixels(VisualGeneratorTest.make(g, "birds", 5, 1).image())));
    }
}

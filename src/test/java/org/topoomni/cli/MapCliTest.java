package org.topoomni.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topoomni.map.Contrasts;
import org.topoomni.map.MapFixtures;
import org.topoomni.report.LocalizerReport;
import org.topoomni.sheet.SheetResponses;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class MapCliTest {

    @TempDir
    Path dir;

    @Test
    void helpListsCompare() {
        CliTest.Run r = CliTest.run("--help");
        assertTrue(r.out().matches("(?s).*\\n\\s+compare\\s+\\S.*"), r.out());
        CliTest.Run b = CliTest.run("bench", "--help");
        assertTrue(b.out().matches("(?s).*\\n\\s+analysis\\s+\\S.*"), b.out());
    }

    @Test
    void compareWritesMapsAndPrintsTheTable() throws Exception {
        for (boolean topo : new boolean[] {true, false}) {
            SheetResponses r = MapFixtures.localizer(MapFixtures.tiny(), topo, 8, 4, 3.0, 5);
            LocalizerReport.run(r, Contrasts.select(Contrasts.standard(), List.of("faces", "speech")),
                    new LocalizerReport.Options(topo ? "topo" : "control", org.topoomni.map.SelectivityAnalysis.Settings.defaults().withPermutations(99),
                            org.topoomni.map.ResponseProfiles.Settings.defaults(), false), dir.resolve(topo ? "a" : "b"), null);
        }
        CliTest.Run r = CliTest.run("compare", "--runs", dir.resolve("a") + "," + dir.resolve("b"), "--out", dir.resolve("cmp").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("| contrast | Moran's I topographic | Moran's I control |"), r.out());
        assertTrue(r.out().contains("| faces |"), r.out());
        assertTrue(r.out().contains("| speech |"), r.out());
        assertTrue(Files.isRegularFile(dir.resolve("cmp/faces.png")));
        assertTrue(Files.isRegularFile(dir.resolve("cmp/speech.png")));
        assertTrue(Files.isRegularFile(dir.resolve("cmp/comparison.csv")));
    }

    @Test
    void compareBadInputIsOneClearLine() {
        CliTest.Run r = CliTest.run("compare", "--runs", dir.resolve("x").toString(), "--out", dir.resolve("cmp").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("topo-omni compare: error: --runs needs exactly two folders A,B, got 1"), r.err());
        r = CliTest.run("compare", "--runs", dir.resolve("x") + "," + dir.resolve("y"), "--out", dir.resolve("cmp").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("error: no localize output folder at " + dir.resolve("x")), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void analysisBenchmarkEndsWithItsNumber() {
        CliTest.Run r = CliTest.run("bench", "analysis", "--stimuli", "16", "--permutations", "19", "--warmup", "0", "--repetitions", "1");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertTrue(lines[lines.length - 1].matches("analysis_ms=\\d+\\.\\d"), lines[lines.length - 1]);
        assertTrue(r.out().contains("sheet 304 x 512"), r.out());
        CliTest.Run bad = CliTest.run("bench", "analysis", "--stimuli", "2");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("need at least 4 stimuli"), bad.err());
    }
}

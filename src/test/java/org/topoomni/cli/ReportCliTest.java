package org.topoomni.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class ReportCliTest {

    @TempDir
    Path dir;

    @Test
    void reportRewritesTheReportOfARunFolder() throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("results.json"), "{\"pretrain\": {\"visual_accuracy\": 0.95, \"auditory_accuracy\": 0.5}}");
        CliTest.Run r = CliTest.run("report", "--run", run.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("report: " + run.resolve("report.html").toAbsolutePath(), r.out().strip());
        String html = Files.readString(run.resolve("report.html"));
        assertTrue(html.contains("topo-omni " + Versions.VERSION), "the program's version is in the report");
        assertTrue(html.contains("visual <span class=\"v pass\">95%</span>"), "the pretraining's visual accuracy is reported, and passes its target");
        assertTrue(html.contains("auditory <span class=\"v fail\">50%</span>"), "the auditory accuracy is reported, and fails its target");
        assertTrue(html.contains("Not run."), "the missing stages are said to be missing");
    }

    @Test
    void badRunFolderIsOneClearLine() throws Exception {
        CliTest.Run r = CliTest.run("report", "--run", dir.resolve("missing").toString());
        assertEquals(2, r.code());
        assertEquals("topo-omni report: error: no run folder at " + dir.resolve("missing"), r.err().strip());
        Files.createDirectories(dir.resolve("empty"));
        r = CliTest.run("report", "--run", dir.resolve("empty").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("topo-omni report: error: " + dir.resolve("empty") + " is not a demo output folder"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        r = CliTest.run("report");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Missing required option: '--run=<run>'"), r.err());
    }
}

package org.topoomni.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** A demo run folder resumes only the demo that made it. */
class DemoFolderTest {

    @Test
    void aFolderOfADemoOnAnotherBaseModelIsAClearErrorAndNothingIsWritten(@TempDir Path out) throws Exception {
        Files.createDirectories(out.resolve("topo"));
        String meta = "{\"base\": \"" + out.resolve("elsewhere/models/tinyomni-other").toString().replace("\\", "/") + "\", \"alpha\": 20.0}";
        Files.writeString(out.resolve("topo/cortical.json"), meta);
        CliTest.Run r = CliTest.run("demo", "--tiny", "--out", out.toString());
        assertNotEquals(0, r.code(), "a folder of another demo must not be resumed");
        assertTrue(r.err().contains("holds a demo run on the base model") && r.err().contains("tinyomni-other"), r.err());
        assertEquals(meta, Files.readString(out.resolve("topo/cortical.json")), "the other run's files stay as they were");
        assertFalse(Files.exists(out.resolve("report.html")));
        assertFalse(Files.exists(out.resolve("compare")));
    }
}

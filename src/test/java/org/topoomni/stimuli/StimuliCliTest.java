package org.topoomni.stimuli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topoomni.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** {@code topo-omni stimuli generate} and {@code inspect} through the command line. */
class StimuliCliTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void generateThenInspectATinyTextSet() throws Exception {
        Path out = tmp.resolve("lib");
        Run g = run("stimuli", "generate", "--out", out.toString(), "--seed", "11", "--per-category", "2",
                "--family", "text", "--threads", "2");
        assertEquals(0, g.code(), g.err());
        assertTrue(g.out().contains("text") && g.out().contains("76 items"), g.out());
        StimulusSet set = StimulusSet.load(out.resolve("text"), true);
        assertEquals(11, set.manifest().seed());
        assertTrue(set.manifest().createdBy().startsWith("topo-omni "));
        Run again = run("stimuli", "generate", "--out", out.toString(), "--seed", "11", "--per-category", "2",
                "--family", "text", "--no-progress");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("already complete, skipped"), again.out());

        Run i = run("stimuli", "inspect", out.toString());
        assertEquals(0, i.code(), i.err());
        assertTrue(i.out().contains("set text: family text, seed 11, 76 items, 4 runs"), i.out());
        assertTrue(i.out().contains("arithmetic_hard"), i.out());
        assertTrue(Files.isRegularFile(out.resolve("_inspect/text/sentences_examples.txt")));
    }

    @Test
    void userErrorsAreOneLineWithExitCode2() {
        Run r = run("stimuli", "generate", "--out", tmp.resolve("x").toString(), "--family", "smells");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown stimulus family 'smells'"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        Run e = run("stimuli", "inspect", tmp.resolve("nothing").toString());
        assertEquals(2, e.code());
        assertTrue(e.err().contains("no such folder"), e.err());
    }
}

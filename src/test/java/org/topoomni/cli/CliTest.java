package org.topoomni.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

class CliTest {

    /** Runs the command line with stdout and stderr captured. */
    static Run run(String... args) {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    record Run(int code, String out, String err) {}

    @Test
    void helpListsEverySubcommandWithADescription() {
        Run r = run("--help");
        assertEquals(0, r.code());
        for (String cmd : new String[] {"sheet", "bench", "demo"}) {
            assertTrue(r.out().matches("(?s).*\\n\\s+" + cmd + "\\s+\\S.*"), cmd + " missing from help:\n" + r.out());
        }
    }

    @Test
    void everyCommandsHelpFormatsCleanly() {
        java.util.List<java.util.List<String>> commands = new java.util.ArrayList<>();
        new picocli.CommandLine(new Main()).getSubcommands().forEach((name, sub) -> {
            if (name.equals("help")) return;
            commands.add(java.util.List.of(name));
            sub.getSubcommands().keySet().forEach(s -> commands.add(java.util.List.of(name, s)));
        });
        assertTrue(commands.size() > 12, "every command and sub-command: " + commands);
        for (java.util.List<String> cmd : commands) {
            java.util.List<String> args = new java.util.ArrayList<>(cmd);
            args.add("--help");
            Run r = run(args.toArray(new String[0]));
            assertEquals(0, r.code(), cmd + ": " + r.err());
            assertFalse(r.err().contains("WARN"), cmd + " --help: " + r.err());
            assertTrue(r.out().contains("Usage: topo-omni " + String.join(" ", cmd)), cmd + ": " + r.out());
            assertFalse(r.out().contains("%n") || r.out().contains("${"), cmd + " --help shows an unformatted placeholder:\n" + r.out());
        }
    }

    @Test
    void withoutAModelAskRunsTheEmbeddedDefaultOrSaysHowToBuildIt() {
        org.topoomni.model.BasePretraining recipe = org.topoomni.registry.Backbones.pretraining(org.topoomni.registry.Backbones.EMBEDDED_DEFAULT);
        boolean built = recipe.isDone(Defaults.baseModel(recipe, 0, org.topoomni.model.BasePretraining.Scale.FULL));
        Run r = run("ask", "--text", "What is 3 + 4?", "--max-tokens", "2");
        if (built) {
            assertEquals(0, r.code(), r.err());
        } else {
            assertNotEquals(0, r.code());
            assertTrue(r.err().contains("no --model given, and the embedded default (pretrained-omni) is not built yet: ./topo-omni demo builds it"), r.err());
        }
    }

    @Test
    void sheetCommandPrintsThePapersLayout() {
        Run r = run("sheet");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("304 x 512"), r.out());
        assertTrue(r.out().contains("language"), r.out());
    }

    @Test
    void badInputIsOneClearLineAndExitCode2() {
        Run r = run("bench", "loss", "--radius", "-1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("topo-omni bench loss: error: neighbourhood radius must be a positive number"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace for a user error:\n" + r.err());
        Run unknown = run("sheet", "--preset", "gpt-9");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown sheet preset 'gpt-9'"), unknown.err());
    }

    @Test
    void lossBenchmarkRunsOnASmallSheetAndEndsWithItsNumber() {
        Run r = run("bench", "loss", "--preset", "qwen2.5-omni-3b", "-T", "8", "--neighbourhoods", "4",
                "--radius", "5", "--warmup", "0", "--steps", "2");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertTrue(lines[lines.length - 1].matches("loss_step_ms=\\d+\\.\\d"), lines[lines.length - 1]);
    }
}

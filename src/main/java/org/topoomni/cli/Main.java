package org.topoomni.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code topo-omni} command line: wires the packages together, holds no science itself. */
@Command(name = "topo-omni",
        mixinStandardHelpOptions = true,
        versionProvider = Versions.class,
        description = "Make a multimodal network topographic on one cortical sheet and map it like cortex.",
        subcommands = {
                SheetCommand.class,
                StimuliCommand.class,
                PretrainCommand.class,
                AskCommand.class,
                TrainCommand.class,
                LocalizeCommand.class,
                CompareCommand.class,
                PerturbCommand.class,
                DiscoverCommand.class,
                BenchCommand.class,
                DemoCommand.class,
                ReportCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (used by tests). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Errors::handle);
        return cl.execute(args);
    }
}

package org.topoomni.cli;

import org.topoomni.stimuli.Families;
import org.topoomni.stimuli.Progress;
import org.topoomni.stimuli.StimulusFolder;
import org.topoomni.stimuli.StimulusInspector;
import org.topoomni.stimuli.StimulusLibrary;
import org.topoomni.stimuli.StimulusLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "stimuli", mixinStandardHelpOptions = true,
        description = "Generate the stimulus library offline and inspect stimulus sets.",
        subcommands = {StimuliCommand.Generate.class, StimuliCommand.Inspect.class})
final class StimuliCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Write one stimulus set per family (deterministic from the seed; resumes finished families).")
    static final class Generate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--out", required = true, description = "Output folder; each family goes to OUT/<family>.")
        Path out;

        @Option(names = "--seed", defaultValue = "1", description = "Run seed; default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--per-category", defaultValue = "64",
                description = "Exemplars per category (the corpus makes more); default: ${DEFAULT-VALUE}.")
        int perCategory;

        @Option(names = "--family", split = ",",
                description = "Families to make, comma-separated (visual, retinotopy, auditory, tonotopy, text, audiovisual, pool); default: all available.")
        java.util.List<String> families;

        @Option(names = "--runs", defaultValue = "4", description = "Runs, assigned round-robin by index; default: ${DEFAULT-VALUE}.")
        int runs;

        @Option(names = "--threads", description = "Worker threads; default: number of cores.")
        Integer threads;

        @Option(names = "--no-progress", description = "Do not draw progress bars.")
        boolean noProgress;

        @Override
        public Integer call() {
            Families fam = Families.standard();
            StimulusLibrary lib = new StimulusLibrary(fam).runs(runs).createdBy("topo-omni " + Versions.VERSION);
            if (threads != null) lib.threads(threads);
            java.util.Set<String> wanted = new java.util.LinkedHashSet<>();
            if (families != null) for (String f : families) wanted.addAll(StimulusLibrary.parseFamilies(f));
            long t0 = System.nanoTime();
            Map<String, StimulusLibrary.Result> res = lib.generate(out, seed, perCategory, wanted,
                    noProgress ? Progress.NONE : Progress.console(System.err));
            var w = spec.commandLine().getOut();
            long items = 0, bytes = 0;
            for (StimulusLibrary.Result r : res.values()) {
                w.printf(Locale.ROOT, "%-12s %7d items %10.1f MB  %s  %s%n", r.family(), r.items(), r.bytes() / 1e6,
                        r.skipped() ? "already complete, skipped" : String.format(Locale.ROOT, "%.1f s", r.millis() / 1000.0),
                        r.dir());
                items += r.items();
                bytes += r.bytes();
            }
            w.printf(Locale.ROOT, "total        %7d items %10.1f MB  %.1f s%n", items, bytes / 1e6, (System.nanoTime() - t0) / 1e9);
            w.flush();
            return 0;
        }
    }

    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = "Print counts per category and run; write contact sheets and spectrograms to DIR/_inspect.")
    static final class Inspect implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "A stimulus set folder, a folder of sets, or your own folder of stimulus files.")
        Path dir;

        @Option(names = "--clips", description = "Your own folder only: cut sounds and videos into clips of this many seconds, "
                + "as screening does (2), and list each clip's span in items.csv.")
        Double clips;

        @Override
        public Integer call() {
            if (clips == null) {
                StimulusInspector.inspect(dir, spec.commandLine().getOut());
            } else {
                if (!(clips > 0)) throw new IllegalArgumentException("--clips must be a positive number of seconds, got " + clips);
                StimulusFolder folder = StimulusFolder.open(dir, new StimulusLoader().withClips(clips));
                if (folder.kind() != StimulusFolder.Kind.FOLDER) throw new IllegalArgumentException("--clips is for your own folders; " + dir + " is a generated " + folder.layout());
                StimulusInspector.inspectFolder(folder, spec.commandLine().getOut());
            }
            return 0;
        }
    }
}

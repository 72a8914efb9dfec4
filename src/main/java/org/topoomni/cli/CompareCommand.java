package org.topoomni.cli;

import org.topoomni.report.RunComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare two localize outputs (topographic vs control): side-by-side maps and a table of Moran's I and islands.")
final class CompareCommand implements Callable<Integer> {

    @Option(names = "--runs", required = true, split = ",", description = "Two localize output folders A,B (A: topographic, B: control).")
    List<Path> runs;

    @Option(names = "--labels", split = ",", defaultValue = "topographic,control", description = "Names of A and B (default: ${DEFAULT-VALUE}).")
    List<String> labels;

    @Option(names = "--out", required = true, description = "Folder for the figures (<contrast>.png) and comparison.csv / comparison.md.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (runs.size() != 2) throw new IllegalArgumentException("--runs needs exactly two folders A,B, got " + runs.size());
        if (labels.size() != 2) throw new IllegalArgumentException("--labels needs exactly two names, got " + labels.size());
        List<RunComparison.Row> rows = RunComparison.run(runs.get(0), runs.get(1), labels.get(0), labels.get(1), out);
        System.out.print(RunComparison.markdown(rows, labels.get(0), labels.get(1)));
        System.out.println("figures and tables in " + out);
        return 0;
    }
}

package org.topoomni.perturb;

import org.topoomni.io.AtomicFiles;
import org.topoomni.io.Csv;
import org.topoomni.plot.LinePlot;
import org.topoomni.results.PerturbationSummary;
import org.topoomni.task.Answers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A perturbation run as files, in its output folder: {@code summary.json} (every curve, the
 * model, whether it is the control, the settings, the timings: {@link PerturbationSummary}),
 * {@code curves.png} (dose-response, cluster solid vs random dashed, one panel per category) and
 * {@code examples.csv} (every answer and its judgement). Every file is written atomically.
 */
public final class PerturbationFiles {
    public static final String SUMMARY = PerturbationSummary.FILE, CURVES = "curves.png", EXAMPLES = "examples.csv";

    private PerturbationFiles() {
    }

    /** Writes the run's three files into {@code out}. */
    public static void write(Path out, Perturbation.Result r) throws IOException {
        Files.createDirectories(out);
        writeExamples(out.resolve(EXAMPLES), r.examples());
        writeCurves(out.resolve(CURVES), r.summary());
        r.summary().write(out.resolve(SUMMARY));
    }

    static void writeCurves(Path file, PerturbationSummary s) throws IOException {
        List<LinePlot.Panel> panels = new ArrayList<>();
        double[] x = null;
        for (var e : s.categories().entrySet()) {
            PerturbationSummary.Curves c = e.getValue();
            x = c.coverage();
            String p = Answers.phrase(e.getKey());
            panels.add(new LinePlot.Panel(e.getKey() + " cluster (" + s.model() + ", " + s.modelType() + ")", List.of(
                    new LinePlot.Line("drive: says '" + p + "'", c.driveRate(), 0x1f77b4, false),
                    new LinePlot.Line("  random mask", c.randomDriveRate(), 0x1f77b4, true),
                    new LinePlot.Line("suppress: " + e.getKey() + " correct", c.suppressAccuracy(), 0xd62728, false),
                    new LinePlot.Line("  random mask", c.randomSuppressAccuracy(), 0xd62728, true),
                    new LinePlot.Line("suppress: others correct", c.suppressOtherAccuracy(), 0x2ca02c, false),
                    new LinePlot.Line("  random mask", c.randomSuppressOtherAccuracy(), 0x2ca02c, true))));
        }
        LinePlot.writePanels(file, "Perturbation dose-response: rate vs coverage (% of the vision stack)", "coverage %", x, panels, 0, 1);
    }

    static void writeExamples(Path file, List<Perturbation.Example> examples) throws IOException {
        StringBuilder sb = new StringBuilder("stimulus,category,condition,target,mask,coverage,n_units,answer,judged\n");
        for (Perturbation.Example e : examples) {
            sb.append(Csv.quote(e.stimulus())).append(',').append(Csv.quote(e.category())).append(',').append(e.condition()).append(',')
                    .append(e.target() == null ? "" : Csv.quote(e.target())).append(',').append(e.mask()).append(',')
                    .append(fmt(e.coverage())).append(',').append(e.nUnits()).append(',')
                    .append(Csv.quote(e.answer())).append(',')
                    .append(e.judged() == null ? "" : Csv.quote(e.judged())).append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}

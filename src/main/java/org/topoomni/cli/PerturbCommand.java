package org.topoomni.cli;

import ai.djl.ndarray.NDManager;
import org.topoomni.perturb.Perturbation;
import org.topoomni.perturb.PerturbationFiles;
import org.topoomni.results.PerturbationSummary;
import org.topoomni.stimuli.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "perturb", mixinStandardHelpOptions = true,
        description = "Drive and suppress category clusters and measure what the model says it sees (dose-response, cluster vs random masks).")
final class PerturbCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "Model folder: a train output (adaptors) or a checkpoint.")
    Path model;
    @Option(names = "--localizer", required = true, description = "The localize output of this model (its responses/ and summary.json).")
    Path localizer;
    @Option(names = "--stimuli", required = true, description = "Stimulus library the localizer used (held-out images of its visual set are the probes).")
    Path stimuli;
    @Option(names = "--more-images", split = ",", description = "Further libraries whose held-out visual images join the probe "
            + "(e.g. the pretraining extras under .cache/stimuli); masks and deltas still come from --localizer.")
    List<Path> moreImages;
    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;
    @Option(names = "--categories", split = ",", description = "Categories whose clusters are perturbed (default: faces,bodies,scenes,objects).")
    List<String> categories;
    @Option(names = "--coverage", split = ",", description = "Mask sizes in percent of the vision stack (default: 0,2.5,5,10,15,20,30).")
    double[] coverage;
    @Option(names = "--random-masks", defaultValue = "1", description = "Random masks per category and coverage (default: ${DEFAULT-VALUE}).")
    int randomMasks;
    @Option(names = "--per-category", defaultValue = "40", description = "Held-out images per category, at most (default: ${DEFAULT-VALUE}).")
    int perCategory;
    @Option(names = "--seed", defaultValue = "0", description = "Seed of the random masks and the image sample (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--max-tokens", defaultValue = "8", description = "Longest answer in tokens (default: ${DEFAULT-VALUE}).")
    int maxTokens;
    @Option(names = "--batch", defaultValue = "0", description = "Rows (image x condition) per forward pass; memory grows with it (default: the model's own, 512 for tinyomni, 48 for pretrained-omni).")
    int batch;

    @picocli.CommandLine.Mixin
    DeviceOption device = new DeviceOption();

    @Override
    public Integer call() throws Exception {
        Perturbation.Settings s = Perturbation.Settings.defaults().withRandomMasks(randomMasks).withPerCategory(perCategory).withSeed(seed)
                .withMaxTokens(maxTokens).withBatchSize(batch);
        if (categories != null) s = s.withCategories(categories.stream().map(String::trim).toList());
        if (coverage != null) s = s.withCoverages(coverage);
        try (NDManager manager = device.manager()) {
            PerturbationSummary r = Perturbation.run(manager, model, localizer, stimuli, moreImages == null ? List.of() : moreImages, out, s,
                    System.err, Progress.console(System.err));
            System.out.printf(Locale.ROOT, "perturbation of %s (%s): %d answers in %.1f s (%.1f answers/s); total %.1f s%n", r.model(), r.modelType(),
                    r.timings().get("answers").intValue(), r.timings().get("probe_s"), r.timings().get("answers_per_s"), r.timings().get("total_s"));
            for (var e : r.categories().entrySet()) {
                PerturbationSummary.Curves c = e.getValue();
                System.out.printf(Locale.ROOT, "%s (%d images, %d others):%n", e.getKey(), c.nImages(), c.nOtherImages());
                System.out.println("  coverage %          " + row(c.coverage(), "%6.1f"));
                System.out.println("  units               " + rowInt(c.nUnits()));
                System.out.println("  drive rate          " + row(c.driveRate(), "%6.2f"));
                System.out.println("    random            " + row(c.randomDriveRate(), "%6.2f"));
                System.out.println("  suppress accuracy   " + row(c.suppressAccuracy(), "%6.2f"));
                System.out.println("    random            " + row(c.randomSuppressAccuracy(), "%6.2f"));
                System.out.println("  others' accuracy    " + row(c.suppressOtherAccuracy(), "%6.2f"));
                System.out.println("    random            " + row(c.randomSuppressOtherAccuracy(), "%6.2f"));
            }
            System.out.println("results: " + out.resolve(PerturbationFiles.SUMMARY).toAbsolutePath());
        }
        return 0;
    }

    private static String row(double[] v, String f) {
        StringBuilder sb = new StringBuilder();
        for (double x : v) sb.append(Double.isNaN(x) ? "     -" : String.format(Locale.ROOT, f, x));
        return sb.toString();
    }

    private static String rowInt(int[] v) {
        StringBuilder sb = new StringBuilder();
        for (int x : v) sb.append(String.format(Locale.ROOT, "%6d", x));
        return sb.toString();
    }
}

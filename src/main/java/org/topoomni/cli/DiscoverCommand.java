package org.topoomni.cli;

import ai.djl.ndarray.NDManager;
import org.topoomni.discover.Discovery;
import org.topoomni.model.CorticalModel;
import org.topoomni.registry.Models;
import org.topoomni.results.ScreeningSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "discover", mixinStandardHelpOptions = true,
        description = "Screen an unlabeled pool for clusters on the sheet: base-model embeddings, Ward tree, top-down walk, a map per cluster.")
final class DiscoverCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "The topographic model: a train output (adaptors); its base backbone embeds the pool.")
    Path model;
    @Option(names = "--pool", required = true, description = "The pool: a generated screening pool (a library folder or its pool/ set), "
            + "or your own folder of images, sounds, texts and videos; sounds and videos are cut into 2-s clips, each an item with its file and span.")
    Path pool;
    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;
    @Option(names = "--labels", description = "Hidden labels (the pool's labels.json), for evaluation only: top label and purity per cluster.")
    Path labels;
    @Option(names = "--min-size", description = "Smallest cluster (default: the paper's 10 of 2,572 items, scaled to the pool).")
    Integer minSize;
    @Option(names = "--max-size", description = "Largest cluster (default: the paper's 500 of 2,572 items, scaled to the pool).")
    Integer maxSize;
    @Option(names = "--fwhm", description = "Smoothing FWHM in sheet units (default: the localizers' 4 units scaled to the sheet).")
    Double fwhm;
    @Option(names = "--permutations", defaultValue = "999", description = "Permutations per island for Moran's I (default: ${DEFAULT-VALUE}).")
    int permutations;
    @Option(names = "--seed", defaultValue = "0", description = "Seed of the permutations and collage samples (default: ${DEFAULT-VALUE}).")
    long seed;

    @picocli.CommandLine.Mixin
    DeviceOption device = new DeviceOption();

    @Override
    public Integer call() throws Exception {
        if (minSize != null && minSize < 1) throw new IllegalArgumentException("--min-size must be a positive number of items, got " + minSize);
        if (maxSize != null && maxSize < 1) throw new IllegalArgumentException("--max-size must be a positive number of items, got " + maxSize);
        Discovery.Settings s = Discovery.Settings.defaults().withSizes(minSize == null ? 0 : minSize, maxSize == null ? 0 : maxSize)
                .withPermutations(permutations).withSeed(seed);
        if (fwhm != null) s = s.withFwhm(fwhm);
        Discovery.loadPool(pool); // a bad pool is reported before the model is loaded
        try (NDManager manager = device.manager(); CorticalModel m = Models.open(manager, model)) {
            ScreeningSummary summary = Discovery.run(manager, m, pool, labels, out, s, System.out);
            System.out.printf(Locale.ROOT, "%d clusters in %.1f s; results: %s%n", summary.nClusters(), summary.timings().get("total"),
                    out.resolve(ScreeningSummary.FILE).toAbsolutePath());
        }
        return 0;
    }
}

package org.topoomni.cli;

import org.topoomni.bench.AnalysisBenchmark;
import org.topoomni.bench.LossBenchmark;
import org.topoomni.sheet.SheetPresets;

import ai.djl.ndarray.types.DataType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that print numbers (speed and memory of the hot paths).",
        subcommands = {BenchCommand.Loss.class, BenchCommand.Analysis.class, BenchCommand.Model.class, BenchCommand.Discover.class, BenchCommand.Qwen.class})
final class BenchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "loss", mixinStandardHelpOptions = true,
            description = "Time one step (forward + backward) of the spatial loss on a full sheet; last line loss_step_ms=<median>.")
    static final class Loss implements Callable<Integer> {
        @Option(names = "--preset", defaultValue = SheetPresets.QWEN25_OMNI_3B, description = "Sheet preset (default: ${DEFAULT-VALUE}).")
        String preset;
        @Option(names = {"-T", "--samples"}, defaultValue = "64", description = "Samples (time bins) per sheet (default: ${DEFAULT-VALUE}).")
        int samples;
        @Option(names = "--neighbourhoods", defaultValue = "100", description = "Neighbourhoods per step (default: ${DEFAULT-VALUE}).")
        int neighbourhoods;
        @Option(names = "--radius", defaultValue = "20", description = "Disc radius in sheet units (default: ${DEFAULT-VALUE}).")
        double radius;
        @Option(names = "--dtype", defaultValue = "float32", description = "float32 or float64 (default: ${DEFAULT-VALUE}).")
        String dtype;
        @Option(names = "--warmup", defaultValue = "2", description = "Untimed warm-up steps (default: ${DEFAULT-VALUE}).")
        int warmup;
        @Option(names = "--steps", defaultValue = "7", description = "Timed steps, at least 5 for the reported median (default: ${DEFAULT-VALUE}).")
        int steps;
        @Option(names = "--seed", defaultValue = "0", description = "Seed of data and neighbourhoods (default: ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public Integer call() {
            if (samples < 2) throw new IllegalArgumentException("--samples must be at least 2, got " + samples);
            DataType type = switch (dtype.toLowerCase(Locale.ROOT)) {
                case "float32" -> DataType.FLOAT32;
                case "float64" -> DataType.FLOAT64;
                default -> throw new IllegalArgumentException("--dtype must be float32 or float64, got " + dtype);
            };
            LossBenchmark.Result r = LossBenchmark.run(new LossBenchmark.Settings(SheetPresets.get(preset), samples,
                    neighbourhoods, radius, type, warmup, steps, seed), System.out);
            System.out.printf(Locale.ROOT, "median %.1f ms per step (min %.1f) over %d steps%n", r.medianMs(), r.minMs(), steps);
            System.out.printf(Locale.ROOT, "effective %.1f GFLOP/s%n", r.gflops());
            System.out.printf(Locale.ROOT, "peak memory (resident, incl. native) %.0f MiB%n", r.peakRssBytes() / 1048576.0);
            System.out.printf(Locale.ROOT, "loss_step_ms=%.1f%n", r.medianMs());
            return 0;
        }
    }

    @Command(name = "model", mixinStandardHelpOptions = true,
            description = "Time a model folder of any architecture: a batch of stimuli recorded on the sheet (forward) and answered (greedy); "
                    + "last line model_forward_ms=<median>.")
    static final class Model implements Callable<Integer> {
        @Option(names = "--model", required = true, description = "Model folder: a base model of any supported architecture, or a topographic model.")
        java.nio.file.Path model;
        @Option(names = "--batch", defaultValue = "16", description = "Stimuli per batch (default: ${DEFAULT-VALUE}).")
        int batch;
        @Option(names = "--repetitions", defaultValue = "5", description = "Timed repetitions (default: ${DEFAULT-VALUE}).")
        int repetitions;
        @Option(names = "--max-tokens", defaultValue = "8", description = "Tokens per answer (default: ${DEFAULT-VALUE}).")
        int maxTokens;
        @picocli.CommandLine.Mixin
        DeviceOption device = new DeviceOption();

        @Override
        public Integer call() throws Exception {
            var r = org.topoomni.bench.ModelBenchmark.run(model, batch, 1, repetitions, maxTokens, System.out, device.device());
            System.out.printf(Locale.ROOT, "median per batch of %d: forward with the sheet recorded %.0f ms, greedy answers of %d tokens %.0f ms%n",
                    r.batch(), r.forwardMs(), maxTokens, r.generateMs());
            System.out.printf(Locale.ROOT, "model_generate_ms=%.0f%n", r.generateMs());
            System.out.printf(Locale.ROOT, "model_forward_ms=%.0f%n", r.forwardMs());
            return 0;
        }
    }

    @Command(name = "analysis", mixinStandardHelpOptions = true,
            description = "Time one contrast's statistics (smoothing, Welch t, FDR, island Moran's I) on a full sheet; last line analysis_ms=<median>.")
    static final class Analysis implements Callable<Integer> {
        @Option(names = "--preset", defaultValue = SheetPresets.QWEN25_OMNI_3B, description = "Sheet preset (default: ${DEFAULT-VALUE}).")
        String preset;
        @Option(names = "--stimuli", defaultValue = "200", description = "Synthetic stimuli, half ON and half OFF (default: ${DEFAULT-VALUE}).")
        int stimuli;
        @Option(names = "--permutations", defaultValue = "999", description = "Permutations per island (default: ${DEFAULT-VALUE}).")
        int permutations;
        @Option(names = "--warmup", defaultValue = "2", description = "Untimed warm-up repetitions (default: ${DEFAULT-VALUE}).")
        int warmup;
        @Option(names = "--repetitions", defaultValue = "7", description = "Timed repetitions, at least 5 for the reported median (default: ${DEFAULT-VALUE}).")
        int repetitions;
        @Option(names = "--seed", defaultValue = "0", description = "Seed of the synthetic data and the permutations (default: ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public Integer call() {
            if (permutations < 0) throw new IllegalArgumentException("--permutations must be >= 0, got " + permutations);
            AnalysisBenchmark.Result r = AnalysisBenchmark.run(new AnalysisBenchmark.Settings(SheetPresets.get(preset), stimuli, warmup,
                    repetitions, permutations, seed), System.out);
            System.out.printf(Locale.ROOT, "median %.1f ms per contrast (min %.1f) over %d repetitions%n", r.medianMs(), r.minMs(), repetitions);
            System.out.printf(Locale.ROOT, "analysis_ms=%.1f%n", r.medianMs());
            return 0;
        }
    }

    @Command(name = "discover", mixinStandardHelpOptions = true,
            description = "Time a screening's statistics (smoothing, Ward tree, walk, cluster maps) on a synthetic pool; last line discover_ms=<median>.")
    static final class Discover implements Callable<Integer> {
        @Option(names = "--preset", defaultValue = SheetPresets.TINYOMNI, description = "Sheet preset (default: ${DEFAULT-VALUE}).")
        String preset;
        @Option(names = "--items", defaultValue = "2000", description = "Pool size (default: ${DEFAULT-VALUE}).")
        int items;
        @Option(names = "--pairs", defaultValue = "10", description = "Pairs of planted groups, one responsive and one not (default: ${DEFAULT-VALUE}).")
        int pairs;
        @Option(names = "--dim", defaultValue = "512", description = "Embedding width (default: ${DEFAULT-VALUE}, the tinyomni baseline's).")
        int dim;
        @Option(names = "--permutations", defaultValue = "999", description = "Permutations per island (default: ${DEFAULT-VALUE}).")
        int permutations;
        @Option(names = "--repetitions", defaultValue = "3", description = "Timed repetitions (default: ${DEFAULT-VALUE}).")
        int repetitions;
        @Option(names = "--seed", defaultValue = "0", description = "Seed of the synthetic pool and the permutations (default: ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public Integer call() {
            org.topoomni.bench.DiscoverBenchmark.Result r = org.topoomni.bench.DiscoverBenchmark.run(new org.topoomni.bench.DiscoverBenchmark.Settings(
                    SheetPresets.get(preset), items, pairs, dim, permutations, repetitions, seed), System.out);
            System.out.printf(Locale.ROOT, "median %.0f ms per screening (min %.0f) over %d repetitions%n", r.medianMs(), r.minMs(), repetitions);
            System.out.printf(Locale.ROOT, "discover_ms=%.1f%n", r.medianMs());
            return 0;
        }
    }

    @Command(name = "qwen", mixinStandardHelpOptions = true,
            description = "Time one full-size layer of each stack of Qwen2.5-Omni-3B's Thinker (vision 1280 / 16 heads, audio 1280 / 20 heads, "
                    + "text 2048 / 16 + 2 heads) on 256 tokens, random weights, float32; ends with qwen_layer_ms=<stack>:<median> lines.")
    static final class Qwen implements Callable<Integer> {
        @Override
        public Integer call() {
            org.topoomni.bench.QwenBenchmark.run(System.out);
            return 0;
        }
    }
}

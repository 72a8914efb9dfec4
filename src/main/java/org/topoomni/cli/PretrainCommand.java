package org.topoomni.cli;

import org.topoomni.backbones.tinyomni.EncoderPretrainer;
import org.topoomni.backbones.tinyomni.OmniConfig;
import org.topoomni.backbones.tinyomni.PretrainEvaluation;
import org.topoomni.backbones.tinyomni.PretrainRun;
import org.topoomni.backbones.tinyomni.Pretrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "pretrain", mixinStandardHelpOptions = true,
        description = "Pretrain TinyOmni (the embedded multimodal model) on the stimulus library.")
final class PretrainCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "Checkpoint folder to write.")
    Path out;
    @Option(names = "--config", description = "Model sizes as JSON (default: the built-in TinyOmni).")
    Path config;
    @Option(names = "--stimuli", description = "Stimulus library (default: the library of --seed, generated under .cache/stimuli if missing).")
    Path stimuli;
    @Option(names = "--extra", description = "Extra visual + auditory exemplars per category for pretraining, generated under .cache/stimuli (default: ${DEFAULT-VALUE}; 0 for none).",
            defaultValue = "160")
    int extra;
    @Option(names = "--resume", description = "Continue an interrupted run in --out.")
    boolean resume;
    @Option(names = "--steps", defaultValue = "" + Pretrainer.DEFAULT_STEPS, description = "Steps of the multitask phase (default: ${DEFAULT-VALUE}; 0: the encoder phase alone, to measure it).")
    int steps;
    @Option(names = "--batch", defaultValue = "32", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;
    @Option(names = "--lr", defaultValue = "" + Pretrainer.DEFAULT_LR, description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double lr;
    @Option(names = "--encoder-steps", defaultValue = "" + EncoderPretrainer.DEFAULT_STEPS,
            description = "Steps of the encoder phase before the multitask phase: the vision and audio encoders alone, with category heads (default: ${DEFAULT-VALUE}; 0 for none).")
    int encoderSteps;
    @Option(names = "--encoder-lr", defaultValue = "" + EncoderPretrainer.DEFAULT_LR, description = "Peak learning rate of the encoder phase (default: ${DEFAULT-VALUE}).")
    double encoderLr;
    @Option(names = "--head-weight", defaultValue = "0",
            description = "Weight of auxiliary category heads on the encoders (pretraining only; default: ${DEFAULT-VALUE}, none; see docs/TINYOMNI.md).")
    double headWeight;
    @Option(names = "--seed", defaultValue = "0", description = "Seed of the model, the data order and the default library (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--per-category", defaultValue = "64", description = "Exemplars per category of the default library (default: ${DEFAULT-VALUE}).")
    int perCategory;

    @Override
    public Integer call() throws Exception {
        OmniConfig cfg = config == null ? OmniConfig.tinyDefault() : OmniConfig.read(config);
        Path lib = stimuli != null ? stimuli : Defaults.library(seed, perCategory);
        Pretrainer.Settings s = Pretrainer.Settings.defaults(steps, seed).withBatch(batch).withLearningRate(lr).withHeadWeight(headWeight);
        java.util.List<Path> libs = new java.util.ArrayList<>(java.util.List.of(lib));
        if (extra > 0) libs.add(Defaults.pretrainingExtras(seed, extra));
        EncoderPretrainer.Settings enc = EncoderPretrainer.Settings.defaults(seed).withSteps(encoderSteps).withLearningRate(encoderLr);
        PretrainEvaluation.Result r = PretrainRun.run(out, libs, cfg, enc, s, resume, System.err);
        System.out.printf(Locale.ROOT, "visual accuracy   %.1f%% (%d held-out images)%n", 100 * r.visualAccuracy(), r.visualItems());
        System.out.printf(Locale.ROOT, "auditory accuracy %.1f%% (%d held-out sounds)%n", 100 * r.auditoryAccuracy(), r.auditoryItems());
        System.out.printf(Locale.ROOT, "perplexity        %.1f (unigram baseline %.1f) on %d held-out tokens%n",
                r.perplexity(), r.unigramPerplexity(), r.heldOutTextTokens());
        r.accuracyByKind().forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-12s %.1f%%%n", k, 100 * v));
        System.out.println("model written to " + out.toAbsolutePath());
        return 0;
    }
}

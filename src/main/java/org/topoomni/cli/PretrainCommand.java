package org.topoomni.cli;

import org.topoomni.backbones.pretrained.OmniPretrainRun;
import org.topoomni.backbones.pretrained.OmniPretrainer;
import org.topoomni.backbones.pretrained.PretrainedOmni;
import org.topoomni.backbones.pretrained.PretrainedOmniConfig;
import org.topoomni.backbones.tinyomni.EncoderPretrainer;
import org.topoomni.backbones.tinyomni.OmniConfig;
import org.topoomni.backbones.tinyomni.PretrainEvaluation;
import org.topoomni.backbones.tinyomni.PretrainRun;
import org.topoomni.backbones.tinyomni.Pretrainer;
import org.topoomni.backbones.tinyomni.TinyOmni;
import org.topoomni.registry.Backbones;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "pretrain", mixinStandardHelpOptions = true,
        description = "Build a base model on the stimulus library: the embedded default (pretrained-omni: pretrained towers, an audio encoder "
                + "and a thinker trained here) or the from-scratch baseline (--architecture tinyomni).")
final class PretrainCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "Model folder to write.")
    Path out;
    @Option(names = "--architecture", description = "What to build: " + PretrainedOmni.ARCHITECTURE + " (the embedded default) or "
            + TinyOmni.ARCHITECTURE + " (default: the architecture whose sizes --config holds, else the embedded default).")
    String architecture;
    @Option(names = "--config", description = "Model sizes as JSON (default: the architecture's built-in sizes).")
    Path config;
    @Option(names = "--stimuli", description = "Stimulus library (default: the library of --seed, generated under .cache/stimuli if missing).")
    Path stimuli;
    @Option(names = "--extra", description = "Extra visual + auditory exemplars per category for pretraining, generated under .cache/stimuli (default: ${DEFAULT-VALUE}; 0 for none).",
            defaultValue = "160")
    int extra;
    @Option(names = "--resume", description = "Continue an interrupted run in --out.")
    boolean resume;
    @Option(names = "--steps", description = "Steps of the multitask phase (tinyomni default " + Pretrainer.DEFAULT_STEPS
            + ", 0: the encoder phase alone, to measure it; pretrained-omni: steps of the thinker, default " + OmniPretrainer.DEFAULT_STEPS + ").")
    Integer steps;
    @Option(names = "--batch", description = "Batch size of the multitask phase (default: 32).")
    Integer batch;
    @Option(names = "--lr", description = "Peak learning rate of the multitask phase (tinyomni default " + Pretrainer.DEFAULT_LR
            + "; pretrained-omni default " + OmniPretrainer.DEFAULT_LR + ").")
    Double lr;
    @Option(names = "--encoder-steps", description = "Steps of the encoder phase before it, with category heads (tinyomni default "
            + EncoderPretrainer.DEFAULT_STEPS + "; pretrained-omni: the audio encoder and the vision adapter, default " + OmniPretrainer.DEFAULT_ENCODER_STEPS
            + "; 0 for none).")
    Integer encoderSteps;
    @Option(names = "--encoder-lr", description = "Peak learning rate of the encoder phase (tinyomni default " + EncoderPretrainer.DEFAULT_LR
            + "; pretrained-omni default " + OmniPretrainer.DEFAULT_ENCODER_LR + ").")
    Double encoderLr;
    @Option(names = "--head-weight", defaultValue = "0",
            description = "tinyomni only: weight of auxiliary category heads on the encoders during the multitask phase (default: ${DEFAULT-VALUE}, none; see docs/TINYOMNI.md).")
    double headWeight;
    @Option(names = "--seed", defaultValue = "0", description = "Seed of the model, the data order and the default library (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--per-category", defaultValue = "64", description = "Exemplars per category of the default library (default: ${DEFAULT-VALUE}).")
    int perCategory;

    /** The architecture whose sizes a --config file holds: the one it names, else the registered one that accepts it. */
    static String architectureOf(Path config) throws java.io.IOException {
        com.fasterxml.jackson.databind.JsonNode n = org.topoomni.io.Json.read(config);
        if (n.has("architecture")) return n.get("architecture").asText();
        for (org.topoomni.model.BackboneFactory f : Backbones.factories()) if (f.pretraining() != null && f.accepts(n)) return f.id();
        throw new IllegalArgumentException(config + " holds the sizes of no architecture built here (" + PretrainedOmni.ARCHITECTURE + ", "
                + TinyOmni.ARCHITECTURE + "); name it with --architecture");
    }

    @Override
    public Integer call() throws Exception {
        String arch = architecture != null ? architecture : config != null ? architectureOf(config) : Backbones.EMBEDDED_DEFAULT;
        if (!arch.equals(PretrainedOmni.ARCHITECTURE) && !arch.equals(TinyOmni.ARCHITECTURE)) {
            Backbones.factory(arch); // an unknown id: the error lists the supported ones
            throw new IllegalArgumentException("the " + arch + " architecture is not built here; pretrain builds " + PretrainedOmni.ARCHITECTURE
                    + " and " + TinyOmni.ARCHITECTURE);
        }
        Path lib = stimuli != null ? stimuli : Defaults.library(seed, perCategory);
        List<Path> libs = new ArrayList<>(List.of(lib));
        if (extra > 0) libs.add(Defaults.pretrainingExtras(seed, extra));
        double visual, auditory, ppl, uni;
        int nVis, nAud, tokens;
        Map<String, Double> byFamily;
        if (arch.equals(TinyOmni.ARCHITECTURE)) {
            OmniConfig cfg = config == null ? OmniConfig.tinyDefault() : OmniConfig.read(config);
            Pretrainer.Settings s = Pretrainer.Settings.defaults(steps == null ? Pretrainer.DEFAULT_STEPS : steps, seed)
                    .withBatch(batch == null ? 32 : batch).withLearningRate(lr == null ? Pretrainer.DEFAULT_LR : lr).withHeadWeight(headWeight);
            EncoderPretrainer.Settings enc = EncoderPretrainer.Settings.defaults(seed)
                    .withSteps(encoderSteps == null ? EncoderPretrainer.DEFAULT_STEPS : encoderSteps)
                    .withLearningRate(encoderLr == null ? EncoderPretrainer.DEFAULT_LR : encoderLr);
            PretrainEvaluation.Result r = PretrainRun.run(out, libs, cfg, enc, s, resume, System.err);
            visual = r.visualAccuracy();
            nVis = r.visualItems();
            auditory = r.auditoryAccuracy();
            nAud = r.auditoryItems();
            ppl = r.perplexity();
            uni = r.unigramPerplexity();
            tokens = r.heldOutTextTokens();
            byFamily = r.accuracyByFamily();
        } else {
            if (headWeight != 0) throw new IllegalArgumentException("--head-weight is a tinyomni option");
            PretrainedOmniConfig cfg = config == null ? PretrainedOmniConfig.defaults()
                    : PretrainedOmniConfig.fromJson(org.topoomni.io.Json.read(config), config.toString());
            OmniPretrainer.Settings d = OmniPretrainer.Settings.defaults(seed);
            OmniPretrainer.Settings s = d.withSteps(encoderSteps == null ? d.encoderSteps() : encoderSteps, steps == null ? d.steps() : steps)
                    .withLearningRates(encoderLr == null ? d.encoderLr() : encoderLr, lr == null ? d.learningRate() : lr)
                    .withBatch(batch == null ? d.batchSize() : batch);
            OmniPretrainRun.Result r = OmniPretrainRun.run(out, libs, cfg, s, resume, System.err);
            visual = r.scores().visualAccuracy();
            nVis = r.scores().visualItems();
            auditory = r.scores().auditoryAccuracy();
            nAud = r.scores().auditoryItems();
            ppl = r.perplexity();
            uni = r.unigramPerplexity();
            tokens = r.heldOutTextTokens();
            byFamily = r.scores().byFamily();
        }
        System.out.printf(Locale.ROOT, "visual accuracy   %.1f%% (%d held-out images)%n", 100 * visual, nVis);
        System.out.printf(Locale.ROOT, "auditory accuracy %.1f%% (%d held-out sounds)%n", 100 * auditory, nAud);
        System.out.printf(Locale.ROOT, "perplexity        %.1f (unigram baseline %.1f) on %d held-out tokens%n", ppl, uni, tokens);
        byFamily.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-12s %.1f%%%n", k, 100 * v));
        System.out.println(arch + " model written to " + out.toAbsolutePath());
        return 0;
    }
}

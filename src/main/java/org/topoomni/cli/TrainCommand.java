package org.topoomni.cli;

import org.topoomni.registry.Models;
import org.topoomni.sheet.SheetLayout;
import org.topoomni.train.TopoRun;
import org.topoomni.train.TopoTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train cortical adaptors on one sheet with the spatial loss (or --control: alpha = 0).")
final class TrainCommand implements Callable<Integer> {

    @Option(names = {"--model", "--base"}, description = "Base model folder of any supported architecture "
            + "(a topographic model's folder stands for its base model; " + Defaults.MODEL_DEFAULT + ").")
    Path base;
    @Option(names = "--out", required = true, description = "Folder for the adaptors, curves and metrics.")
    Path out;
    @Option(names = "--stimuli", description = "Stimulus library with audiovisual items (default: the library of seed 0 under .cache/stimuli).")
    Path stimuli;
    @Option(names = "--more-stimuli", split = ",", description = "Further training items: libraries or your own folders of images, sounds and "
            + "videos (long ones cut into 2-s clips, as the paper's training clips); each is asked the localizers' question and learns the base model's own answer.")
    List<Path> moreStimuli;
    @Option(names = "--alpha", defaultValue = "" + TopoTrainer.DEFAULT_ALPHA, description = "Weight of the spatial loss (default: ${DEFAULT-VALUE}, the paper's).")
    double alpha;
    @Option(names = "--control", description = "The non-topographic control: the same training with alpha = 0.")
    boolean control;
    @Option(names = "--mode", defaultValue = "cached", description = "full (backpropagate through the frozen backbone) or cached (train on cached hidden states; default: ${DEFAULT-VALUE}).")
    String mode;
    @Option(names = "--radius", description = "Neighbourhood radius in sheet units (default: spans ~9 layer bands, like the paper's 20).")
    Double radius;
    @Option(names = "--neighbourhoods", defaultValue = "" + TopoTrainer.DEFAULT_NEIGHBOURHOODS, description = "Neighbourhoods per step (default: ${DEFAULT-VALUE}, the paper's).")
    int neighbourhoods;
    @Option(names = "--steps", description = "Training steps (default: " + TopoTrainer.DEFAULT_CACHED_STEPS + " cached, " + TopoTrainer.DEFAULT_FULL_STEPS + " full).")
    Integer steps;
    @Option(names = "--batch", defaultValue = "" + TopoTrainer.DEFAULT_BATCH, description = "Items per step = samples of the spatial loss (default: ${DEFAULT-VALUE}).")
    int batch;
    @Option(names = "--lr", defaultValue = "" + TopoTrainer.DEFAULT_LR, description = "Peak learning rate of the adaptors, warm-up 3%% then cosine (default: ${DEFAULT-VALUE}, cached and full).")
    double lr;
    @Option(names = "--conditioning", defaultValue = "" + TopoTrainer.DEFAULT_CONDITIONING, description = "Weight of the term (|G-I|^2 + |G^-1-I|^2)/d, G = WW', that keeps every adaptor well conditioned "
            + "(a singular value s costs (s^2-1)^2 + (s^-2-1)^2); always on in cached mode, in full mode when positive (default: ${DEFAULT-VALUE}).")
    double conditioning;
    @Option(names = "--text-weight", defaultValue = "" + TopoTrainer.DEFAULT_TEXT_WEIGHT,
            description = "Weight of the spatial loss of plain-text batches (the library's text corpus), read in the language stack "
                    + "only; 0 trains on the audiovisual items alone, as the paper (default: ${DEFAULT-VALUE}).")
    double textWeight;
    @Option(names = "--seed", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--resume", description = "Continue an interrupted run in --out.")
    boolean resume;

    @picocli.CommandLine.Mixin
    DeviceOption device = new DeviceOption();

    @Override
    public Integer call() throws Exception {
        TopoTrainer.Mode m = switch (mode.toLowerCase(Locale.ROOT)) {
            case "full" -> TopoTrainer.Mode.FULL;
            case "cached" -> TopoTrainer.Mode.CACHED;
            default -> throw new IllegalArgumentException("--mode must be full or cached, got " + mode);
        };
        if (base == null) base = Defaults.embeddedModel();
        Path baseModel = Models.baseOf(base);
        if (!baseModel.equals(base)) System.err.println(base + " is a topographic model; training new adaptors on its base model " + baseModel);
        SheetLayout layout = Models.sheet(baseModel);
        double r = radius != null ? radius : TopoTrainer.defaultRadius(layout);
        TopoTrainer.Settings s = TopoTrainer.Settings.defaults(m, layout).withAlpha(control ? 0 : alpha).withRadius(r).withNeighbourhoods(neighbourhoods)
                .withBatch(batch).withLearningRate(lr).withConditioning(conditioning).withSeed(seed).withTextWeight(textWeight);
        if (steps != null) s = s.withSteps(steps);
        Path lib = stimuli != null ? stimuli : Defaults.library(0, 64);
        TopoRun.Metrics x = TopoRun.run(baseModel, lib, moreStimuli == null ? List.of() : moreStimuli, out, s, resume, System.err, device.device());
        if (!Double.isNaN(x.heldOutTextSpatialLoss())) {
            System.out.printf(Locale.ROOT, "held-out texts' spatial loss in the language stack: %.4f%n", x.heldOutTextSpatialLoss());
        }
        System.out.printf(Locale.ROOT, "%s (%s): held-out spatial loss %.4f, answer agreement %.1f%%, accuracy %.1f%% (base %.1f%%), %.1f s (%.1f steps/s)%n",
                control ? "control" : "topographic", mode, x.heldOutSpatialLoss(), 100 * x.answerAgreement(), 100 * x.accuracy(),
                100 * x.baseAccuracy(), x.seconds(), x.stepsPerSecond());
        System.out.println("adaptors written to " + out.toAbsolutePath());
        return 0;
    }

}

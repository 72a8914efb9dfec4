package org.topoomni.backbones.tinyomni;

import org.topoomni.model.BasePretraining;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * TinyOmni's recipe as the embedded default: the default config, pretrained in two phases (the
 * encoders alone, then multitask; {@link PretrainRun}) with the defaults of {@code pretrain}, or
 * the demo's quick settings; its smoke-test scale trains the test config for a few steps.
 */
public final class TinyOmniPretraining implements BasePretraining {
    /** Encoder-phase and multitask steps of the demo's quick settings and of its smoke test. */
    static final int QUICK_ENCODER_STEPS = 150, QUICK_STEPS = 120, TINY_ENCODER_STEPS = 10, TINY_STEPS = 10;

    @Override
    public String architecture() {
        return TinyOmni.ARCHITECTURE;
    }

    private static EncoderPretrainer.Settings encoders(long seed, Scale scale) {
        return EncoderPretrainer.Settings.defaults(seed).withSteps(switch (scale) {
            case FULL -> EncoderPretrainer.DEFAULT_STEPS;
            case QUICK -> QUICK_ENCODER_STEPS;
            case TINY -> TINY_ENCODER_STEPS;
        });
    }

    private static int steps(Scale scale) {
        return switch (scale) {
            case FULL -> Pretrainer.DEFAULT_STEPS;
            case QUICK -> QUICK_STEPS;
            case TINY -> TINY_STEPS;
        };
    }

    private static OmniConfig config(Scale scale) {
        return scale == Scale.TINY ? OmniConfig.testTiny() : OmniConfig.tinyDefault();
    }

    @Override
    public String cacheKey(long seed, int perCategory, int extra, Scale scale) {
        OmniConfig cfg = config(scale);
        return String.format(Locale.ROOT, "tinyomni-%08x-s%d-n%d-x%d-enc%d-steps%d-lr%s", cfg.toJson().hashCode(), seed, perCategory, extra,
                encoders(seed, scale).steps(), steps(scale), Double.toString(Pretrainer.DEFAULT_LR));
    }

    @Override
    public boolean isDone(Path dir) {
        return Checkpoint.exists(dir) && Files.isRegularFile(dir.resolve(PretrainRun.METRICS));
    }

    @Override
    public boolean isStarted(Path dir) {
        return Files.exists(dir.resolve(Pretrainer.STATE_DIR)) || Files.exists(dir.resolve(EncoderPretrainer.STATE_DIR));
    }

    @Override
    public void run(Path out, List<Path> libraries, long seed, Scale scale, PrintStream log) throws IOException {
        PretrainRun.run(out, libraries, config(scale), encoders(seed, scale), Pretrainer.Settings.defaults(steps(scale), seed),
                isStarted(out), log);
    }
}

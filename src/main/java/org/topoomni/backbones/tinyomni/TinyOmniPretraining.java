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
 * the demo's quick settings.
 */
public final class TinyOmniPretraining implements BasePretraining {
    /** Encoder-phase and multitask steps of the demo's quick settings. */
    static final int QUICK_ENCODER_STEPS = 150, QUICK_STEPS = 120;

    @Override
    public String architecture() {
        return TinyOmni.ARCHITECTURE;
    }

    private static EncoderPretrainer.Settings encoders(long seed, boolean quick) {
        return EncoderPretrainer.Settings.defaults(seed).withSteps(quick ? QUICK_ENCODER_STEPS : EncoderPretrainer.DEFAULT_STEPS);
    }

    private static int steps(boolean quick) {
        return quick ? QUICK_STEPS : Pretrainer.DEFAULT_STEPS;
    }

    @Override
    public String cacheKey(long seed, int perCategory, int extra, boolean quick) {
        OmniConfig cfg = OmniConfig.tinyDefault();
        return String.format(Locale.ROOT, "tinyomni-%08x-s%d-n%d-x%d-enc%d-steps%d-lr%s", cfg.toJson().hashCode(), seed, perCategory, extra,
                encoders(seed, quick).steps(), steps(quick), Double.toString(Pretrainer.DEFAULT_LR));
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
    public void run(Path out, List<Path> libraries, long seed, boolean quick, PrintStream log) throws IOException {
        PretrainRun.run(out, libraries, OmniConfig.tinyDefault(), encoders(seed, quick), Pretrainer.Settings.defaults(steps(quick), seed),
                isStarted(out), log);
    }
}

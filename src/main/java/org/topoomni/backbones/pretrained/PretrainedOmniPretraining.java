package org.topoomni.backbones.pretrained;

import org.topoomni.model.BasePretraining;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The embedded default's recipe: the default {@link PretrainedOmniConfig} around the installed
 * towers, trained by {@link OmniPretrainRun} with the defaults of {@code pretrain --architecture
 * pretrained-omni}, or the demo's quick settings; its smoke-test scale trains the test config
 * (the same towers, small trained parts) for a few steps.
 */
public final class PretrainedOmniPretraining implements BasePretraining {
    /** Encoder-phase and thinker steps of the demo's quick settings and of its smoke test. */
    static final int QUICK_ENCODER_STEPS = 120, QUICK_STEPS = 150, TINY_ENCODER_STEPS = 10, TINY_STEPS = 10;

    @Override
    public String architecture() {
        return PretrainedOmni.ARCHITECTURE;
    }

    static OmniPretrainer.Settings settings(long seed, Scale scale) {
        OmniPretrainer.Settings s = OmniPretrainer.Settings.defaults(seed);
        return switch (scale) {
            case FULL -> s;
            case QUICK -> s.withSteps(QUICK_ENCODER_STEPS, QUICK_STEPS);
            case TINY -> s.withSteps(TINY_ENCODER_STEPS, TINY_STEPS);
        };
    }

    static PretrainedOmniConfig config(Scale scale) {
        return scale == Scale.TINY ? PretrainedOmniConfig.testTiny() : PretrainedOmniConfig.defaults();
    }

    @Override
    public String cacheKey(long seed, int perCategory, int extra, Scale scale) {
        OmniPretrainer.Settings s = settings(seed, scale);
        return String.format(Locale.ROOT, "%s-%08x-s%d-n%d-x%d-%08x", PretrainedOmni.ARCHITECTURE, config(scale).toString().hashCode(),
                seed, perCategory, extra, s.thinkerFingerprint().hashCode());
    }

    @Override
    public boolean isDone(Path dir) {
        return PretrainedOmniCheckpoint.exists(dir) && Files.isRegularFile(dir.resolve(OmniPretrainRun.METRICS));
    }

    @Override
    public boolean isStarted(Path dir) {
        return Files.exists(dir.resolve(OmniPretrainer.THINKER_STATE)) || Files.exists(dir.resolve(OmniPretrainer.ENCODER_STATE));
    }

    @Override
    public void run(Path out, List<Path> libraries, long seed, Scale scale, PrintStream log) throws IOException {
        OmniPretrainRun.run(out, libraries, config(scale), settings(seed, scale), isStarted(out), log);
    }
}

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
 * pretrained-omni}, or the demo's quick settings.
 */
public final class PretrainedOmniPretraining implements BasePretraining {
    /** Encoder-phase and thinker steps of the demo's quick settings. */
    static final int QUICK_ENCODER_STEPS = 120, QUICK_STEPS = 150;

    @Override
    public String architecture() {
        return PretrainedOmni.ARCHITECTURE;
    }

    static OmniPretrainer.Settings settings(long seed, boolean quick) {
        OmniPretrainer.Settings s = OmniPretrainer.Settings.defaults(seed);
        return quick ? s.withSteps(QUICK_ENCODER_STEPS, QUICK_STEPS) : s;
    }

    @Override
    public String cacheKey(long seed, int perCategory, int extra, boolean quick) {
        OmniPretrainer.Settings s = settings(seed, quick);
        return String.format(Locale.ROOT, "%s-%08x-s%d-n%d-x%d-%08x", PretrainedOmni.ARCHITECTURE, PretrainedOmniConfig.defaults().toString().hashCode(),
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
    public void run(Path out, List<Path> libraries, long seed, boolean quick, PrintStream log) throws IOException {
        OmniPretrainRun.run(out, libraries, PretrainedOmniConfig.defaults(), settings(seed, quick), isStarted(out), log);
    }
}

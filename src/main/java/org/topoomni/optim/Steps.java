package org.topoomni.optim;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.util.SplittableRandom;

/** What every training loop of the project shares: the seeded batch of a step, and a progress bar of steps. */
public final class Steps {
    /** Name of the folder a resumable training keeps its state in. */
    public static final String STATE_DIR = "train-state";

    private Steps() {}

    /**
     * Indices of the items in the batch of a step: shuffled epochs, seeded, so a resumed run
     * draws the same batches as an uninterrupted one.
     */
    public static int[] batchAt(int step, int batchSize, int n, long seed) {
        int perEpoch = Math.max(1, n / batchSize);
        int epoch = step / perEpoch, k = step % perEpoch;
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i]; perm[i] = perm[j]; perm[j] = t;
        }
        int[] out = new int[Math.min(batchSize, n)];
        for (int i = 0; i < out.length; i++) out[i] = perm[(k * batchSize + i) % n];
        return out;
    }

    /** A progress bar of training steps with rate and ETA, on {@code log}. */
    public static ProgressBar bar(String task, int steps, PrintStream log) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(steps).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500).setConsumer(new ConsoleProgressBarConsumer(log, 110)).setUnit(" steps", 1).showSpeed().build();
    }
}

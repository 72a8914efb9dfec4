package org.topoomni.stimuli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;

/** Progress of long work: one task per stimulus set, stepped once per item from any thread. */
public interface Progress {

    /** Starts a task of {@code total} steps. */
    Task start(String name, long total);

    /** A running task; thread-safe. */
    interface Task extends AutoCloseable {
        void step();

        @Override
        void close();
    }

    /** No output. */
    Progress NONE = (name, total) -> new Task() {
        @Override
        public void step() {}

        @Override
        public void close() {}
    };

    /** A text progress bar on {@code out} (usually stderr): count, rate and ETA. */
    static Progress console(PrintStream out) {
        return (name, total) -> {
            ProgressBar bar = new ProgressBarBuilder()
                    .setTaskName(name)
                    .setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250)
                    .setConsumer(new ConsoleProgressBarConsumer(out, 100))
                    .setUnit(" items", 1)
                    .showSpeed()
                    .build();
            return new Task() {
                @Override
                public void step() {
                    bar.step();
                }

                @Override
                public void close() {
                    bar.close();
                }
            };
        };
    }
}

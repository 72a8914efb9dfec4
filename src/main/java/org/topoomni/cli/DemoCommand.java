package org.topoomni.cli;

import ai.djl.ndarray.types.DataType;
import org.topoomni.bench.LossBenchmark;
import org.topoomni.sheet.SheetLayout;
import org.topoomni.sheet.SheetPresets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The main job. It grows with the project; today it shows the paper's cortical sheet and times
 * the spatial loss on it.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The main job on the embedded default: everything the toolkit can do so far, in one command.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "Smaller settings for a fast look.")
    boolean quick;

    @Override
    public Integer call() {
        long t0 = System.nanoTime();
        SheetLayout sheet = SheetPresets.qwen25Omni3b();
        System.out.println("== Stage 1/2: the cortical sheet (Qwen2.5-Omni-3B preset)");
        System.out.print(sheet.describe());
        System.out.println();
        System.out.println("== Stage 2/2: spatial loss on the full sheet (forward + backward)");
        LossBenchmark.Result r = LossBenchmark.run(new LossBenchmark.Settings(sheet, 64, 100, 20, DataType.FLOAT32,
                quick ? 1 : 2, quick ? 3 : 5, 0), System.out);
        System.out.println();
        System.out.printf(Locale.ROOT, "demo finished in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        System.out.printf(Locale.ROOT, "  sheet: %d x %d = %,d units in %d stacks%n", sheet.rows(), sheet.cols(), sheet.units(), sheet.bands().size());
        System.out.printf(Locale.ROOT, "  spatial loss step: %.0f ms median (%.0f GFLOP/s, peak memory %.0f MiB)%n",
                r.medianMs(), r.gflops(), r.peakRssBytes() / 1048576.0);
        return 0;
    }
}

package org.topoomni.bench;

import ai.djl.engine.Engine;
import org.topoomni.backbones.qwen.QwenLayerTiming;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench qwen}: one full-size Qwen2.5-Omni-3B Thinker layer of each stack (vision block
 * 1280 wide with 16 heads, audio layer 1280 with 20 heads, text layer 2048 with 16 query and 2
 * key-value heads) on 256 tokens, random weights, float32, timed after a warm-up. The reference
 * is transformers' eager PyTorch on this machine kind (2 threads): vision block 97-108 ms, audio
 * layer 107-134 ms, text layer 301-328 ms. Each layer takes turns with the bare matrix products
 * of its weights on the same tokens; their ratio says how far the layer is from the
 * matrix-product bound even when other work slows the machine. Ends with one
 * {@code qwen_layer_ms=<stack>:<median>} line per stack.
 */
public final class QwenBenchmark {
    public static final int TOKENS = 256, WARMUP = 2, REPS = 7;

    private QwenBenchmark() {}

    /** Runs the benchmark; returns the median milliseconds per stack. */
    public static Map<String, Double> run(PrintStream out) {
        out.printf(Locale.ROOT, "qwen layer benchmark: one layer per stack of Qwen2.5-Omni-3B's thinker, %d tokens, random weights, float32, %d warm-up + %d timed runs%n",
                TOKENS, WARMUP, REPS);
        Map<String, double[]> times = QwenLayerTiming.time(TOKENS, WARMUP, REPS, 1);
        out.printf(Locale.ROOT, "engine %s %s, %d CPU threads available%n", Engine.getInstance().getEngineName(),
                Engine.getInstance().getVersion(), Runtime.getRuntime().availableProcessors());
        Map<String, Double> medians = new java.util.LinkedHashMap<>();
        String[][] reference = {{"vision", "97-108"}, {"audio", "107-134"}, {"language", "301-328"}};
        for (String[] ref : reference) {
            double[] t = times.get(ref[0]), g = times.get(ref[0] + "_gemms");
            double med = Timing.median(t), min = Arrays.stream(t).min().orElse(Double.NaN);
            double gMed = Timing.median(g), gMin = Arrays.stream(g).min().orElse(Double.NaN);
            medians.put(ref[0], med);
            out.printf(Locale.ROOT, "  %-8s median %7.1f ms  min %7.1f ms  (transformers eager: %s ms); its bare matrix products median %7.1f ms, min %7.1f ms: layer / products %.2f%n",
                    ref[0], med, min, ref[1], gMed, gMin, min / gMin);
        }
        for (Map.Entry<String, Double> e : medians.entrySet()) out.printf(Locale.ROOT, "qwen_layer_ms=%s:%.1f%n", e.getKey(), e.getValue());
        return medians;
    }
}

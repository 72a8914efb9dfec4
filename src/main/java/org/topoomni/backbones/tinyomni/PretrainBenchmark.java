package org.topoomni.backbones.tinyomni;

import org.topoomni.model.LayerHook;
import org.topoomni.optim.AdamW;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Times one pretraining step of a TinyOmni config (forward, backward, AdamW update) on a
 * synthetic batch shaped like the real mix: a third images, a third sounds, a sixth image +
 * sound, a sixth plain text of 40 tokens; answers of 4 tokens.
 */
public final class PretrainBenchmark {
    public record Result(double forwardMs, double backwardMs, double updateMs, double stepMs, long parameters) {}

    public static Result run(OmniConfig cfg, int batchSize, int warmup, int steps, PrintStream out) {
        SplittableRandom rng = new SplittableRandom(1);
        Tokenizer tok = Tokenizer.train(List.of("what do you see", "a face"), Tokenizer.SPECIALS + 256 + 8);
        List<Example> ex = new ArrayList<>();
        for (int i = 0; i < batchSize; i++) {
            float[] img = new float[3 * cfg.imageSize() * cfg.imageSize()];
            float[] mel = new float[cfg.audioFrames() * cfg.melBands()];
            for (int k = 0; k < img.length; k++) img[k] = (float) rng.nextGaussian();
            for (int k = 0; k < mel.length; k++) mel[k] = (float) rng.nextGaussian();
            int mix = i % 6; // 0-1 image, 2-3 sound, 4 both, 5 plain text
            int[] prompt = {300, 301, 302, 303, 304};
            int[] answer = {310, 311, 312, 313};
            if (mix == 5) {
                int[] text = new int[40];
                for (int k = 0; k < text.length; k++) text[k] = Tokenizer.SPECIALS + rng.nextInt(256);
                ex.add(Example.text(text));
            } else {
                ex.add(Example.chat(mix < 2 || mix == 4 ? img : null, mix >= 2 && mix <= 4 ? mel : null, prompt, answer));
            }
        }
        double[] f = new double[steps], b = new double[steps], u = new double[steps];
        long params;
        try (NDManager manager = NDManager.newBaseManager();
             TinyOmni model = new TinyOmni(manager, cfg, tok, 0);
             AdamW opt = new AdamW(manager, 0.9, 0.98, 1e-8, 0.01)) {
            params = model.weights().count();
            model.weights().requireGradients(true);
            Batch batch = new Batch(cfg, ex, true);
            boolean vary = Boolean.getBoolean("topoomni.bench.vary");
            out.printf(Locale.ROOT, "TinyOmni %,d parameters, batch %d (length %d), %d threads%n", params, batchSize, batch.length,
                    Runtime.getRuntime().availableProcessors());
            for (int s = -warmup; s < steps; s++) {
                long t0, t1, t2, t3;
                float lossValue;
                if (vary) {
                    List<Example> v = new ArrayList<>(ex);
                    int len = 20 + rng.nextInt(30);
                    int[] text = new int[len];
                    for (int k = 0; k < len; k++) text[k] = Tokenizer.SPECIALS + rng.nextInt(256);
                    v.set(5, Example.text(text));
                    batch = new Batch(cfg, v, true);
                }
                try (NDManager sub = manager.newSubManager()) {
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        model.weights().zeroGradients(sub);
                        t0 = System.nanoTime();
                        NDArray l = Losses.answerCrossEntropy(model.forward(sub, batch, LayerHook.NONE), batch);
                        lossValue = l.getFloat();
                        t1 = System.nanoTime();
                        gc.backward(l);
                        t2 = System.nanoTime();
                    }
                    opt.update(model.weights().all(), 1e-4, 1.0, n -> true, sub);
                    t3 = System.nanoTime();
                }
                if (s >= 0) {
                    f[s] = (t1 - t0) / 1e6;
                    b[s] = (t2 - t1) / 1e6;
                    u[s] = (t3 - t2) / 1e6;
                }
                out.printf(Locale.ROOT, "  %s: forward %.0f ms, backward %.0f ms, update %.0f ms (loss %.3f)%n", s < 0 ? "warm-up" : "step", (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, lossValue);
            }
        }
        double[] total = new double[steps];
        for (int i = 0; i < steps; i++) total[i] = f[i] + b[i] + u[i];
        return new Result(median(f), median(b), median(u), median(total), params);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }
}

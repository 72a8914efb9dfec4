package org.topoomni.bench;

import ai.djl.ndarray.NDManager;
import org.topoomni.model.CorticalModel;
import org.topoomni.model.CorticalTap;
import org.topoomni.model.ModelInput;
import org.topoomni.model.SheetTap;
import org.topoomni.registry.Models;
import org.topoomni.stimuli.Audio;
import org.topoomni.stimuli.Provenance;
import org.topoomni.stimuli.Stimulus;
import org.topoomni.task.Prompts;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Times a model folder of any architecture on the work the mapping tools give it: recording a
 * batch of stimuli on the sheet (a forward pass with the adaptors and the sheet recorder at every
 * layer, as {@code localize} does) and greedy answers to them (as {@code perturb} does). The
 * stimuli are synthetic: random 224 x 224 pictures and 2-second tones, half each.
 */
public final class ModelBenchmark {

    /** Median milliseconds per batch: forward with the sheet recorded, and greedy generation. */
    public record Result(double forwardMs, double generateMs, int batch, String architecture, long parameters, int units) {}

    private ModelBenchmark() {}

    public static Result run(Path modelDir, int batch, int warmup, int repetitions, int maxTokens, PrintStream out, ai.djl.Device device) throws IOException {
        if (batch < 1 || repetitions < 1 || warmup < 0 || maxTokens < 1) throw new IllegalArgumentException("need batch >= 1, repetitions >= 1, warmup >= 0, tokens >= 1");
        try (NDManager manager = NDManager.newBaseManager(device); CorticalModel model = Models.open(manager, modelDir)) {
            List<ModelInput> inputs = new ArrayList<>();
            SplittableRandom r = new SplittableRandom(0);
            for (int i = 0; i < batch; i++) {
                Stimulus s = i % 2 == 0 ? picture(i, r) : tone(i, r);
                inputs.add(model.backbone().processor().chat(s, Prompts.forStimulus(s)));
            }
            SheetTap rec = new SheetTap(model.sheet(), model.backbone().sites());
            out.printf(Locale.ROOT, "%s (%s), %,d parameters, sheet %d x %d, batch %d%n", modelDir, model.backbone().architecture(),
                    model.backbone().parameterCount(), model.sheet().rows(), model.sheet().cols(), batch);
            double[] fwd = new double[repetitions], gen = new double[repetitions];
            for (int k = -warmup; k < repetitions; k++) {
                long t0 = System.nanoTime();
                try (NDManager sub = manager.newSubManager()) {
                    rec.reset(batch);
                    model.backbone().forward(sub, inputs, model.hook(rec));
                    rec.sheet(sub).toFloatArray();
                }
                long t1 = System.nanoTime();
                try (NDManager sub = manager.newSubManager()) {
                    model.backbone().generate(sub, inputs, maxTokens, model.hook(CorticalTap.NONE));
                }
                long t2 = System.nanoTime();
                if (k >= 0) {
                    fwd[k] = (t1 - t0) / 1e6;
                    gen[k] = (t2 - t1) / 1e6;
                }
            }
            return new Result(Timing.median(fwd), Timing.median(gen), batch, model.backbone().architecture(), model.backbone().parameterCount(),
                    model.sheet().units());
        }
    }

    private static Stimulus picture(int i, SplittableRandom r) {
        BufferedImage img = new BufferedImage(224, 224, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 224; y++) for (int x = 0; x < 224; x++) img.setRGB(x, y, r.nextInt(1 << 24));
        return new Stimulus("picture_" + i, "bench", 1, img, null, null, Map.of(), Provenance.generated("bench", i));
    }

    private static Stimulus tone(int i, SplittableRandom r) {
        float[] s = new float[32000];
        double f = 200 + r.nextInt(2000);
        for (int k = 0; k < s.length; k++) s[k] = (float) (0.3 * Math.sin(2 * Math.PI * f * k / 16000));
        return new Stimulus("tone_" + i, "bench", 1, null, new Audio(s, 16000), null, Map.of(), Provenance.generated("bench", i));
    }
}

package org.topoomni.backbones.qwen;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times one full-size layer of each Thinker stack on random weights, float32: a windowed vision
 * block (1280 wide, 16 heads, MLP 3420), an audio layer (1280, 20 heads, FFN 5120, attention in
 * chunks of 100 positions) and a text decoder layer (2048, 16 query and 2 key-value heads, MLP
 * 11008, causal, multimodal rotary positions), each on {@code tokens} tokens of one input.
 *
 * <p>Each layer is timed in turn with the bare matrix products of its weights on the same
 * tokens (nothing else), so that a run on a busy machine still says how far the layer is from
 * the matrix-product bound: {@code <stack>_gemms}.
 */
public final class QwenLayerTiming {
    private QwenLayerTiming() {}

    /** Qwen2.5-Omni-3B's thinker sizes with one layer per stack (vocabulary cut, it is not timed). */
    static QwenConfig oneLayerOf3b() {
        QwenConfig.Vision v = new QwenConfig.Vision(1, 1280, 16, 3420, "silu", 3, 14, 2, 2, 112, new int[] {}, 2048);
        QwenConfig.Audio a = new QwenConfig.Audio(128, 1, 1280, 20, 5120, "gelu", 100, 1500, 2048, false);
        QwenConfig.Text t = new QwenConfig.Text(1024, 2048, 1, 16, 2, 128, 11008, "silu", 1e-6, 1e6, new int[] {16, 24, 24}, true);
        QwenConfig.Tokens k = new QwenConfig.Tokens(1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010);
        return new QwenConfig(v, a, t, k, 25, 2);
    }

    public static Map<String, double[]> time(int tokens, int warmup, int reps, long seed) {
        return time(Device.cpu(), tokens, warmup, reps, seed);
    }

    /**
     * Milliseconds of each repetition, per stack ("vision", "audio", "language") and for its bare
     * matrix products ("vision_gemms", ...), after {@code warmup} untimed ones, on a device.
     * {@code tokens} must be the square of an even number (the vision grid; 256 = 16 x 16 patches).
     */
    public static Map<String, double[]> time(Device device, int tokens, int warmup, int reps, long seed) {
        int side = (int) Math.round(Math.sqrt(tokens));
        if (side * side != tokens || side % 2 != 0) throw new IllegalArgumentException("tokens must be the square of an even number (the vision grid), got " + tokens);
        QwenConfig cfg = oneLayerOf3b();
        Map<String, double[]> out = new LinkedHashMap<>();
        try (NDManager manager = NDManager.newBaseManager(device); QwenWeights w = QwenWeights.random(manager, cfg, seed)) {
            VisionEncoder vision = new VisionEncoder(manager, cfg.vision(), w);
            AudioEncoder audio = new AudioEncoder(manager, cfg.audio(), w);
            TextDecoder text = new TextDecoder(manager, cfg.text(), w);
            // inputs, rotary tables, windows and masks are made once; only the layer is timed
            VisionEncoder.Image image = new VisionEncoder.Image(new float[tokens * cfg.vision().patchValues()], 1, side, side);
            VisionEncoder.Layout layout = vision.layout(manager, List.of(image));
            NDArray xv = manager.randomNormal(new Shape(1, tokens, cfg.vision().hidden()));
            Segments chunks = audio.chunks(manager, new int[] {tokens});
            NDArray xa = manager.randomNormal(new Shape(1, tokens, cfg.audio().dModel()));
            int[][][] pos = {new int[3][tokens]};
            for (int a = 0; a < 3; a++) for (int i = 0; i < tokens; i++) pos[0][a][i] = i;
            float[] mask = new float[tokens * tokens];
            for (int q = 0; q < tokens; q++) for (int k = q + 1; k < tokens; k++) mask[q * tokens + k] = Ops.MASKED;
            NDArray[] rope = text.rope(manager, pos);
            NDArray causal = manager.create(mask, new Shape(1, 1, tokens, tokens));
            NDArray xt = manager.randomNormal(new Shape(1, tokens, cfg.text().hidden()));
            String pv = "visual.blocks.0.", pa = "audio_tower.layers.0.", pt = "model.layers.0.";
            Step[] steps = {
                m -> {
                    xv.tempAttach(m); // what the layer makes from its input is freed with m
                    return vision.block(0, xv, layout.rope(), layout.windowed());
                },
                gemms(manager, w, tokens, pv + "attn.q.weight", pv + "attn.k.weight", pv + "attn.v.weight", pv + "attn.proj.weight",
                        pv + "mlp.gate_proj.weight", pv + "mlp.up_proj.weight", pv + "mlp.down_proj.weight"),
                m -> {
                    xa.tempAttach(m);
                    return audio.layer(0, xa, chunks);
                },
                gemms(manager, w, tokens, pa + "self_attn.q_proj.weight", pa + "self_attn.k_proj.weight", pa + "self_attn.v_proj.weight",
                        pa + "self_attn.out_proj.weight", pa + "fc1.weight", pa + "fc2.weight"),
                m -> {
                    xt.tempAttach(m);
                    return text.layer(0, xt, rope, causal, null);
                },
                gemms(manager, w, tokens, pt + "self_attn.q_proj.weight", pt + "self_attn.k_proj.weight", pt + "self_attn.v_proj.weight",
                        pt + "self_attn.o_proj.weight", pt + "mlp.gate_proj.weight", pt + "mlp.up_proj.weight", pt + "mlp.down_proj.weight")};
            String[] names = {VisionEncoder.STACK, VisionEncoder.STACK + "_gemms", AudioEncoder.STACK, AudioEncoder.STACK + "_gemms",
                TextDecoder.STACK, TextDecoder.STACK + "_gemms"};
            double[][] ms = new double[steps.length][reps];
            // each layer and its matrix products take turns, so that both see the same machine
            for (int r = -warmup; r < reps; r++) {
                for (int s = 0; s < steps.length; s++) {
                    try (NDManager m = manager.newSubManager()) {
                        long t0 = System.nanoTime();
                        steps[s].run(m).sum().getFloat(); // wait for the result
                        if (r >= 0) ms[s][r] = (System.nanoTime() - t0) / 1e6;
                    }
                }
            }
            for (int s = 0; s < steps.length; s++) out.put(names[s], ms[s]);
        }
        return out;
    }

    private interface Step {
        NDArray run(NDManager m);
    }

    /** The matrix products of these weights, each applied to its own random (1, tokens, in) input. */
    private static Step gemms(NDManager manager, QwenWeights w, int tokens, String... weights) {
        NDArray[] inputs = new NDArray[weights.length];
        for (int i = 0; i < weights.length; i++) {
            inputs[i] = manager.randomNormal(0f, 1f, new Shape(1, tokens, w.get(weights[i]).getShape().get(1)), DataType.FLOAT32);
        }
        return m -> {
            NDArray total = null;
            for (int i = 0; i < weights.length; i++) {
                inputs[i].tempAttach(m);
                NDArray s = Linear.linear(inputs[i], w.get(weights[i])).singletonOrThrow().sum();
                total = total == null ? s : total.add(s);
            }
            return total;
        };
    }
}

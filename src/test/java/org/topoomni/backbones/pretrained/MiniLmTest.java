package org.topoomni.backbones.pretrained;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.topoomni.model.LayerHook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** MiniLM on DJL against ONNX Runtime running the same .onnx file. */
class MiniLmTest {
    static final double ABS_TOL = 1e-4;
    static final List<String> SENTENCES = List.of(
            "A face looks out of the window.",
            "The dog barked at the postman, who dropped three letters and a parcel on the wet pavement.",
            "Hello!",
            "Théâtre, café & naïve résumé: 42 UNUSUAL tokens?",
            "If the ball is in the box, where will Sally look for it when she comes back?");

    static NDManager manager;
    static MiniLm model;

    @BeforeAll
    static void load() throws IOException {
        manager = NDManager.newBaseManager();
        model = MiniLm.fromClassPath(manager);
    }

    @AfterAll
    static void close() {
        model.close();
        manager.close();
    }

    @Test
    void architectureComesFromTheGraph() {
        BertArchitecture a = model.architecture();
        assertEquals(6, a.layers().size());
        assertEquals(384, a.hidden());
        assertEquals(12, a.heads());
        assertEquals(1536, a.layers().get(0).ffn());
        assertEquals(30522, a.vocab());
        assertEquals(512, a.maxPositions());
        assertEquals((float) Math.sqrt(32), a.scoreDivisor(), 1e-6f);
        assertEquals(1e-12f, a.embedNorm().eps());
        assertEquals(-Float.MAX_VALUE, a.maskValue());
        // weights named after their node are found by the node that reads them
        assertTrue(a.layers().get(0).query().weight().startsWith("onnx::MatMul_"), a.layers().get(0).query().weight());
        assertEquals("encoder.layer.0.attention.self.query.bias", a.layers().get(0).query().bias());
        assertEquals("encoder.layer.0.attention.self.key.bias", a.layers().get(0).key().bias());
        assertEquals("encoder.layer.0.attention.self.value.bias", a.layers().get(0).value().bias());
        assertEquals("encoder.layer.5.output.dense.bias", a.layers().get(5).down().bias());
        assertEquals(6, model.sites().size());
        System.out.println("MiniLM parameters: " + model.parameterCount());
    }

    @Test
    void tokenizerGivesBertWordPieces() {
        MiniLm.Tokens t = model.tokenize(List.of("Hello!", "The dog barked."));
        assertArrayEquals(new String[] {"[CLS]", "hello", "!", "[SEP]"}, t.pieces().get(0));
        assertEquals(101, t.ids()[0]);
        assertEquals(4, t.length(0));
        assertEquals(t.length(), t.length(1));
        assertEquals(0, t.ids()[4]); // padding of the short row
        assertEquals(0f, t.valid()[4]);
    }

    @Test
    void lastHiddenStateMatchesOnnxRuntime() throws IOException, OrtException {
        MiniLm.Tokens t = model.tokenize(SENTENCES);
        float[] ours;
        List<Integer> hookWidths = new ArrayList<>();
        try (NDManager sub = manager.newSubManager()) {
            NDArray out = model.forward(sub, t, (site, x, tokens) -> {
                hookWidths.add((int) x.getShape().get(2));
                assertEquals(t.rows(), tokens.rows());
                return x;
            });
            assertEquals(List.of(384, 384, 384, 384, 384, 384), hookWidths);
            ours = out.toFloatArray();
        }
        float[] ref = onnxRuntime(t);
        assertEquals(ref.length, ours.length);
        double maxAbs = 0, maxAbsValid = 0, maxRef = 0;
        for (int i = 0; i < ref.length; i++) {
            double d = Math.abs(ours[i] - ref[i]);
            maxAbs = Math.max(maxAbs, d);
            if (t.valid()[i / 384] > 0) maxAbsValid = Math.max(maxAbsValid, d);
            maxRef = Math.max(maxRef, Math.abs(ref[i]));
        }
        System.out.printf("golden minilm vs onnxruntime: %d sentences x %d tokens, max abs %.3e (real tokens %.3e), max |ref| %.3f%n",
                t.rows(), t.length(), maxAbs, maxAbsValid, maxRef);
        assertTrue(maxAbs <= ABS_TOL, "max |djl - onnxruntime| = " + maxAbs);
    }

    @Test
    void paddingDoesNotChangeRealTokens() {
        MiniLm.Tokens batch = model.tokenize(SENTENCES);
        try (NDManager sub = manager.newSubManager()) {
            float[] all = model.forward(sub, batch, LayerHook.NONE).toFloatArray();
            MiniLm.Tokens one = model.tokenize(List.of(SENTENCES.get(2)));
            float[] alone = model.forward(sub, one, LayerHook.NONE).toFloatArray();
            int n = one.length();
            double worst = 0;
            for (int j = 0; j < n; j++) for (int c = 0; c < 384; c++) {
                worst = Math.max(worst, Math.abs(alone[j * 384 + c] - all[(2 * batch.length() + j) * 384 + c]));
            }
            assertTrue(worst < 1e-5, "short sentence alone vs padded in a batch: " + worst);
        }
    }

    /** ONNX Runtime on the same file and tokens, one thread. */
    static float[] onnxRuntime(MiniLm.Tokens t) throws IOException, OrtException {
        byte[] bytes;
        try (InputStream in = MiniLmTest.class.getClassLoader().getResourceAsStream(MiniLm.ONNX_RESOURCE)) {
            bytes = in.readAllBytes();
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        long[] mask = new long[t.valid().length];
        for (int i = 0; i < mask.length; i++) mask[i] = (long) t.valid()[i];
        long[] shape = {t.rows(), t.length()};
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(bytes, opts);
                 OnnxTensor ids = OnnxTensor.createTensor(env, LongBuffer.wrap(t.ids()), shape);
                 OnnxTensor am = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
                 OnnxTensor types = OnnxTensor.createTensor(env, LongBuffer.wrap(t.typeIds()), shape);
                 OrtSession.Result r = session.run(Map.of("input_ids", ids, "attention_mask", am, "token_type_ids", types))) {
                OnnxTensor out = (OnnxTensor) r.get("last_hidden_state").orElseThrow();
                java.nio.FloatBuffer fb = out.getFloatBuffer();
                float[] v = new float[fb.remaining()];
                fb.get(v);
                return v;
            }
        }
    }
}

package org.topoomni.backbones.pretrained;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.topoomni.backbones.pretrained.MobileNetV3Architecture.Block;
import org.topoomni.backbones.pretrained.MobileNetV3Architecture.Kind;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The CenterNet MobileNetV3 of npm @vladmandic/human against TensorFlow.js's own outputs
 * (shared/golden/mobilenetv3_centernet). Needs ./setup (it unpacks the model into .cache/npm).
 */
class MobileNetV3Test {
    /** Agreement required of every site: max |ours - tfjs| / max |tfjs| over the tensor. */
    static final double REL_TOL = 1e-4;

    static NDManager manager;
    static MobileNetV3 model;

    @BeforeAll
    static void load() throws IOException {
        manager = NDManager.newBaseManager();
        model = MobileNetV3.centernet(manager);
    }

    @AfterAll
    static void close() {
        model.close();
        manager.close();
    }

    static Path golden() {
        return Path.of(System.getProperty("topoomni.shared", "../shared"), "golden", "mobilenetv3_centernet");
    }

    @Test
    void architectureComesFromTheGraph() {
        MobileNetV3Architecture a = model.architecture();
        assertEquals(15, a.blocks().size());
        List<Integer> kernels = new ArrayList<>(), strides = new ArrayList<>();
        List<Boolean> se = new ArrayList<>(), residual = new ArrayList<>();
        for (Block b : a.blocks()) {
            kernels.add(b.depthwise().kernel());
            strides.add(b.depthwise().stride());
            se.add(b.se() != null);
            residual.add(b.residual());
        }
        // MobileNetV3-Large: depthwise kernels, strides, squeeze-excite and residuals per block
        assertEquals(List.of(3, 3, 3, 5, 5, 5, 3, 3, 3, 3, 3, 3, 5, 5, 5), kernels);
        assertEquals(List.of(1, 2, 1, 2, 1, 1, 2, 1, 1, 1, 1, 1, 2, 1, 1), strides);
        assertEquals(List.of(false, false, false, true, true, true, false, false, false, false, true, true, true, true, true), se);
        assertEquals(List.of(true, false, true, false, true, true, false, true, true, true, false, true, false, true, true), residual);
        assertArrayEquals(new int[] {16, 16, 24, 24, 32, 32, 32, 64, 64, 64, 64, 88, 88, 120, 120, 120, 480}, model.widths());
        // the first six blocks use relu, the rest hard-swish (from the graph, constants stored as float16)
        assertEquals(Kind.RELU, a.blocks().get(1).expand().activation().kind());
        assertEquals(Kind.HARD_SWISH, a.blocks().get(6).expand().activation().kind());
        assertEquals(Kind.HARD_SWISH, a.stem().activation().kind());
        assertEquals(3f, a.stem().activation().shift());
        assertEquals(org.topoomni.model.Safetensors.halfToFloat((short) 0x3155), a.stem().activation().scale(), 0f); // float16 nearest 1/6
        assertEquals(17, model.sites().size());
        System.out.println("MobileNetV3 parameters: " + model.parameterCount());
    }

    @Test
    void everySiteMatchesTensorFlowJs() throws IOException {
        ObjectMapper om = new ObjectMapper();
        JsonNode input = om.readTree(golden().resolve("input.json").toFile());
        JsonNode outputs = om.readTree(golden().resolve("outputs.json").toFile()).path("outputs");
        float[] nhwc = new float[input.path("data").size()];
        for (int i = 0; i < nhwc.length; i++) nhwc[i] = (float) input.path("data").get(i).asDouble();
        Map<Integer, float[]> seen = new LinkedHashMap<>();
        Map<Integer, long[]> shapes = new LinkedHashMap<>();
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = sub.create(nhwc, new Shape(1, 64, 64, 3)).transpose(0, 3, 1, 2);
            model.forward(sub, x, (site, out, tokens) -> {
                seen.put(site.layer(), out.toFloatArray());
                shapes.put(site.layer(), out.getShape().getShape());
                assertEquals(1, tokens.rows());
                assertEquals(out.getShape().get(1), tokens.tokens());
                return out;
            });
        }
        List<String> nodes = model.architecture().outputs();
        assertEquals(17, seen.size());
        double worst = 0;
        for (int l = 0; l < nodes.size(); l++) {
            JsonNode g = outputs.path(nodes.get(l));
            assertFalse(g.isMissingNode(), "golden file lacks " + nodes.get(l));
            JsonNode gs = g.path("shape");
            // golden NHWC (1, H, W, C) is the hook's (1, H*W, C) in the same row-major order
            assertArrayEquals(new long[] {1, gs.get(1).asLong() * gs.get(2).asLong(), gs.get(3).asLong()}, shapes.get(l), nodes.get(l));
            float[] ours = seen.get(l);
            double maxAbs = 0, maxRef = 0;
            for (int i = 0; i < ours.length; i++) {
                double ref = g.path("data").get(i).asDouble();
                maxAbs = Math.max(maxAbs, Math.abs(ours[i] - ref));
                maxRef = Math.max(maxRef, Math.abs(ref));
            }
            double rel = maxAbs / maxRef;
            worst = Math.max(worst, rel);
            System.out.printf("golden mobilenetv3 site %2d %-70s max abs %.3e  max rel %.3e%n", l, nodes.get(l), maxAbs, rel);
            assertTrue(rel <= REL_TOL, nodes.get(l) + ": max |ours - tfjs| / max |tfjs| = " + rel);
        }
        System.out.printf("golden mobilenetv3 worst relative error %.3e%n", worst);
    }

    @Test
    void hookReplacesTheOutputThatGoesOn() {
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = sub.randomUniform(0, 255, new Shape(2, 3, 48, 40));
            NDArray plain = model.forward(sub, x, org.topoomni.model.LayerHook.NONE);
            NDArray same = model.forward(sub, x, (site, out, tokens) -> out.mul(1f));
            assertEquals(new Shape(2, 480, 2, 2), plain.getShape());
            assertTrue(plain.allClose(same, 1e-5, 1e-5, false));
            // zeroing block 3's output changes everything after it
            NDArray cut = model.forward(sub, x, (site, out, tokens) -> site.layer() == 3 ? out.zerosLike() : out);
            assertFalse(plain.allClose(cut, 1e-3, 1e-3, false));
        }
    }
}

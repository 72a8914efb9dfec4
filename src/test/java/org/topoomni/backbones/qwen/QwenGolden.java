package org.topoomni.backbones.qwen;

import org.topoomni.model.Devices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tiny Qwen2.5-Omni golden folder (shared/golden/qwen2_5_omni_tiny) and its comparisons. */
final class QwenGolden {
    private QwenGolden() {}

    /** The golden folder, from the system property {@code topoomni.shared}. */
    static Path folder() {
        String shared = System.getProperty("topoomni.shared", "../shared");
        Path p = Path.of(shared, "golden", "qwen2_5_omni_tiny");
        assertTrue(Files.isDirectory(p), "golden folder missing: " + p.toAbsolutePath());
        return p;
    }

    /** Where the golden comparisons run: system property {@code topoomni.device} (cpu, gpu; default cpu), as scripts/gpu-check sets it. */
    static ai.djl.Device device() {
        return Devices.parse(System.getProperty("topoomni.device", "cpu"));
    }

    static JsonNode json(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static float[] floats(JsonNode tensor) {
        JsonNode d = tensor.get("data");
        float[] out = new float[d.size()];
        for (int i = 0; i < out.length; i++) out[i] = (float) d.get(i).asDouble();
        return out;
    }

    static long[] longs(JsonNode tensor) {
        JsonNode d = tensor.get("data");
        long[] out = new long[d.size()];
        for (int i = 0; i < out.length; i++) out[i] = d.get(i).asLong();
        return out;
    }

    static int[] ints(JsonNode tensor) {
        long[] l = longs(tensor);
        int[] out = new int[l.length];
        for (int i = 0; i < l.length; i++) out[i] = (int) l[i];
        return out;
    }

    static long[] shape(JsonNode tensor) {
        JsonNode s = tensor.get("shape");
        long[] out = new long[s.size()];
        for (int i = 0; i < out.length; i++) out[i] = s.get(i).asLong();
        return out;
    }

    /** Worst absolute error; fails if any value is off by more than 1e-5 (2e-5 where |expected| exceeds 1). */
    static double assertClose(String what, float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, what + ": length");
        double worst = 0;
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < expected.length; i++) {
            double e = Math.abs((double) actual[i] - expected[i]);
            double tol = Math.abs(expected[i]) > 1 ? 2e-5 : 1e-5;
            if (!(e <= tol) && bad.size() < 5) bad.add("[" + i + "] expected " + expected[i] + " got " + actual[i]);
            if (!(e <= worst)) worst = e;
        }
        System.out.printf("golden %-44s max abs error %.3e%n", what, worst);
        assertTrue(bad.isEmpty(), what + ": max abs error " + worst + "; " + bad);
        return worst;
    }

    static void assertSameInts(String what, long[] expected, long[] actual) {
        assertArrayEquals(expected, actual, what);
        System.out.printf("golden %-44s identical (%d values)%n", what, expected.length);
    }
}

package org.topoomni.optim;

import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.topoomni.model.Safetensors;
import org.topoomni.model.Weights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resumable state of a training run in a folder: the trained weights, the optimizer's
 * moments, the step, the curve so far, and the settings it was made with (a run resumes only
 * with the same settings). Written atomically, {@code state.json} last.
 */
public final class TrainState {
    public static final String STATE = "state.json", WEIGHTS = "weights.safetensors", OPTIMIZER = "optimizer.safetensors";

    /** What was restored. */
    public record Restored(int step, List<double[]> curve) {}

    private TrainState() {}

    public static boolean exists(Path dir) {
        return dir != null && Files.isRegularFile(dir.resolve(STATE));
    }

    public static void save(Path dir, Weights weights, AdamW opt, int step, List<double[]> curve, String settings) throws IOException {
        Files.createDirectories(dir);
        weights.save(dir.resolve(WEIGHTS), Map.of("step", Integer.toString(step)));
        Map<String, Safetensors.Tensor> moments = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : opt.firstMoments().entrySet()) {
            moments.put("m1." + e.getKey(), new Safetensors.Tensor(e.getValue().getShape().getShape(), e.getValue().toFloatArray()));
            NDArray v = opt.secondMoments().get(e.getKey());
            moments.put("m2." + e.getKey(), new Safetensors.Tensor(v.getShape().getShape(), v.toFloatArray()));
        }
        Safetensors.write(dir.resolve(OPTIMIZER), moments, Map.of("step", Integer.toString(step)));
        ObjectMapper om = org.topoomni.io.Json.mapper();
        ObjectNode st = om.createObjectNode();
        st.put("step", step);
        st.put("optimizer_step", opt.step());
        st.put("settings", settings);
        ArrayNode arr = st.putArray("curve");
        for (double[] p : curve) {
            ArrayNode row = arr.addArray();
            for (double v : p) row.add(v);
        }
        org.topoomni.io.AtomicFiles.writeString(dir.resolve(STATE), om.writeValueAsString(st));
    }

    public static Restored restore(Path dir, Weights weights, AdamW opt, String settings) throws IOException {
        JsonNode st = org.topoomni.io.Json.mapper().readTree(dir.resolve(STATE).toFile());
        if (!settings.equals(st.path("settings").asText())) {
            throw new IllegalArgumentException("the saved training state in " + dir + " was made with other settings ("
                    + st.path("settings").asText() + ", now " + settings + "); delete it or run with the same settings");
        }
        weights.load(dir.resolve(WEIGHTS));
        Map<String, Safetensors.Tensor> m = Safetensors.read(dir.resolve(OPTIMIZER));
        Map<String, float[]> first = new LinkedHashMap<>(), second = new LinkedHashMap<>();
        for (Map.Entry<String, Safetensors.Tensor> e : m.entrySet()) {
            if (e.getKey().startsWith("m1.")) first.put(e.getKey().substring(3), e.getValue().data());
            else if (e.getKey().startsWith("m2.")) second.put(e.getKey().substring(3), e.getValue().data());
        }
        opt.restore(st.path("optimizer_step").asLong(), first, second, weights.all());
        List<double[]> curve = new ArrayList<>();
        for (JsonNode row : st.path("curve")) {
            double[] p = new double[row.size()];
            for (int i = 0; i < p.length; i++) p[i] = row.get(i).asDouble();
            curve.add(p);
        }
        return new Restored(st.path("step").asInt(), curve);
    }
}

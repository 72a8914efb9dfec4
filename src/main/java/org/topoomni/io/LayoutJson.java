package org.topoomni.io;

import com.fasterxml.jackson.databind.JsonNode;
import org.topoomni.sheet.Band;
import org.topoomni.sheet.Modality;
import org.topoomni.sheet.SheetLayout;
import org.topoomni.sheet.LayerStack;
import org.topoomni.sheet.Placement;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sheet layout as JSON ({@code layout.json} beside a trained model, saved responses and maps),
 * so a folder of results can be read and drawn without the model: rows, cols and every stack's
 * band ({@code name, modality, placement, widths} (one per layer){@code , layers, top, left, cols}).
 * Files written before stacks had per-layer widths ({@code layers} and one {@code width}, top
 * stacks at row 0) are read too.
 */
public final class LayoutJson {

    private LayoutJson() {
    }

    public static Map<String, Object> toMap(SheetLayout l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", l.rows());
        m.put("cols", l.cols());
        List<Map<String, Object>> stacks = new ArrayList<>();
        for (Band b : l.bands()) {
            Map<String, Object> s = new LinkedHashMap<>();
            LayerStack st = b.stack();
            s.put("name", st.name());
            s.put("modality", st.modality().id());
            s.put("placement", st.placement().name().toLowerCase(Locale.ROOT));
            s.put("layers", st.layers());
            s.put("widths", st.widths());
            s.put("top", b.top());
            s.put("left", b.left());
            s.put("cols", b.cols());
            stacks.add(s);
        }
        m.put("stacks", stacks);
        return m;
    }

    public static void write(Path file, SheetLayout l) throws IOException {
        Json.write(file, toMap(l));
    }

    public static SheetLayout read(Path file) throws IOException {
        return fromJson(Json.read(file), file.toString());
    }

    public static SheetLayout fromJson(JsonNode n, String source) {
        try {
            int rows = need(n, "rows").asInt(), cols = need(n, "cols").asInt();
            JsonNode stacks = need(n, "stacks");
            SheetLayout.Builder b = SheetLayout.builder();
            List<int[]> bands = new ArrayList<>();
            for (JsonNode s : stacks) {
                int layers = need(s, "layers").asInt();
                int[] widths = new int[layers];
                JsonNode w = s.get("widths");
                if (w != null && w.isArray()) {
                    if (w.size() != layers) throw new IllegalArgumentException("stack " + s.path("name").asText() + " has " + layers + " layers but " + w.size() + " widths");
                    for (int l = 0; l < layers; l++) widths[l] = w.get(l).asInt();
                } else {
                    java.util.Arrays.fill(widths, need(s, "width").asInt());
                }
                int top = need(s, "top").asInt(), left = need(s, "left").asInt(), c = need(s, "cols").asInt();
                Placement placement = s.has("placement") ? Placement.valueOf(s.get("placement").asText().toUpperCase(Locale.ROOT))
                        : top == 0 && c < cols ? Placement.SENSORY : top == 0 && stacks.size() == 1 ? Placement.SHARED
                        : top == 0 ? Placement.SENSORY : Placement.SHARED;
                LayerStack st = new LayerStack(need(s, "name").asText(),
                        Modality.valueOf(need(s, "modality").asText().toUpperCase(Locale.ROOT)), placement, widths);
                bands.add(new int[] {top, left, c});
                if (placement == Placement.SENSORY) b.top(st, c);
                else b.bottom(st);
            }
            if (bands.size() > 0 && bands.stream().noneMatch(x -> x[0] == 0 && x[2] < cols)) b.width(cols);
            SheetLayout l = b.build();
            boolean same = l.rows() == rows && l.cols() == cols && l.bands().size() == bands.size();
            for (int i = 0; same && i < bands.size(); i++) {
                Band band = l.bands().get(i);
                int[] e = bands.get(i);
                same = band.top() == e[0] && band.left() == e[1] && band.cols() == e[2];
            }
            if (!same) throw new IllegalArgumentException("its bands do not form the sheet they describe");
            return l;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " is not a valid sheet layout: " + e.getMessage());
        }
    }

    private static JsonNode need(JsonNode n, String key) {
        JsonNode v = n == null ? null : n.get(key);
        if (v == null || v.isNull()) throw new IllegalArgumentException("missing \"" + key + "\"");
        return v;
    }
}

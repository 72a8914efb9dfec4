package org.topoomni.map;

import com.fasterxml.jackson.databind.JsonNode;
import org.topoomni.sheet.Band;
import org.topoomni.sheet.Modality;
import org.topoomni.sheet.SheetLayout;
import org.topoomni.sheet.Stack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sheet layout as JSON ({@code layout.json} beside saved responses and maps), so a folder of
 * results can be read and drawn without the model: rows, cols and every stack's band
 * ({@code name, modality, layers, width, top, left, cols, rows_per_layer}).
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
            s.put("name", b.stack().name());
            s.put("modality", b.stack().modality().id());
            s.put("layers", b.stack().layers());
            s.put("width", b.stack().width());
            s.put("top", b.top());
            s.put("left", b.left());
            s.put("cols", b.cols());
            s.put("rows_per_layer", b.rowsPerLayer());
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

    static SheetLayout fromJson(JsonNode n, String source) {
        try {
            int rows = need(n, "rows").asInt(), cols = need(n, "cols").asInt();
            JsonNode stacks = need(n, "stacks");
            SheetLayout.Builder b = SheetLayout.builder();
            List<int[]> bands = new ArrayList<>();
            for (JsonNode s : stacks) {
                Stack st = new Stack(need(s, "name").asText(),
                        Modality.valueOf(need(s, "modality").asText().toUpperCase(Locale.ROOT)),
                        need(s, "layers").asInt(), need(s, "width").asInt());
                int top = need(s, "top").asInt(), left = need(s, "left").asInt(), c = need(s, "cols").asInt();
                bands.add(new int[] {top, left, c, need(s, "rows_per_layer").asInt()});
                if (top == 0) b.top(st, c);
                else b.bottom(st);
            }
            SheetLayout l = b.build();
            boolean same = l.rows() == rows && l.cols() == cols && l.bands().size() == bands.size();
            for (int i = 0; same && i < bands.size(); i++) {
                Band band = l.bands().get(i);
                int[] e = bands.get(i);
                same = band.top() == e[0] && band.left() == e[1] && band.cols() == e[2] && band.rowsPerLayer() == e[3];
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

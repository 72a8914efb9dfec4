package org.topoomni.map;

import org.topoomni.io.Csv;
import org.topoomni.io.Npy;

import org.topoomni.io.AtomicFiles;
import org.topoomni.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Analysis results as files a scientist opens directly (and {@link #readSelectivity} reads back). Maps are 2-D arrays shaped like
 * the sheet (rows x cols), C order:
 * <ul>
 * <li>contrast folder: {@code tmap.npy} (float32 t), {@code qmap.npy} (float64 q, kept in double
 *     precision because q-values underflow float32), {@code dmap.npy} (float32 Cohen's d),
 *     {@code mask.npy} (bool, significant units in the contrast's region), {@code summary.json}.</li>
 * <li>retinotopy/tonotopy folder: {@code fmap.npy}, {@code qmap.npy}, {@code mask.npy},
 *     {@code preferred.npy} (int32 index of the preferred condition, -1 where not significant),
 *     {@code summary.json} (which lists the conditions in index order).</li>
 * <li>{@code profiles.csv}: one row per contrast with its human correlation and both ten-condition
 *     profiles; {@code profile_conditions.csv}: the model profile over every category.</li>
 * </ul>
 * Every file is written atomically.
 */
public final class MapFiles {

    private MapFiles() {
    }

    /**
     * Reads a contrast folder written by {@link #writeSelectivity} back into a map (for comparing
     * runs and redrawing). The islands' summary numbers come from summary.json (their per-island
     * list is not restored); the whole-sheet significance is recomputed from the q and t maps.
     */
    public static SelectivityMap readSelectivity(Path dir, org.topoomni.sheet.SheetLayout layout) throws IOException {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("no contrast folder at " + dir);
        com.fasterxml.jackson.databind.JsonNode s = Json.read(dir.resolve("summary.json"));
        String name = need(s, "contrast", dir).asText();
        List<String> on = new java.util.ArrayList<>(), off = new java.util.ArrayList<>();
        need(s, "on", dir).forEach(n -> on.add(n.asText()));
        need(s, "off", dir).forEach(n -> off.add(n.asText()));
        Contrast c = new Contrast(name, on, off, Region.parse(need(s, "region", dir).asText()),
                Contrast.Kind.parse(need(s, "kind", dir).asText()), null);
        int rows = layout.rows(), cols = layout.cols();
        double[] t = map(dir.resolve("tmap.npy"), rows, cols).asDoubles();
        double[] q = map(dir.resolve("qmap.npy"), rows, cols).asDoubles();
        boolean[] mask = map(dir.resolve("mask.npy"), rows, cols).asBools();
        Path d = dir.resolve("dmap.npy");
        double[] cohen = Files.isRegularFile(d) ? map(d, rows, cols).asDoubles() : new double[t.length];
        double thr = need(s, "q_threshold", dir).asDouble();
        boolean[] sheetMask = org.topoomni.stats.IslandMoransI.significantCells(q, t, thr);
        com.fasterxml.jackson.databind.JsonNode mi = s.get("island_morans_i");
        org.topoomni.stats.IslandResult islands = new org.topoomni.stats.IslandResult(List.of(),
                mi == null || mi.isNull() ? Double.NaN : mi.asDouble(), need(s, "n_components", dir).asInt(),
                need(s, "n_islands", dir).asInt(), need(s, "n_significant_islands", dir).asInt(),
                need(s, "min_island_size", dir).asInt(), need(s, "permutations", dir).asInt(), need(s, "seed", dir).asLong());
        return new SelectivityMap(c, layout, need(s, "fwhm", dir).asDouble(), thr, t, q, cohen, sheetMask, mask, islands,
                need(s, "n_on", dir).asInt(), need(s, "n_off", dir).asInt(),
                SelectivityMap.peak(layout, t, sheetMask, c.region().mask(layout)));
    }

    private static Npy.Array map(Path file, int rows, int cols) throws IOException {
        Npy.Array a = Npy.read(file);
        if (a.shape().length != 2 || a.shape()[0] != rows || a.shape()[1] != cols) {
            throw new IllegalArgumentException(file + " has shape " + Npy.shapeRepr(a.shape()) + ", expected (" + rows + ", " + cols + ")");
        }
        return a;
    }

    private static com.fasterxml.jackson.databind.JsonNode need(com.fasterxml.jackson.databind.JsonNode n, String key, Path dir) {
        com.fasterxml.jackson.databind.JsonNode v = n.get(key);
        if (v == null || v.isNull()) throw new IllegalArgumentException(dir.resolve("summary.json") + " has no \"" + key + "\"");
        return v;
    }

    public static void writeSelectivity(Path dir, SelectivityMap m) throws IOException {
        Files.createDirectories(dir);
        int rows = m.layout().rows(), cols = m.layout().cols();
        Npy.writeAsFloat32(dir.resolve("tmap.npy"), m.t(), rows, cols);
        Npy.write(dir.resolve("qmap.npy"), m.q(), rows, cols);
        Npy.writeAsFloat32(dir.resolve("dmap.npy"), m.cohenD(), rows, cols);
        Npy.write(dir.resolve("mask.npy"), m.mask(), rows, cols);
        java.util.Map<String, Object> s = new java.util.LinkedHashMap<>();
        s.put("contrast", m.contrast().name());
        s.putAll(Json.toMap(m.summary()));
        s.put("files", java.util.Map.of("tmap.npy", "Welch t, float32 (rows, cols)", "qmap.npy", "BH q of one-sided p, float64 (rows, cols)",
                "dmap.npy", "Cohen's d, float32 (rows, cols)", "mask.npy", "significant units in the region, bool (rows, cols)"));
        Json.write(dir.resolve("summary.json"), s);
    }

    public static void writePreference(Path dir, PreferenceMap m) throws IOException {
        Files.createDirectories(dir);
        int rows = m.layout().rows(), cols = m.layout().cols();
        Npy.writeAsFloat32(dir.resolve("fmap.npy"), m.f(), rows, cols);
        Npy.write(dir.resolve("qmap.npy"), m.q(), rows, cols);
        Npy.write(dir.resolve("mask.npy"), m.mask(), rows, cols);
        Npy.write(dir.resolve("preferred.npy"), m.preferred(), rows, cols);
        java.util.Map<String, Object> s = new java.util.LinkedHashMap<>();
        s.put("design", m.design().name());
        s.putAll(Json.toMap(m.summary()));
        s.put("preferred_index_order", m.design().categories());
        Json.write(dir.resolve("summary.json"), s);
    }

    /** profiles.csv: one row per profile. */
    public static void writeProfiles(Path file, List<ResponseProfiles.Profile> profiles, HumanReference human) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("contrast,kind,region,human_roi,human_roi_labels,k_percent,fwhm,n_units,n_conditions,pearson_r,spearman_rho,paper_r");
        for (String c : HumanReference.CONDITIONS) sb.append(",model_").append(c);
        for (String c : HumanReference.CONDITIONS) sb.append(",human_").append(c);
        sb.append('\n');
        for (ResponseProfiles.Profile p : profiles) {
            String labels = p.humanRoi() == null || human == null ? "" : String.join("+", human.labelsOf(p.humanRoi()));
            sb.append(Csv.quote(p.contrast().name())).append(',').append(p.contrast().kind().id()).append(',')
                    .append(p.contrast().region().id()).append(',').append(p.humanRoi() == null ? "" : Csv.quote(p.humanRoi())).append(',')
                    .append(Csv.quote(labels)).append(',').append(num(p.kPercent())).append(',').append(num(p.fwhm())).append(',')
                    .append(p.selected().length).append(',').append(p.nShared()).append(',').append(num(p.pearson())).append(',')
                    .append(num(p.spearman())).append(',').append(num(p.paperR()));
            for (double v : p.model10()) sb.append(',').append(num(v));
            for (int i = 0; i < HumanReference.CONDITIONS.size(); i++) sb.append(',').append(p.human10() == null ? "" : num(p.human10()[i]));
            sb.append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    /** profile_conditions.csv: contrast, category, mean response of the selected units (odd runs), stimuli. */
    public static void writeProfileConditions(Path file, List<ResponseProfiles.Profile> profiles) throws IOException {
        StringBuilder sb = new StringBuilder("contrast,category,response,n_stimuli\n");
        for (ResponseProfiles.Profile p : profiles) {
            for (int i = 0; i < p.categories().size(); i++) {
                sb.append(Csv.quote(p.contrast().name())).append(',').append(Csv.quote(p.categories().get(i))).append(',')
                        .append(num(p.response()[i])).append(',').append(p.nStimuli()[i]).append('\n');
            }
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    /** A number for CSV: empty for NaN, shortest round-trip form otherwise. */
    static String num(double v) {
        if (Double.isNaN(v)) return "";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%.1f", v);
        return Double.toString(v);
    }
}

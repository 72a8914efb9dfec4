package org.topoomni.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.topoomni.io.Json;
import org.topoomni.results.LocalizerSummary;
import org.topoomni.results.PretrainMetrics;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.topoomni.report.Html.esc;
import static org.topoomni.report.Html.td;

/** What was run: seeds, software versions, the time of every stage, and every stage's settings. */
final class RunSection {

    private RunSection() {
    }

    static String html(RunFolder run, List<String> versions) {
        StringBuilder sb = new StringBuilder(Section.start("run", "The run: settings, seed, versions, timings",
                "what was run, with which settings and software, and how long each stage took, so that the run can be repeated."));
        PretrainMetrics pre = run.pretrain();
        LocalizerSummary loc = run.localize.topo();
        // seed
        List<String> seeds = new ArrayList<>();
        if (run.results != null && run.results.seed() != null) seeds.add(run.results.seed() + " (run)");
        if (pre != null && pre.seed() != null) seeds.add(pre.seed() + " (pretraining)");
        for (String m : RunFolder.MODELS) {
            JsonNode cfg = run.cortical.get(m);
            if (cfg != null && cfg.has("seed")) seeds.add(esc(cfg.get("seed").asText()) + " (" + m + " training)");
        }
        if (loc != null && loc.settings() != null) seeds.add(loc.settings().seed() + " (localizer permutations)");
        sb.append("<p class=\"line\"><b>Seed:</b> ").append(seeds.isEmpty() ? "not recorded" : String.join(", ", seeds)).append("</p>\n");
        // versions
        List<String> vs = new ArrayList<>(versions);
        String java = "java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
        if (vs.stream().noneMatch(x -> x.startsWith("java "))) vs.add(java + ", report written");
        sb.append("<p class=\"line\"><b>Versions:</b> ").append(esc(String.join(" \u00b7 ", new LinkedHashSet<>(vs)))).append("</p>\n");
        // timings
        Map<String, Double> t = run.timings();
        sb.append("<h3>Time per stage</h3>\n");
        if (t == null) sb.append("<p class=\"notrun\">results.json records no timings.</p>\n");
        else sb.append(timings(t, StageTimes.of(t, run.results.reusedStages())));
        // settings
        sb.append("<h3>Settings</h3>\n<div class=\"pair\">");
        sb.append(settingsTable("topographic training (topo/cortical.json)", run.cortical.topo(), null));
        sb.append(settingsTable("control training (control/cortical.json)", run.cortical.control(), null));
        sb.append(settingsTable("localizers (localize/topo/summary.json)", loc == null || loc.settings() == null ? null : Json.tree(loc.settings()), null));
        sb.append(settingsTable("pretraining (results.json)", pre == null ? null : Json.tree(pre), Set.of("accuracy_by_category", "accuracy_by_kind")));
        sb.append("</div>\n");
        return sb.append(Section.end()).toString();
    }

    private static String timings(Map<String, Double> t, StageTimes st) {
        StringBuilder sb = new StringBuilder("<table><tr><th>stage</th><th>time</th></tr>\n");
        for (Map.Entry<String, Double> e : t.entrySet()) {
            boolean isTotal = e.getKey().equals("total");
            sb.append("<tr").append(isTotal ? " class=\"total\"" : "").append(">").append(td(esc(e.getKey())))
                    .append(td(Html.duration(e.getValue() == null ? Double.NaN : e.getValue()))).append("</tr>\n");
        }
        sb.append("</table>\n");
        if (st.reused()) {
            sb.append("<p class=\"note\">" + (st.listed() != null ? "Stages reused from elsewhere (" + esc(String.join(", ", st.listed())) + ") were "
                    + "not timed in this run folder" : "Stages that took under a second were finished by an earlier, interrupted or repeated run and were reused "
                    + "(the demo resumes where it stopped)") + ", so these times are not the cost of a run from scratch.</p>\n");
        }
        return sb.toString();
    }

    private static String settingsTable(String title, JsonNode n, Set<String> skip) {
        if (n == null || !n.isObject()) return "<div><h4>" + esc(title) + "</h4><p class=\"notrun\">not recorded</p></div>";
        StringBuilder sb = new StringBuilder("<div><h4>").append(esc(title)).append("</h4><table class=\"kv\">");
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            var e = it.next();
            if (skip != null && skip.contains(e.getKey())) continue;
            JsonNode v = e.getValue();
            String s = v.isTextual() ? v.asText() : v.isFloatingPointNumber() ? shortNumber(v.asDouble()) : v.toString();
            sb.append("<tr><td>").append(esc(e.getKey())).append("</td><td>").append(esc(s)).append("</td></tr>");
        }
        return sb.append("</table></div>").toString();
    }

    private static String shortNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%.1f", v);
        String s = String.format(Locale.ROOT, "%.4g", v);
        return s.contains("e") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}

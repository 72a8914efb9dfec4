package org.topoomni.report;

import org.topoomni.results.PretrainMetrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.topoomni.report.Html.esc;
import static org.topoomni.report.Html.num;
import static org.topoomni.report.Html.pct;

/** The base model before any topographic training: how often it names each category of held-out stimuli. */
final class PretrainSection {

    private PretrainSection() {
    }

    static String html(RunFolder run) {
        StringBuilder sb = new StringBuilder(Section.start("pretraining", "The pretrained model: accuracy per category",
                "how often the base model (before any topographic training) names the right category for held-out stimuli. The maps are only "
                        + "as meaningful as this: a model that cannot tell faces from scenes has no reason to grow a face region."));
        PretrainMetrics pre = run.pretrain();
        if (pre == null) {
            return Section.closedNotRun(sb, "results.json has no pretrain section.");
        }
        Status vs = Verdicts.pretrainVisual(pre), as = Verdicts.pretrainAuditory(pre), ps = Verdicts.perplexity(pre);
        sb.append("<p class=\"line\">visual ").append("<span class=\"v ").append(vs.css).append("\">").append(pct(pre.visualAccuracy())).append("</span> (target &ge; ")
                .append(pct(Targets.PRETRAIN_VISUAL)).append(") &middot; auditory <span class=\"v ").append(as.css).append("\">").append(pct(pre.auditoryAccuracy()))
                .append("</span> (target &ge; ").append(pct(Targets.PRETRAIN_AUDITORY)).append(") &middot; text perplexity <span class=\"v ")
                .append(ps.css).append("\">").append(num(pre.perplexity(), 1)).append("</span> vs unigram baseline ").append(num(pre.unigramPerplexity(), 1));
        if (pre.visualItems() != null && pre.auditoryItems() != null) {
            sb.append(" &middot; ").append(pre.visualItems() + pre.auditoryItems()).append(" held-out visual + auditory stimuli");
        }
        sb.append("</p>\n");
        Map<String, Double> heads = pre.encoderHeadAccuracy();
        if (heads != null && !heads.isEmpty()) {
            sb.append("<p class=\"line\">Encoder phase (").append(pre.encoderSteps() == null ? 0 : pre.encoderSteps())
                    .append(" steps, the encoders alone): held-out accuracy of its category heads");
            heads.forEach((k, v) -> sb.append(" &middot; ").append(esc(k)).append(' ').append(pct(v)));
            sb.append(". What the encoders tell apart before the language model learns to name it.</p>\n");
        }
        Map<String, Double> byCat = pre.accuracyByCategory(), byFamily = pre.accuracyByFamily();
        if (byCat == null || byCat.isEmpty()) {
            sb.append("<p class=\"notrun\">No per-category accuracy recorded.</p>\n");
            return sb.append(Section.end()).toString();
        }
        Map<String, List<Map.Entry<String, Double>>> families = new LinkedHashMap<>();
        byCat.forEach((k, v) -> {
            String family = k.contains("/") ? k.substring(0, k.indexOf('/')) : "other";
            families.computeIfAbsent(family, x -> new ArrayList<>()).add(Map.entry(k.substring(k.indexOf('/') + 1), v == null ? Double.NaN : v));
        });
        sb.append("<div class=\"bars\">\n");
        for (var e : families.entrySet()) {
            Double kv = byFamily == null ? null : byFamily.get(e.getKey());
            Status s = e.getKey().equals("visual") ? vs : e.getKey().equals("auditory") ? as : Status.NONE;
            sb.append("<div class=\"kind\"><h4>").append(esc(e.getKey())).append(" <span class=\"v ").append(s.css).append("\">")
                    .append(pct(kv == null ? Double.NaN : kv)).append("</span></h4>\n");
            for (var c : e.getValue()) {
                double w = Double.isNaN(c.getValue()) ? 0 : Math.max(0, Math.min(1, c.getValue()));
                sb.append("<div class=\"bar\"><span class=\"name\">").append(esc(c.getKey())).append("</span><span class=\"track\"><span class=\"fill\" style=\"width:")
                        .append(String.format(Locale.ROOT, "%.1f", 100 * w)).append("%\"></span></span><span class=\"pv\">").append(pct(c.getValue()))
                        .append("</span></div>\n");
            }
            sb.append("</div>\n");
        }
        return sb.append("</div>\n").append(Section.end()).toString();
    }
}

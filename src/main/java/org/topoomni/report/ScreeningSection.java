package org.topoomni.report;

import org.topoomni.results.ScreeningSummary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.topoomni.report.Html.badge;
import static org.topoomni.report.Html.esc;
import static org.topoomni.report.Html.num;
import static org.topoomni.report.Html.pct;
import static org.topoomni.report.Html.td;

/** The clusters the screening found without labels, named afterwards by the pool's hidden labels; the discoveries among them. */
final class ScreeningSection {

    private ScreeningSection() {
    }

    static String html(RunFolder run, ScreeningVerdict verdict) throws IOException {
        StringBuilder sb = new StringBuilder(Section.start("discover", "Discovered clusters (screening without labels)",
                "groups of pool stimuli that drive their own patch of the sheet, found by walking a tree of stimulus embeddings without "
                        + "labels; the pool's hidden labels only name them afterwards. New categories (no localizer names them) with a large, pure, "
                        + "contiguous cluster are the discoveries."));
        ScreeningSummary s = run.discover;
        if (s == null) {
            return Section.closedNotRun(sb, "This run folder has no discover/summary.json, so there are no discovered clusters.");
        }
        List<ScreeningSummary.Cluster> clusters = s.clusters();
        sb.append("<p class=\"line\">").append(Html.plural(clusters.size(), "cluster")).append("; new categories with a large, pure, contiguous cluster: ")
                .append(verdict.novel().isEmpty() ? "none" : esc(String.join(", ", verdict.novel()))).append(' ').append(badge(verdict.status())).append("</p>\n");
        sb.append("<table><tr><th>cluster</th><th>stimuli</th><th>score<br>(median t)</th><th>island Moran's I</th><th>islands</th>"
                + "<th class=\"l\">most common label</th><th>purity</th><th class=\"l\">named by a localizer?</th></tr>\n");
        for (ScreeningSummary.Cluster c : clusters) {
            String id = String.valueOf(c.id()), l = c.topLabel();
            boolean isNovel = verdict.isNovel(l);
            sb.append("<tr>").append(td("<a href=\"#cluster-" + esc(id) + "\">" + esc(id) + "</a>")).append(td(String.valueOf(c.size())))
                    .append(td(num(c.score(), 2))).append(td(num(c.islandMoransI(), 2)))
                    .append(td(String.valueOf(c.nIslands())))
                    .append("<td class=\"l").append(isNovel ? " pass" : "").append("\">").append(l == null ? "<span class=\"muted\">unlabelled</span>" : esc(l)).append("</td>")
                    .append(td(pct(c.purity())))
                    .append("<td class=\"l\">").append(l == null ? "" : verdict.isKnown(l) ? "yes" : isNovel ? "<b>no: a discovery</b>" : "no").append("</td></tr>\n");
        }
        sb.append("</table>\n");
        sb.append(hiddenCategories(s, verdict));
        sb.append(Section.image(run, "discover/dendrogram.png", Section.FULL_WIDTH, "dendrogram", "the Ward tree of the pool's embeddings (discover/dendrogram.png)"));
        sb.append("<div class=\"gallery\">\n");
        for (ScreeningSummary.Cluster c : clusters) {
            String id = String.valueOf(c.id()), l = c.topLabel();
            sb.append("<div class=\"tile\" id=\"cluster-").append(esc(id)).append("\"><h4>cluster ").append(esc(id)).append(": ")
                    .append(l == null ? "unlabelled" : esc(l)).append(" <small>").append(Html.plural(c.size(), "stimulus").replace("stimuluss", "stimuli"))
                    .append(", purity ").append(pct(c.purity())).append(", I = ").append(num(c.islandMoransI(), 2))
                    .append("</small></h4>\n");
            sb.append(clusterImage(run, c.collage(), id, "collage")).append(clusterImage(run, c.map(), id, "map"));
            sb.append("</div>\n");
        }
        return sb.append("</div>\n").append(Section.end()).toString();
    }

    /**
     * Per hidden label: the cluster that holds most of its items, and the map of all its items
     * (what a perfect walk would report), so a reader can tell a category the sheet has no
     * region for from one the walk missed. Empty without labels.
     */
    private static String hiddenCategories(ScreeningSummary s, ScreeningVerdict verdict) {
        Map<String, ScreeningSummary.Category> cats = s.categories();
        if (cats == null || cats.isEmpty()) return "";
        StringBuilder sb = new StringBuilder("<p class=\"line\">Hidden categories (evaluation only): the cluster holding most of each category's "
                + "items, and the map of <i>all</i> its items, scored and mapped as a cluster would be &mdash; the best a walk could report. "
                + "A category whose own map has no contiguous island has no region on the sheet for any walk to find.</p>\n");
        sb.append("<table><tr><th class=\"l\">category</th><th>stimuli</th><th>best cluster</th><th>recall</th><th>precision</th>"
                + "<th>all items: score</th><th>significant units</th><th>island Moran's I</th><th>islands</th><th class=\"l\">named by a localizer?</th></tr>\n");
        for (Map.Entry<String, ScreeningSummary.Category> e : cats.entrySet()) {
            ScreeningSummary.Category c = e.getValue();
            ScreeningSummary.LabelMap m = c.allItemsMap();
            String best = c.bestCluster() == null ? null : String.valueOf(c.bestCluster());
            sb.append("<tr><td class=\"l\">").append(esc(e.getKey())).append("</td>").append(td(String.valueOf(c.nItems())))
                    .append(td(best == null ? "none" : "<a href=\"#cluster-" + esc(best) + "\">" + esc(best) + "</a>"))
                    .append(td(pct(c.recall()))).append(td(pct(c.precision())))
                    .append(td(m == null ? "n/a" : num(m.score(), 2)))
                    .append(td(m == null ? "n/a" : String.valueOf(m.nSignificant())))
                    .append(td(m == null ? "n/a" : num(m.islandMoransI(), 2)))
                    .append(td(m == null ? "n/a" : String.valueOf(m.nIslands())))
                    .append("<td class=\"l\">").append(verdict.isKnown(e.getKey()) ? "yes" : "no").append("</td></tr>\n");
        }
        return sb.append("</table>\n").toString();
    }

    /** The cluster's collage or map: the path in the summary (relative to discover/), else discover/cluster-&lt;id&gt;/&lt;figure&gt;.png. */
    private static String clusterImage(RunFolder run, String given, String id, String figure) throws IOException {
        List<Path> candidates = new ArrayList<>();
        if (given != null) candidates.add(run.path("discover").resolve(given));
        candidates.add(run.path("discover/cluster-" + id + "/" + figure + ".png"));
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) return Html.figure(Html.dataUri(p, Section.TILE_WIDTH), "cluster " + id + " " + figure, null) + "\n";
        }
        return "<p class=\"notrun\">No " + figure + " for cluster " + esc(id) + ".</p>\n";
    }
}

package org.topoomni.report;

import java.util.List;
import java.util.Locale;

import static org.topoomni.report.Html.esc;
import static org.topoomni.report.Html.td;

/**
 * The report's header: the run, the headline cards and the checklist. The checklist speaks the
 * paper's language: first the paper's effects, each named by the paper's claim with the paper's
 * value beside this run's number and the bar it has to clear; then what the run rests on (a base
 * model that names what it sees, adaptors that keep its answers, the time budget), which are this
 * project's own bars and have no counterpart in the paper.
 */
final class Checklist {

    private Checklist() {
    }

    static String html(RunFolder run, String cards, List<Verdicts.Check> checks) {
        StringBuilder sb = new StringBuilder("<header id=\"top\">\n");
        sb.append("<h1>Topo-Omni: what this run found</h1>\n");
        sb.append("<p class=\"sub\">Run folder <code>").append(esc(run.dir.toAbsolutePath().normalize().toString())).append("</code>");
        if (run.layout != null) {
            sb.append(" &middot; one cortical sheet of ").append(run.layout.rows()).append(" &times; ").append(run.layout.cols()).append(" = ")
                    .append(String.format(Locale.ROOT, "%,d", run.layout.units())).append(" units");
        }
        sb.append(" &middot; the topographic model (spatial loss) against its control (the same training without it)</p>\n");
        sb.append(cards);
        List<Verdicts.Check> papers = checks.stream().filter(Verdicts.Check::isPapers).toList();
        List<Verdicts.Check> needs = checks.stream().filter(c -> !c.isPapers()).toList();
        sb.append("<details class=\"checks\" open><summary><b>The paper's effects, reproduced or not:</b> ").append(counts(papers, true))
                .append(" &middot; <b>what the run rests on:</b> ").append(counts(needs, false)).append("</summary>\n");
        sb.append("<table class=\"checks\"><tr><th>the paper's claim <span class=\"muted\">(the bar this run must clear)</span></th>"
                + "<th>the paper</th><th>this run</th><th></th></tr>\n");
        for (Verdicts.Check c : papers) {
            sb.append("<tr>").append(claim(c)).append("<td class=\"paper\">").append(c.paper()).append("</td><td>").append(c.result()).append("</td>")
                    .append(td(word(c.status(), true), c.status())).append("</tr>\n");
        }
        sb.append("</table>\n<p class=\"note\">Where the paper's values come from: islands, ").append(esc(PaperValues.ISLAND_SOURCE))
                .append("; perturbation and screening, ").append(esc(PaperValues.EFFECTS_SOURCE)).append(". The bars are this project's: near the "
                        + "paper's number where it gives one, a bar that says the effect is there where it states the effect in words.</p>\n");
        sb.append("<table class=\"checks\"><tr><th>what the run rests on <span class=\"muted\">(this project's bar; the paper has no counterpart)</span></th>"
                + "<th>this run</th><th></th></tr>\n");
        for (Verdicts.Check c : needs) {
            sb.append("<tr>").append(claim(c)).append("<td>").append(c.result()).append("</td>").append(td(word(c.status(), false), c.status())).append("</tr>\n");
        }
        sb.append("</table></details>\n</header>\n");
        return sb.toString();
    }

    private static String claim(Verdicts.Check c) {
        return "<td><a href=\"#" + c.section() + "\">" + c.claim() + "</a><br><span class=\"bar\">" + c.bar() + "</span></td>";
    }

    /** A verdict in words: the paper's effects are reproduced or not, the run's needs met or not. */
    static String word(Status s, boolean papers) {
        if (!papers) return s.word;
        return switch (s) {
            case PASS -> "\u2713 reproduced";
            case FAIL -> "\u2717 not reproduced";
            default -> s.word;
        };
    }

    private static String counts(List<Verdicts.Check> checks, boolean papers) {
        int met = 0, failed = 0, missing = 0;
        for (Verdicts.Check c : checks) {
            if (c.status() == Status.PASS) met++;
            else if (c.status() == Status.FAIL) failed++;
            else if (c.status() == Status.MISSING) missing++;
        }
        StringBuilder sb = new StringBuilder("<span class=\"badge pass\">").append(met).append(papers ? " reproduced" : " met").append("</span> ")
                .append("<span class=\"badge fail\">").append(failed).append(papers ? " not reproduced" : " not met").append("</span>");
        if (missing > 0) sb.append(" <span class=\"badge missing\">").append(missing).append(" not measured</span>");
        return sb.toString();
    }
}

package org.topoomni.report;

import org.topoomni.results.PretrainMetrics;
import org.topoomni.results.ProfileSummary;

import java.util.List;
import java.util.Map;

import static org.topoomni.report.Html.badge;
import static org.topoomni.report.Html.esc;
import static org.topoomni.report.Html.num;
import static org.topoomni.report.Html.pct;

/** The five headline numbers on top of the report: pretraining, spatial loss, island Moran's I, the face profile, the best perturbation effect. */
final class HeadlineCards {

    private HeadlineCards() {
    }

    private static final String VS = " <span class=\"vs\">vs</span> ";

    /** A headline card: what it is, the number(s), what the numbers are of, a note (target, paper), and the verdict. */
    private static String card(String label, String value, String who, String note, Status s) {
        return "<div class=\"card " + s.css + "\"><div class=\"label\">" + label + "</div><div class=\"value\">" + value + "</div>"
                + (who.isEmpty() ? "" : "<div class=\"who\">" + who + "</div>") + "<div class=\"note\">" + note + "</div>"
                + (s == Status.NONE ? "" : "<div class=\"verdict\">" + badge(s) + "</div>") + "</div>\n";
    }

    static String html(RunFolder run, List<IslandRow> islands, Map<String, Map<String, PerturbCurves>> perturb) {
        StringBuilder sb = new StringBuilder("<div class=\"cards\">\n");
        // 1. pretraining
        PretrainMetrics pre = run.pretrain();
        if (pre == null) {
            sb.append(card("Pretrained model", "not recorded", "", "results.json has no pretrain section", Status.MISSING));
        } else {
            Status s = Status.all(List.of(Verdicts.pretrainVisual(pre), Verdicts.pretrainAuditory(pre)));
            sb.append(card("Pretrained model", pct(pre.visualAccuracy()) + " <span class=\"vs\">|</span> " + pct(pre.auditoryAccuracy()),
                    "visual | auditory stimuli named correctly (held out)",
                    "targets &ge; " + pct(Targets.PRETRAIN_VISUAL) + " | &ge; " + pct(Targets.PRETRAIN_AUDITORY), s));
        }
        // 2. spatial loss
        double lt = Verdicts.loss(run.train.topo()), lc = Verdicts.loss(run.train.control());
        if (Double.isNaN(lt) || Double.isNaN(lc)) {
            sb.append(card("Held-out spatial loss", "not run", "", "needs the topographic and the control training", Status.MISSING));
        } else {
            sb.append(card("Held-out spatial loss", num(lt, 3) + VS + num(lc, 3), "topographic vs control; lower = neighbours respond alike",
                    "ratio " + num(lt / lc, 2) + "&times;; target &le; " + num(Targets.SPATIAL_LOSS_RATIO, 1) + "&times;",
                    Verdicts.spatialLoss(run.train.topo(), run.train.control())));
        }
        // 3. island Moran's I
        if (run.localize.topo() == null || run.localize.control() == null) {
            sb.append(card("Island Moran's I", "not run", "", "needs the localizers on both models", Status.MISSING));
        } else {
            double st = 0, sc = 0;
            int nt = 0, nc = 0, total = 0;
            for (IslandRow r : islands) {
                if (r.inTopo()) total++;
                if (!Double.isNaN(r.iTopo())) { st += r.iTopo(); nt++; }
                if (!Double.isNaN(r.iControl())) { sc += r.iControl(); nc++; }
            }
            List<Status> key = Verdicts.islandGroups(islands);
            String voice = "";
            for (IslandRow r : islands) {
                if (r.contrast().equals("voice") && r.inTopo() && r.inControl()) {
                    voice = "voice " + (Double.isNaN(r.iTopo()) ? "none" : num(r.iTopo(), 2)) + " vs " + (Double.isNaN(r.iControl()) ? "none" : num(r.iControl(), 2)) + "; ";
                }
            }
            long met = key.stream().filter(s -> s == Status.PASS).count();
            sb.append(card("Island Moran's I", (nt == 0 ? "none" : num(st / nt, 2)) + VS + (nc == 0 ? "none" : num(sc / nc, 2)),
                    "topographic vs control: mean over the contrasts with islands (" + nt + " and " + nc + " of " + total + ")",
                    voice + "paper (voice) " + num(PaperValues.VOICE_TOPO_I, 2) + " vs " + num(PaperValues.VOICE_CONTROL_I, 2) + "; target met for " + met
                            + " of " + key.size() + " key contrasts", Status.all(key)));
        }
        // 4. face profile vs FFA
        ProfileSummary fp = run.localize.topo() == null ? null : run.localize.topo().profiles().byContrast().get("faces");
        double r = fp == null ? Double.NaN : fp.pearsonR();
        if (fp == null || Double.isNaN(r)) {
            sb.append(card("Face units vs human FFA", "not measured", "", fp == null ? "no face profile in the topographic localizer run"
                    : esc(fp.skipped() == null ? "the correlation is undefined" : fp.skipped()), Status.MISSING));
        } else {
            sb.append(card("Face units vs human FFA", "r = " + num(r, 2), "correlation of the responses to the ten localizer conditions",
                    "paper r = " + num(PaperValues.FFA_R, 2) + "; no target", Status.NONE));
        }
        // 5. perturbation
        Map<String, PerturbCurves> pt = perturb.get("topo");
        if (pt == null) {
            sb.append(card("Best perturbation effect", "not run", "", "no perturb/topo/summary.json in this run folder", Status.MISSING));
        } else {
            PerturbCurves.Effect e = PerturbCurves.best(pt);
            PerturbCurves faces = pt.get(Targets.PERTURB_CATEGORY);
            Status s = faces == null ? Status.NONE : Status.all(List.of(Verdicts.drive(faces), Verdicts.suppress(faces)));
            String value = e == null ? "none measured" : Html.points(e.intervention().equals("drive") ? e.size() : -e.size());
            String ref = e == null ? "" : Double.isNaN(e.random()) ? "without intervention " + pct(e.baseline()) : "random mask " + pct(e.random());
            String who = e == null ? "" : e.intervention().equals("drive")
                    ? "drive " + esc(e.category()) + ", " + pct(e.coverage()) + " coverage: " + pct(e.value()) + " of other images named " + esc(e.category()) + " (" + ref + ")"
                    : "suppress " + esc(e.category()) + ", " + pct(e.coverage()) + " coverage: " + esc(e.category()) + " identified " + pct(e.value()) + " (" + ref + ")";
            String note = faces == null ? "no face perturbation: no target" : "face targets: drive &ge; " + pct(Targets.DRIVE_RATE) + " at &le; "
                    + pct(Targets.DRIVE_MAX_COVERAGE) + "; suppress " + pct(Targets.SUPPRESS_COVERAGE) + ": &minus;" + pct(Targets.SUPPRESS_DROP).replace("%", "") + " points";
            sb.append(card("Best perturbation effect", value, who, note, s));
        }
        return sb.append("</div>\n").toString();
    }
}

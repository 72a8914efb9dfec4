package org.topoomni.report;

import org.topoomni.results.PretrainMetrics;
import org.topoomni.results.TrainingMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.topoomni.report.Html.esc;
import static org.topoomni.report.Html.num;
import static org.topoomni.report.Html.pct;

/**
 * Every verdict of the report, decided in one place from the run's typed results: the rows of
 * the checklist on top (the paper's effects first, named by the paper's claims with the paper's
 * value beside each; then what a faithful run needs, which the paper has no number for) and the
 * statuses the sections colour their cells by. Targets come from {@link Targets}, published
 * values from {@link PaperValues}; a verdict is MISSING where its input is absent, never guessed.
 */
final class Verdicts {

    private Verdicts() {
    }

    /**
     * One row of the checklist.
     *
     * @param claim   what is checked, in the paper's words where it is the paper's effect
     * @param bar     the bar this run must clear
     * @param paper   the paper's value (null: this project's own target, no counterpart in the paper)
     * @param result  what this run measured (HTML)
     * @param status  the verdict
     * @param section the report section that shows the numbers
     */
    record Check(String claim, String bar, String paper, String result, Status status, String section) {
        boolean isPapers() {
            return paper != null;
        }
    }

    // ------------------------------------------------------------------ statuses

    /** MISSING for NaN, else whether {@code v >= target}. */
    static Status atLeast(double v, double target) {
        return Double.isNaN(v) ? Status.MISSING : Status.of(v >= target);
    }

    static Status pretrainVisual(PretrainMetrics p) {
        return atLeast(p.visualAccuracy(), Targets.PRETRAIN_VISUAL);
    }

    static Status pretrainAuditory(PretrainMetrics p) {
        return atLeast(p.auditoryAccuracy(), Targets.PRETRAIN_AUDITORY);
    }

    /** Text perplexity below the unigram baseline's. */
    static Status perplexity(PretrainMetrics p) {
        return Double.isNaN(p.perplexity()) || Double.isNaN(p.unigramPerplexity()) ? Status.MISSING : Status.of(p.perplexity() < p.unigramPerplexity());
    }

    /** The topographic model's held-out spatial loss at most {@link Targets#SPATIAL_LOSS_RATIO} times the control's. */
    static Status spatialLoss(TrainingMetrics topo, TrainingMetrics control) {
        double lt = loss(topo), lc = loss(control);
        return Double.isNaN(lt) || Double.isNaN(lc) ? Status.MISSING : Status.of(lt <= Targets.SPATIAL_LOSS_RATIO * lc);
    }

    static double loss(TrainingMetrics m) {
        return m == null ? Double.NaN : m.heldOutSpatialLoss();
    }

    static Status agreement(TrainingMetrics m) {
        return atLeast(m == null ? Double.NaN : m.answerAgreement(), Targets.ANSWER_AGREEMENT);
    }

    /** Category accuracy within {@link Targets#ACCURACY_WITHIN} of the base model's. */
    static Status accuracy(TrainingMetrics m) {
        double acc = m == null ? Double.NaN : m.accuracy(), base = m == null ? Double.NaN : m.baseAccuracy();
        return Double.isNaN(acc) || Double.isNaN(base) ? Status.MISSING : Status.of(Math.abs(acc - base) <= Targets.ACCURACY_WITHIN + 1e-12);
    }

    /** NONE instead of MISSING: for a number shown with a target that only the other model must meet. */
    static Status orNone(Status s) {
        return s == Status.MISSING ? Status.NONE : s;
    }

    /** The island target's verdict of one contrast; NONE for contrasts without a target. */
    static Status island(IslandRow r) {
        if (!Targets.hasIslandTarget(r.contrast())) return Status.NONE;
        if (!r.inTopo() || !r.inControl()) return Status.MISSING;
        return Status.of(Targets.islandPattern(r.iTopo(), r.iControl(), r.nTopo(), r.nControl()));
    }

    /** One status per group of {@link Targets#ISLAND_CONTRASTS} (a group passes if any of its contrasts does). */
    static List<Status> islandGroups(List<IslandRow> rows) {
        List<Status> out = new ArrayList<>();
        for (List<String> g : Targets.ISLAND_CONTRASTS) {
            List<Status> in = new ArrayList<>();
            for (IslandRow r : rows) if (g.contains(r.contrast())) in.add(island(r));
            if (in.contains(Status.PASS)) out.add(Status.PASS);
            else if (in.contains(Status.FAIL)) out.add(Status.FAIL);
            else out.add(Status.MISSING);
        }
        return out;
    }

    /** Some coverage up to {@link Targets#DRIVE_MAX_COVERAGE} gives a drive rate of at least {@link Targets#DRIVE_RATE}; MISSING without such a coverage. */
    static Status drive(PerturbCurves c) {
        int i = c.bestDrive(Targets.DRIVE_MAX_COVERAGE);
        return i < 0 ? Status.MISSING : Status.of(c.drive()[i] >= Targets.DRIVE_RATE);
    }

    /** At {@link Targets#SUPPRESS_COVERAGE}: own identification falls by at least the target, the others' by at most theirs; MISSING when not measured. */
    static Status suppress(PerturbCurves c) {
        int i = c.at(Targets.SUPPRESS_COVERAGE);
        double d = c.suppressDrop(i), o = c.otherDrop(i);
        if (i < 0 || Double.isNaN(d) || Double.isNaN(o)) return Status.MISSING;
        return Status.of(d >= Targets.SUPPRESS_DROP && o <= Targets.SUPPRESS_OTHER_DROP);
    }

    // ------------------------------------------------------------------ the checklist

    /** The checklist: the paper's effects (training, islands, perturbation, screening), then what the run needs (pretraining, training, time). */
    static List<Check> checks(RunFolder run, List<IslandRow> islands, Map<String, Map<String, PerturbCurves>> perturb, ScreeningVerdict screening) {
        List<Check> out = new ArrayList<>();
        spatialLossCheck(out, run);
        islandChecks(out, islands);
        perturbChecks(out, perturb);
        screeningCheck(out, screening);
        pretrainChecks(out, run.pretrain());
        trainingChecks(out, run);
        timingChecks(out, run);
        return out;
    }

    private static final String SPATIAL_CLAIM = "Training with the spatial loss makes neighbouring units respond alike; the control's do not";

    private static String spatialBar() {
        return "held-out spatial loss &le; " + num(Targets.SPATIAL_LOSS_RATIO, 1) + "&times; the control's";
    }

    private static void spatialLossCheck(List<Check> out, RunFolder run) {
        TrainingMetrics t = run.train.topo(), c = run.train.control();
        if (t == null && c == null) {
            out.add(new Check(SPATIAL_CLAIM, spatialBar(), PaperValues.NOT_REPORTED, "not run", Status.MISSING, "training"));
            return;
        }
        double lt = loss(t), lc = loss(c);
        Status s = spatialLoss(t, c);
        out.add(new Check(SPATIAL_CLAIM, spatialBar(), PaperValues.NOT_REPORTED,
                num(lt, 3) + " vs " + num(lc, 3) + (s == Status.MISSING ? "" : " (" + num(lt / lc, 2) + "&times;)"), s, "training"));
    }

    /** What a contrast group is selective for, as a claim names it ("Face-selective region"). */
    private static String regionName(List<String> group) {
        List<String> words = new ArrayList<>();
        for (String c : group) {
            words.add(switch (c) {
                case "faces" -> "face";
                case "scenes" -> "scene";
                case "bodies" -> "body";
                default -> c;
            });
        }
        String s = String.join("- or ", words) + "-selective region";
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static void islandChecks(List<Check> out, List<IslandRow> rows) {
        List<Status> groups = islandGroups(rows);
        for (int g = 0; g < Targets.ISLAND_CONTRASTS.size(); g++) {
            List<String> names = Targets.ISLAND_CONTRASTS.get(g);
            StringBuilder res = new StringBuilder();
            for (IslandRow r : rows) {
                if (!names.contains(r.contrast())) continue;
                if (res.length() > 0) res.append("; ");
                res.append(esc(r.contrast())).append(": ").append(IslandRow.text(r.iTopo(), r.nTopo())).append(" vs control ")
                        .append(IslandRow.text(r.iControl(), r.nControl()));
            }
            out.add(new Check(regionName(names) + ": smooth islands, fewer than the control's",
                    String.join(" or ", names) + ": island Moran's I &ge; " + num(Targets.ISLAND_I, 1) + ", &ge; " + num(Targets.ISLAND_RATIO, 0)
                            + "&times; the control's, fewer islands",
                    esc(PaperValues.islandsBrief(names.contains("voice"))), res.length() == 0 ? "not run" : res.toString(), groups.get(g), "islands"));
        }
    }

    private static final String DRIVE_CLAIM = "Driving the face region makes the model report faces on images of other categories";
    private static final String SUPPRESS_CLAIM = "Suppressing the face region takes face identification away and spares the other categories";

    private static String driveBar() {
        return "&ge; " + pct(Targets.DRIVE_RATE) + " face answers on other images at &le; " + pct(Targets.DRIVE_MAX_COVERAGE) + " coverage";
    }

    private static String suppressBar() {
        return "top " + pct(Targets.SUPPRESS_COVERAGE) + " face units: faces drop &ge; " + pct(Targets.SUPPRESS_DROP).replace("%", "")
                + " points, the others &le; " + pct(Targets.SUPPRESS_OTHER_DROP).replace("%", "") + " points";
    }

    private static void perturbChecks(List<Check> out, Map<String, Map<String, PerturbCurves>> perturb) {
        Map<String, PerturbCurves> topo = perturb.get("topo");
        PerturbCurves faces = topo == null ? null : topo.get(Targets.PERTURB_CATEGORY);
        if (faces == null) {
            String why = perturb.isEmpty() ? "not run" : topo == null ? "the topographic model was not perturbed" : "faces were not perturbed";
            out.add(new Check(DRIVE_CLAIM, driveBar(), esc(PaperValues.DRIVE), why, Status.MISSING, "perturb"));
            out.add(new Check(SUPPRESS_CLAIM, suppressBar(), esc(PaperValues.SUPPRESS), why, Status.MISSING, "perturb"));
            return;
        }
        int i = faces.bestDrive(Targets.DRIVE_MAX_COVERAGE);
        out.add(new Check(DRIVE_CLAIM, driveBar(), esc(PaperValues.DRIVE),
                i < 0 ? "no coverage in (0, " + pct(Targets.DRIVE_MAX_COVERAGE) + "] measured"
                        : pct(faces.drive()[i]) + " at " + pct(faces.coverage()[i]) + " (random mask " + pct(faces.randomDrive()[i]) + ")",
                drive(faces), "perturb"));
        int k = faces.at(Targets.SUPPRESS_COVERAGE);
        Status met = suppress(faces);
        out.add(new Check(SUPPRESS_CLAIM, suppressBar(), esc(PaperValues.SUPPRESS),
                met == Status.MISSING ? "not measured at " + pct(Targets.SUPPRESS_COVERAGE) + " coverage (or without coverage 0)"
                        : "faces " + Html.points(-faces.suppressDrop(k)) + ", others " + Html.points(-faces.otherDrop(k)) + " (random mask: faces "
                        + Html.points(-faces.randomSuppressDrop(k)) + ")",
                met, "perturb"));
    }

    private static void screeningCheck(List<Check> out, ScreeningVerdict v) {
        String claim = "Screening without labels finds regions for categories that no localizer names";
        String bar = "&ge; " + Targets.DISCOVER_NOVEL + " such categories, each a cluster of &ge; " + Targets.DISCOVER_MIN_SIZE
                + " stimuli with purity &ge; " + num(Targets.DISCOVER_PURITY, 1) + " and island Moran's I &ge; " + num(Targets.DISCOVER_I, 1);
        String paper = PaperValues.SCREENING_CLUSTERS + " clusters; new regions for " + esc(PaperValues.SCREENING_NEW);
        if (v == null) {
            out.add(new Check(claim, bar, paper, "not run", Status.MISSING, "discover"));
            return;
        }
        out.add(new Check(claim, bar, paper, !v.labelled() ? "clusters have no labels (no hidden labels given)"
                : v.known().isEmpty() ? "no localizer run to tell new categories from known ones"
                : v.novel().isEmpty() ? "none" : esc(String.join(", ", v.novel())), v.status(), "discover"));
    }

    /** Two decimals: next to a threshold, 84.98% must not read as the 85% it misses. */
    static String pct2(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(java.util.Locale.ROOT, "%.2f%%", 100 * fraction);
    }

    /** One decimal (for differences of a point). */
    static String pct1(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    private static void pretrainChecks(List<Check> out, PretrainMetrics pre) {
        String visual = "The base model names the visual categories", auditory = "The base model names the auditory categories";
        String visualBar = "&ge; " + pct(Targets.PRETRAIN_VISUAL) + " of held-out images", auditoryBar = "&ge; " + pct(Targets.PRETRAIN_AUDITORY) + " of held-out sounds";
        if (pre == null) {
            out.add(new Check(visual, visualBar, null, "not recorded", Status.MISSING, "pretraining"));
            out.add(new Check(auditory, auditoryBar, null, "not recorded", Status.MISSING, "pretraining"));
            return;
        }
        out.add(new Check(visual, visualBar, null, pct2(pre.visualAccuracy()), pretrainVisual(pre), "pretraining"));
        out.add(new Check(auditory, auditoryBar, null, pct2(pre.auditoryAccuracy()), pretrainAuditory(pre), "pretraining"));
        out.add(new Check("The base model has learned language", "text perplexity below the unigram baseline's", null,
                num(pre.perplexity(), 1) + " vs " + num(pre.unigramPerplexity(), 1), perplexity(pre), "pretraining"));
        double wall = pre.wallSeconds();
        if (!Double.isNaN(wall)) {
            out.add(new Check("Pretraining fits its budget", "the whole command within " + num(Targets.PRETRAIN_MINUTES, 0) + " minutes", null,
                    num(wall / 60, 1) + " min", Status.of(wall <= 60 * Targets.PRETRAIN_MINUTES), "pretraining"));
        }
    }

    private static void trainingChecks(List<Check> out, RunFolder run) {
        TrainingMetrics t = run.train.topo();
        if (t == null && run.train.control() == null) return; // the spatial loss check already says "not run"
        String claim = "The adaptors keep what the model answers";
        out.add(new Check(claim, "&ge; " + pct(Targets.ANSWER_AGREEMENT) + " of held-out answers as the base model's", null,
                pct(t == null ? Double.NaN : t.answerAgreement()), agreement(t), "training"));
        out.add(new Check(claim + " and how well it names categories",
                "category accuracy within " + pct(Targets.ACCURACY_WITHIN).replace("%", "") + " point of the base model's", null,
                pct1(t == null ? Double.NaN : t.accuracy()) + " vs " + pct1(t == null ? Double.NaN : t.baseAccuracy()), accuracy(t), "training"));
    }

    private static void timingChecks(List<Check> out, RunFolder run) {
        Map<String, Double> t = run.timings();
        if (t == null) return;
        StageTimes st = StageTimes.of(t, run.results.reusedStages());
        double total = t.getOrDefault("total", Double.NaN);
        Boolean quick = run.results.quick();
        if (!Double.isNaN(total) && quick != null) {
            double limit = quick ? Targets.QUICK_MINUTES : Targets.DEMO_MINUTES;
            out.add(new Check("The demo runs from nothing to the report within its budget", (quick ? "--quick: " : "") + "&le; " + num(limit, 0) + " min",
                    null, Html.duration(total) + (st.reused() ? " (stages reused: not a run from scratch)" : ""),
                    st.reused() ? Status.MISSING : Status.of(total <= 60 * limit), "run"));
        }
        List<String> parts = new ArrayList<>();
        for (int a = 0; a < StageTimes.ANALYSES.length; a++) {
            parts.add(StageTimes.ANALYSES[a][0] + " " + (st.timed()[a] ? Html.duration(st.seconds()[a]) : "not timed"));
        }
        String result = (st.allTimed() ? Html.duration(st.analysis()) + ": " : "") + String.join(", ", parts)
                + (st.analysisReused() ? " (stages reused from an earlier run: not the cost of a run from scratch)" : "");
        out.add(new Check("The analyses run within their budget", "localizers, perturbation and screening together &le; "
                + num(Targets.ANALYSIS_MINUTES, 0) + " min", null, result,
                !st.allTimed() || st.analysisReused() ? Status.MISSING : Status.of(st.analysis() <= 60 * Targets.ANALYSIS_MINUTES), "run"));
    }
}

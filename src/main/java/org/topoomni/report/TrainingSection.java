package org.topoomni.report;

import org.topoomni.results.TrainingMetrics;

import java.io.IOException;
import java.util.function.ToDoubleFunction;

import static org.topoomni.report.Html.esc;
import static org.topoomni.report.Html.num;
import static org.topoomni.report.Html.pct;
import static org.topoomni.report.Html.td;
import static org.topoomni.report.Verdicts.pct1;

/** The topographic training and its control: spatial loss, agreement with the base model, accuracy, speed, settings, curves. */
final class TrainingSection {

    private TrainingSection() {
    }

    /** One row of numbers: its label, the metric, whether it is a time. */
    private record Row(String label, ToDoubleFunction<TrainingMetrics> value, boolean seconds) {}

    private static final Row[] ROWS = {new Row("training time", TrainingMetrics::seconds, true),
            new Row("steps per second", TrainingMetrics::stepsPerSecond, false),
            new Row("worst condition number of W", TrainingMetrics::worstConditionNumber, false),
            new Row("alpha (spatial loss weight)", TrainingMetrics::alpha, false), new Row("neighbourhood radius", TrainingMetrics::radius, false)};

    static String html(RunFolder run) throws IOException {
        StringBuilder sb = new StringBuilder(Section.start("training", "Topographic training and its control",
                "the spatial loss (lower = neighbouring units respond more alike) falls for the topographic model; the control is trained "
                        + "the same way with the spatial loss switched off (alpha = 0). Both must keep the base model's answers."));
        TrainingMetrics t = run.train.topo(), c = run.train.control();
        if (t == null && c == null) {
            return Section.closedNotRun(sb, "No topo/metrics.json or control/metrics.json (and no train section in results.json).");
        }
        double lt = Verdicts.loss(t), lc = Verdicts.loss(c);
        sb.append("<table><tr><th></th><th>topographic</th><th>control</th><th>target</th></tr>\n");
        sb.append("<tr>").append(td("held-out spatial loss")).append(td(num(lt, 3), Verdicts.spatialLoss(t, c))).append(td(num(lc, 3)))
                .append(td("topo &le; " + num(Targets.SPATIAL_LOSS_RATIO, 1) + "&times; control")).append("</tr>\n");
        sb.append("<tr>").append(td("answers agree with the base model")).append(td(pct(value(t, TrainingMetrics::answerAgreement)), Verdicts.agreement(t)))
                .append(td(pct(value(c, TrainingMetrics::answerAgreement)), Verdicts.orNone(Verdicts.agreement(c))))
                .append(td("&ge; " + pct(Targets.ANSWER_AGREEMENT))).append("</tr>\n");
        sb.append("<tr>").append(td("category accuracy (base model)")).append(td(accuracy(t), Verdicts.accuracy(t)))
                .append(td(accuracy(c), Verdicts.orNone(Verdicts.accuracy(c)))).append(td("within 1 point of the base")).append("</tr>\n");
        for (Row row : ROWS) {
            double a = value(t, row.value()), b = value(c, row.value());
            String fa = row.seconds() ? Html.duration(a) : num(a, a >= 100 ? 0 : 2), fb = row.seconds() ? Html.duration(b) : num(b, b >= 100 ? 0 : 2);
            sb.append("<tr>").append(td(row.label())).append(td(fa)).append(td(fb)).append(td("")).append("</tr>\n");
        }
        sb.append("<tr>").append(td("mode")).append(td(esc(t == null ? null : t.mode()))).append(td(esc(c == null ? null : c.mode()))).append(td("")).append("</tr>\n");
        sb.append("</table>\n<div class=\"pair\">");
        for (String m : RunFolder.MODELS) sb.append(Section.image(run, m + "/curve.png", Section.PAIR_WIDTH, m + " training curve", Section.modelName(m)));
        return sb.append("</div>\n").append(Section.end()).toString();
    }

    private static double value(TrainingMetrics m, ToDoubleFunction<TrainingMetrics> f) {
        return m == null ? Double.NaN : f.applyAsDouble(m);
    }

    private static String accuracy(TrainingMetrics m) {
        return pct1(value(m, TrainingMetrics::accuracy)) + " (" + pct1(value(m, TrainingMetrics::baseAccuracy)) + ")";
    }
}

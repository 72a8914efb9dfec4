package org.topoomni.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a demo's timings say: the seconds of the three analysis stages (localizers, perturbation,
 * screening; their sum has a target), which of them were timed, and whether stages were reused
 * from an earlier run (then the times are not the cost of a run from scratch). The demo lists the
 * stages it reused; for a run folder written before it did, a stage that took under a second is
 * taken as reused (the demo resumes where it stopped).
 *
 * @param seconds        seconds per analysis stage, in {@link #ANALYSES} order
 * @param timed          whether each analysis stage has a time
 * @param reused         whether any stage was reused
 * @param analysisReused whether an analysis stage was reused
 * @param listed         the stages the demo says it reused (null: not recorded)
 */
record StageTimes(double[] seconds, boolean[] timed, boolean reused, boolean analysisReused, List<String> listed) {

    /** The analysis stages: {name, keywords of the demo's stage names...}. */
    static final String[][] ANALYSES = {{"localizers", "locali"}, {"perturbation", "perturb"}, {"screening", "discover", "screen"}};

    static StageTimes of(Map<String, Double> timings, List<String> listed) {
        double[] seconds = new double[ANALYSES.length];
        boolean[] timed = new boolean[ANALYSES.length];
        boolean reused = false, analysisReused = false;
        for (Map.Entry<String, Double> e : timings.entrySet()) {
            double s = e.getValue() == null ? Double.NaN : e.getValue();
            if (!e.getKey().equals("total") && s < 1) reused = true;
            int a = analysis(e.getKey());
            if (a >= 0) {
                timed[a] = true;
                seconds[a] += s;
                if (s < 1) analysisReused = true;
            }
        }
        if (listed != null) {
            // the demo says which stages it reused; sub-second stages (the comparison) are then no sign of reuse
            reused = !listed.isEmpty();
            analysisReused = false;
            for (String n : listed) analysisReused |= analysis(n) >= 0;
        }
        return new StageTimes(seconds, timed, reused, analysisReused, listed);
    }

    /** Which analysis stage a demo stage name is, or -1. */
    static int analysis(String stage) {
        String key = stage.toLowerCase(Locale.ROOT);
        for (int a = 0; a < ANALYSES.length; a++) {
            for (int j = 1; j < ANALYSES[a].length; j++) if (key.contains(ANALYSES[a][j])) return a;
        }
        return -1;
    }

    boolean allTimed() {
        for (boolean t : timed) if (!t) return false;
        return true;
    }

    /** The analysis stages' seconds together. */
    double analysis() {
        double sum = 0;
        for (double s : seconds) sum += s;
        return sum;
    }
}

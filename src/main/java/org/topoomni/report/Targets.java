package org.topoomni.report;

import java.util.List;

/**
 * The bars this project sets for a run of the embedded default, in one place: where the paper
 * gives a number, near it; where it states an effect in words, a bar that says the effect is
 * there. The report colours a number green or red only against one of these; numbers without a
 * target stay uncoloured.
 */
public final class Targets {

    private Targets() {
    }

    // pretraining: held-out stimuli judged by whether the answer names the category
    public static final double PRETRAIN_VISUAL = 0.90;
    public static final double PRETRAIN_AUDITORY = 0.85;
    /** The whole `pretrain` command (metrics.json wall_seconds), on the 2-core machine. */
    public static final double PRETRAIN_MINUTES = 12;

    // topographic fine-tuning
    /** Held-out answers agree with the base model's on at least this fraction. */
    public static final double ANSWER_AGREEMENT = 0.98;
    /** Category accuracy within this many (fraction) of the base model's. */
    public static final double ACCURACY_WITHIN = 0.01;
    /** Held-out spatial loss of the topographic model at most this times the control's. */
    public static final double SPATIAL_LOSS_RATIO = 0.6;

    // islands (paper, voice contrast: 0.59 vs 0.13 with 29 vs 120 islands)
    /** Island Moran's I of the topographic model at least this... */
    public static final double ISLAND_I = 0.5;
    /** ...and at least this times the control's, with fewer islands than the control. */
    public static final double ISLAND_RATIO = 3;
    /** The contrasts the island target names; each inner list passes if any of its contrasts does ("voice or speech"). */
    public static final List<List<String>> ISLAND_CONTRASTS = List.of(List.of("faces"), List.of("scenes"), List.of("voice", "speech"),
            List.of("language"));

    /** I(topo) &gt;= 0.5, I(topo) &gt;= 3 I(control) (or the control has no islands), and fewer islands than the control. */
    public static boolean islandPattern(double iTopo, double iControl, int islandsTopo, int islandsControl) {
        if (Double.isNaN(iTopo) || iTopo < ISLAND_I) return false;
        boolean ratioOk = Double.isNaN(iControl) ? islandsControl == 0 : iTopo >= ISLAND_RATIO * iControl;
        return ratioOk && islandsTopo < islandsControl;
    }

    /** Whether {@code contrast} is one the island target names. */
    public static boolean hasIslandTarget(String contrast) {
        for (List<String> g : ISLAND_CONTRASTS) if (g.contains(contrast)) return true;
        return false;
    }

    // perturbation of the face cluster
    /** Driving: answers naming faces on non-face images at least this often... */
    public static final double DRIVE_RATE = 0.80;
    /** ...at a coverage of at most this (fraction of the vision stack's units). */
    public static final double DRIVE_MAX_COVERAGE = 0.15;
    /** Suppressing the top 10% face units... */
    public static final double SUPPRESS_COVERAGE = 0.10;
    /** ...drops face identification by at least this (fraction)... */
    public static final double SUPPRESS_DROP = 0.50;
    /** ...while the other categories drop by at most this. */
    public static final double SUPPRESS_OTHER_DROP = 0.10;
    /** The category the perturbation targets are about. */
    public static final String PERTURB_CATEGORY = "faces";

    // screening
    /** A discovered cluster of a category no localizer names counts with at least this many items... */
    public static final int DISCOVER_MIN_SIZE = 20;
    /** ...purity at least this... */
    public static final double DISCOVER_PURITY = 0.8;
    /** ...and island Moran's I at least this. */
    public static final double DISCOVER_I = 0.4;
    /** At least this many such categories. */
    public static final int DISCOVER_NOVEL = 2;

    // the demo
    public static final double DEMO_MINUTES = 30, QUICK_MINUTES = 5;
    /** Localizers, perturbation and screening together. */
    public static final double ANALYSIS_MINUTES = 5;
}

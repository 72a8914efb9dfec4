package org.topoomni.map;

import org.topoomni.plot.SheetMapFigure;
import org.topoomni.results.PreferenceSummary;
import org.topoomni.sheet.SheetLayout;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Result of a retinotopy or tonotopy design ({@link PreferenceAnalysis}): F map, q map, the
 * significant units of the design's region and the preferred condition of each.
 *
 * @param design     the design
 * @param layout     the sheet
 * @param fwhm       smoothing FWHM used
 * @param qThreshold FDR threshold
 * @param f          F map (one-way ANOVA across conditions)
 * @param q          BH q map (whole sheet)
 * @param mask       q &lt; threshold inside the region
 * @param preferred  index of the preferred condition per unit, -1 where not significant
 * @param counts     significant units preferring each condition
 * @param stimuli    stimuli per condition
 */
public record PreferenceMap(PreferenceAnalysis.Design design, SheetLayout layout, double fwhm, double qThreshold,
                            double[] f, double[] q, boolean[] mask, int[] preferred, int[] counts, int[] stimuli) {

    public int nSignificant() {
        return SelectivityMap.count(mask);
    }

    /** What a preferred-condition figure of this design shows ({@link SheetMapFigure#preference}). */
    public SheetMapFigure.Preference figure() {
        return new SheetMapFigure.Preference(design.quantity(), design.labels(), design.scale() == PreferenceAnalysis.Scale.CYCLIC, layout,
                preferred, counts, nSignificant(), SelectivityMap.emphasis(design.region(), layout), qThreshold, fwhm);
    }

    /** The design's entry of summary.json. */
    public PreferenceSummary summary() {
        Map<String, PreferenceSummary.Condition> per = new LinkedHashMap<>();
        for (int i = 0; i < counts.length; i++) {
            PreferenceAnalysis.Condition c = design.conditions().get(i);
            per.put(c.category(), new PreferenceSummary.Condition(c.label(), c.value(), stimuli[i], counts[i]));
        }
        return new PreferenceSummary(design.title(), design.region().id(), design.scale().id(), nSignificant(), per, fwhm, qThreshold);
    }
}

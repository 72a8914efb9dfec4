package org.topoomni.map;

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

    /** The design's entry of summary.json. */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", design.title());
        m.put("region", design.region().id());
        m.put("scale", design.scale().id());
        m.put("n_significant", nSignificant());
        Map<String, Object> per = new LinkedHashMap<>();
        for (int i = 0; i < counts.length; i++) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("label", design.conditions().get(i).label());
            c.put("value", design.conditions().get(i).value());
            c.put("n_stimuli", stimuli[i]);
            c.put("n_preferring", counts[i]);
            per.put(design.conditions().get(i).category(), c);
        }
        m.put("conditions", per);
        m.put("fwhm", fwhm);
        m.put("q_threshold", qThreshold);
        return m;
    }
}

package org.topoomni.map;

import org.topoomni.sheet.SheetResponses;
import org.topoomni.stats.GaussianSmoothing;

/**
 * Sheet responses after Gaussian smoothing of every stimulus's sheet map (METHOD.md section 4:
 * sigma = FWHM / sqrt(8 ln 2), truncated at 3 sigma, edges 'nearest'). The whole sheet is
 * smoothed as one image, so neighbouring units of different stacks or layers mix, as in the
 * paper, whose smoothing acts on the unified grid.
 *
 * @param responses the smoothed responses (same rows and layout as the raw ones)
 * @param fwhm      full width at half maximum in sheet units (0: not smoothed)
 */
public record SmoothedResponses(SheetResponses responses, double fwhm) {

    public SmoothedResponses {
        if (responses == null) throw new IllegalArgumentException("responses are missing (null)");
        checkFwhm(fwhm);
    }

    /** Smooths a copy of every stimulus's map at {@code fwhm} (0: the raw responses, not copied). */
    public static SmoothedResponses of(SheetResponses raw, double fwhm) {
        if (raw == null) throw new IllegalArgumentException("responses are missing (null)");
        checkFwhm(fwhm);
        if (fwhm == 0 || raw.stimuli() == 0) return new SmoothedResponses(raw, fwhm);
        float[] copy = raw.data().clone();
        var l = raw.layout();
        GaussianSmoothing.smoothInPlace(copy, raw.stimuli(), l.rows(), l.cols(), fwhm);
        return new SmoothedResponses(new SheetResponses(l, copy, raw.rows()), fwhm);
    }

    /** Smooths a copy of only the given rows (in that order). */
    public static SmoothedResponses ofRows(SheetResponses raw, int[] rows, double fwhm) {
        if (raw == null) throw new IllegalArgumentException("responses are missing (null)");
        checkFwhm(fwhm);
        int units = raw.units();
        float[] out = new float[rows.length * units];
        java.util.List<SheetResponses.Row> meta = new java.util.ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(raw.data(), rows[i] * units, out, i * units, units);
            meta.add(raw.rows().get(rows[i]));
        }
        var l = raw.layout();
        if (fwhm > 0 && rows.length > 0) GaussianSmoothing.smoothInPlace(out, rows.length, l.rows(), l.cols(), fwhm);
        return new SmoothedResponses(new SheetResponses(l, out, meta), fwhm);
    }

    static void checkFwhm(double fwhm) {
        if (!(fwhm >= 0) || Double.isInfinite(fwhm)) {
            throw new IllegalArgumentException("FWHM must be a finite number >= 0 sheet units (0 = no smoothing), got " + fwhm);
        }
    }
}

package org.topoomni.map;

import org.topoomni.plot.Emphasis;
import org.topoomni.plot.SheetMapFigure;
import org.topoomni.results.ContrastSummary;
import org.topoomni.sheet.Band;
import org.topoomni.sheet.SheetLayout;
import org.topoomni.sheet.UnitAddress;
import org.topoomni.stats.IslandResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Result of one contrast on the sheet ({@link SelectivityAnalysis}): the t map, q map and effect
 * size (Cohen's d) map over the whole sheet, the significance masks, the islands and the peak.
 * All maps are row-major over the sheet (unit = row * cols + col).
 *
 * @param contrast   the contrast
 * @param layout     the sheet
 * @param fwhm       smoothing FWHM used (sheet units)
 * @param qThreshold FDR threshold
 * @param t          Welch t map (ON &gt; OFF)
 * @param q          Benjamini-Hochberg q map of the one-sided p-values (one family: the whole sheet)
 * @param cohenD     effect size map (Cohen's d, pooled sd)
 * @param sheetMask  q &lt; threshold and t &gt; 0, anywhere on the sheet
 * @param mask       sheetMask inside the contrast's region: the contrast's significant units
 * @param islands    island Moran's I of the t map over {@code mask}
 * @param nOn        ON stimuli used
 * @param nOff       OFF stimuli used
 * @param peak       the unit of largest t inside the region (null if no finite t there)
 */
public record SelectivityMap(Contrast contrast, SheetLayout layout, double fwhm, double qThreshold,
                             double[] t, double[] q, double[] cohenD, boolean[] sheetMask, boolean[] mask,
                             IslandResult islands, int nOn, int nOff, Peak peak) {

    /** Where the t map peaks: cell, (stack, layer, channel), value and whether it is significant. */
    public record Peak(int unit, int row, int col, String stack, int layer, int channel, double t, boolean significant) {}

    /** Number of significant units in the contrast's region. */
    public int nSignificant() {
        return count(mask);
    }

    /** Significant units (whole sheet) per modality: vision, audio, language (stacks of a modality summed). */
    public Map<String, Integer> countsByRegion() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (var m : org.topoomni.sheet.Modality.values()) {
            boolean present = layout.bands().stream().anyMatch(b -> b.stack().modality() == m);
            if (present) out.put(m.id(), 0);
        }
        for (Band b : layout.bands()) {
            int n = 0;
            for (int r = b.top(); r < b.bottom(); r++) {
                for (int c = b.left(); c < b.right(); c++) if (sheetMask[r * layout.cols() + c]) n++;
            }
            out.merge(b.stack().modality().id(), n, Integer::sum);
        }
        return out;
    }

    /** Significant units (whole sheet) per layer of each stack: {@code result.get(stack)[layer]}. */
    public Map<String, int[]> countsByLayer() {
        Map<String, int[]> out = new LinkedHashMap<>();
        for (Band b : layout.bands()) {
            int[] counts = new int[b.stack().layers()];
            for (int r = b.top(); r < b.bottom(); r++) {
                for (int c = b.left(); c < b.right(); c++) if (sheetMask[r * layout.cols() + c]) counts[b.layerAt(r, c)]++;
            }
            out.put(b.stack().name(), counts);
        }
        return out;
    }

    static Peak peak(SheetLayout layout, double[] t, boolean[] sheetMask, boolean[] region) {
        int best = -1;
        for (int u = 0; u < t.length; u++) {
            if (!region[u] || Double.isNaN(t[u])) continue;
            if (best < 0 || t[u] > t[best]) best = u;
        }
        if (best < 0) return null;
        UnitAddress a = layout.address(best);
        return new Peak(best, layout.row(best), layout.col(best), a.stack(), a.layer(), a.channel(), t[best], sheetMask[best]);
    }

    /** What a sheet map figure of this contrast shows ({@link SheetMapFigure#selectivity}, {@link SheetMapFigure#sideBySide}). */
    public SheetMapFigure.TMap figure() {
        return new SheetMapFigure.TMap(contrast.label(), layout, t, sheetMask, mask, islands, emphasis(contrast.region(), layout), qThreshold, fwhm);
    }

    /** A region as a figure outlines it: the whole sheet, or the sheet's stacks in it. */
    static Emphasis emphasis(Region region, SheetLayout layout) {
        return region == Region.ALL ? Emphasis.WHOLE_SHEET : Emphasis.stacks(region.id(), region.stacks(layout));
    }

    /** The contrast's entry of summary.json. */
    public ContrastSummary summary() {
        ContrastSummary.Peak p = peak == null ? null
                : new ContrastSummary.Peak(peak.row(), peak.col(), peak.stack(), peak.layer(), peak.channel(), peak.t(), q[peak.unit()], peak.significant());
        List<ContrastSummary.Island> isl = new ArrayList<>();
        for (IslandResult.Island i : islands.islands()) {
            isl.add(new ContrastSummary.Island(i.size(), i.moranI(), i.pSim(), i.centroidRow(), i.centroidCol(), i.peakValue()));
        }
        return new ContrastSummary(contrast.label(), contrast.on(), contrast.off(), contrast.region().id(), contrast.kind().id(), nOn, nOff,
                nSignificant(), islands.meanI(), islands.nIslands(), islands.nSignificantIslands(), islands.nComponents(), p,
                countsByRegion(), countsByLayer(), fwhm, qThreshold, islands.permutations(), islands.minSize(), islands.seed(), isl);
    }

    static int count(boolean[] b) {
        int n = 0;
        for (boolean x : b) if (x) n++;
        return n;
    }
}

package org.topoomni.map;

import org.topoomni.io.Json;
import org.junit.jupiter.api.Test;
import org.topoomni.sheet.SheetLayout;
import org.topoomni.sheet.SheetPresets;
import org.topoomni.sheet.SheetResponses;
import org.topoomni.stats.FDR;
import org.topoomni.stats.GaussianSmoothing;
import org.topoomni.stats.WelchResult;
import org.topoomni.stats.WelchT;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SelectivityAnalysisTest {

    static final Contrast ON_OFF_VISION = new Contrast("on_off", List.of("on"), List.of("off"), Region.VISION, Contrast.Kind.SENSORY, null);

    static double iou(boolean[] a, boolean[] b) {
        int inter = 0, union = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] && b[i]) inter++;
            if (a[i] || b[i]) union++;
        }
        return union == 0 ? 0 : (double) inter / union;
    }

    @Test
    void recoversAPlantedPatchLocationAndExtent() {
        SheetLayout l = MapFixtures.medium(); // 144 x 128; vision = rows 0-95, cols 0-63
        for (double fwhm : new double[] {Double.NaN, 4.0}) {
            var patch = new SyntheticResponses.Patch(20, 30, 8, 1.0);
            SheetResponses r = SyntheticResponses.onOff(l, 20, 20, List.of(patch), 2, 11);
            SelectivityMap m = SelectivityAnalysis.run(r, ON_OFF_VISION, SelectivityAnalysis.Settings.defaults().withFwhm(fwhm));
            double iou = iou(m.mask(), patch.mask(l));
            assertTrue(iou > 0.5, "IoU with the planted disc " + iou + " at FWHM " + m.fwhm());
            assertEquals(1, m.islands().nIslands(), "one island");
            assertEquals(1, m.islands().nSignificantIslands());
            var island = m.islands().islands().get(0);
            assertEquals(20, island.centroidRow(), 1.0);
            assertEquals(30, island.centroidCol(), 1.0);
            assertTrue(patch.contains(m.peak().row(), m.peak().col()), "peak inside the disc: " + m.peak());
            assertTrue(m.peak().significant());
            assertEquals("vision", m.peak().stack());
            assertEquals(l.address(m.peak().unit()).layer(), m.peak().layer());
        }
    }

    @Test
    void findsNothingOnPureNoise() {
        for (SheetLayout l : new SheetLayout[] {MapFixtures.medium(), SheetPresets.qwen25Omni3b()}) {
            SheetResponses r = SyntheticResponses.onOff(l, 25, 25, List.of(), 2, 5);
            SelectivityMap m = SelectivityAnalysis.run(r, Contrast.of("noise", List.of("on"), List.of("off")), SelectivityAnalysis.Settings.defaults());
            assertEquals(0, m.nSignificant(), "no significant unit on noise, sheet " + l.rows() + " x " + l.cols());
            assertEquals(0, SelectivityMap.count(m.sheetMask()));
            assertEquals(0, m.islands().nIslands());
            assertTrue(Double.isNaN(m.islands().meanI()));
            assertFalse(m.peak().significant());
        }
    }

    @Test
    void theContrastIsReadInItsRegionButCountsCoverTheSheet() {
        SheetLayout l = MapFixtures.medium();
        var vision = new SyntheticResponses.Patch(24, 20, 7, 1.2);
        var audio = new SyntheticResponses.Patch(24, 100, 7, 1.2); // audio stack: cols 64-127
        SheetResponses r = SyntheticResponses.onOff(l, 16, 16, List.of(vision, audio), 2, 2);
        SelectivityAnalysis.Settings s = SelectivityAnalysis.Settings.defaults();
        SelectivityMap v = SelectivityAnalysis.run(r, ON_OFF_VISION, s);
        SelectivityMap a = SelectivityAnalysis.run(r, new Contrast("a", List.of("on"), List.of("off"), Region.AUDIO, Contrast.Kind.SENSORY, null), s);
        SelectivityMap all = SelectivityAnalysis.run(r, Contrast.of("all", List.of("on"), List.of("off")), s);
        boolean[] vm = Region.VISION.mask(l), am = Region.AUDIO.mask(l);
        for (int u = 0; u < l.units(); u++) {
            if (v.mask()[u]) assertTrue(vm[u], "vision contrast marks only vision units");
            if (a.mask()[u]) assertTrue(am[u], "audio contrast marks only audio units");
        }
        assertEquals(1, v.islands().nIslands());
        assertEquals(1, a.islands().nIslands());
        assertEquals(2, all.islands().nIslands());
        assertEquals("vision", v.peak().stack());
        assertEquals("audio", a.peak().stack());
        // one FDR family (the whole sheet): the same t and q maps whatever the region
        assertArrayEquals(v.t(), a.t());
        assertArrayEquals(v.q(), all.q());
        assertEquals(v.nSignificant(), (int) v.countsByRegion().get("vision"));
        assertEquals(a.nSignificant(), (int) v.countsByRegion().get("audio"));
        assertEquals(0, (int) v.countsByRegion().get("language"));
        assertEquals(all.nSignificant(), v.nSignificant() + a.nSignificant());
        int[] perLayer = v.countsByLayer().get("vision");
        assertEquals(8, perLayer.length);
        assertEquals(v.nSignificant(), java.util.Arrays.stream(perLayer).sum());
    }

    @Test
    void matchesTheStepsDoneByHand() {
        SheetLayout l = MapFixtures.tiny();
        SheetResponses r = SyntheticResponses.onOff(l, 6, 5, List.of(new SyntheticResponses.Patch(10, 10, 4, 1.5)), 2, 9);
        double fwhm = 1.7;
        SelectivityMap m = SelectivityAnalysis.run(r, Contrast.of("c", List.of("on"), List.of("off")), SelectivityAnalysis.Settings.defaults().withFwhm(fwhm));
        float[] copy = r.data().clone();
        GaussianSmoothing.smoothInPlace(copy, r.stimuli(), l.rows(), l.cols(), fwhm);
        WelchResult w = WelchT.welch(copy, l.units(), r.rowsOf(List.of("on"), null), r.rowsOf(List.of("off"), null));
        assertArrayEquals(w.t(), m.t(), 1e-9);
        assertArrayEquals(w.cohenD(), m.cohenD(), 1e-9);
        assertArrayEquals(FDR.benjaminiHochberg(w.pGreater()), m.q(), 1e-12);
        for (int u = 0; u < l.units(); u++) assertEquals(m.q()[u] < 0.001 && m.t()[u] > 0, m.sheetMask()[u]);
        // the same through pre-smoothed responses
        SelectivityMap viaSmoothed = SelectivityAnalysis.run(SmoothedResponses.of(r, fwhm), Contrast.of("c", List.of("on"), List.of("off")),
                SelectivityAnalysis.Settings.defaults(), null);
        assertArrayEquals(m.t(), viaSmoothed.t(), 0);
        assertEquals(m.islands().meanI(), viaSmoothed.islands().meanI(), 0);
    }

    @Test
    void defaultFwhmScalesWithTheSheet() {
        assertEquals(4.0, SelectivityAnalysis.defaultFwhm(SheetPresets.qwen25Omni3b()), 1e-12);
        SheetLayout t = MapFixtures.tiny();
        assertEquals(48, t.rows());
        assertEquals(64, t.cols());
        assertEquals(4 * Math.sqrt(48.0 * 64 / (304 * 512)), SelectivityAnalysis.defaultFwhm(t), 1e-12);
        assertEquals(0.562, SelectivityAnalysis.defaultFwhm(t), 1e-3);
        assertEquals(7.5, SelectivityAnalysis.Settings.defaults().withFwhm(7.5).fwhmFor(t));
    }

    @Test
    void runsCanBeRestricted() {
        SheetLayout l = MapFixtures.tiny();
        SheetResponses r = SyntheticResponses.onOff(l, 9, 8, List.of(), 4, 1); // ON runs 1,2,3,4,1,2,3,4,1; OFF 2 per run
        Contrast c = Contrast.of("c", List.of("on"), List.of("off"));
        SelectivityMap even = SelectivityAnalysis.run(r, c, SelectivityAnalysis.Settings.defaults(), ResponseProfiles.EVEN);
        assertEquals(4, even.nOn());
        assertEquals(4, even.nOff());
        SelectivityMap odd = SelectivityAnalysis.run(r, c, SelectivityAnalysis.Settings.defaults(), ResponseProfiles.ODD);
        assertEquals(5, odd.nOn());
        SheetResponses few = SyntheticResponses.onOff(l, 5, 8, List.of(), 4, 1); // ON: run 1 twice, runs 2-4 once
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SelectivityAnalysis.run(few, c,
                SelectivityAnalysis.Settings.defaults(), run -> run == 2));
        assertEquals("contrast 'c': the ON group [on] has 1 stimulus in the runs used; the Welch t-test needs at least 2", e.getMessage());
    }

    @Test
    void badInputIsAClearError() {
        SheetLayout l = MapFixtures.tiny();
        SheetResponses r = SyntheticResponses.onOff(l, 1, 4, List.of(), 1, 1);
        var s = SelectivityAnalysis.Settings.defaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SelectivityAnalysis.run(r, Contrast.of("c", List.of("on"), List.of("off")), s));
        assertEquals("contrast 'c': the ON group [on] has 1 stimulus; the Welch t-test needs at least 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SelectivityAnalysis.run(r, Contrast.of("c", List.of("faces"), List.of("off")), s));
        assertTrue(e.getMessage().startsWith("contrast 'c' uses unknown category [faces]; the stimuli have [on, off]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.withQ(0));
        assertEquals("FDR threshold q must be in (0, 1], got 0.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.withQ(1.5));
        assertThrows(IllegalArgumentException.class, () -> s.withQ(Double.NaN));
        e = assertThrows(IllegalArgumentException.class, () -> s.withFwhm(-1));
        assertTrue(e.getMessage().startsWith("FWHM must be a finite number >= 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.withFwhm(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> s.withPermutations(-5));
    }

    @Test
    void summaryHasTheKeysOfTheIssue() throws Exception {
        SheetLayout l = MapFixtures.tiny();
        SheetResponses r = SyntheticResponses.onOff(l, 10, 10, List.of(new SyntheticResponses.Patch(12, 12, 5, 1.5)), 2, 4);
        SelectivityMap m = SelectivityAnalysis.run(r, ON_OFF_VISION, SelectivityAnalysis.Settings.defaults().withFwhm(1.5));
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Json.toString(m.summary()));
        assertTrue(node.get("n_significant").isInt());
        assertTrue(node.get("island_morans_i").isDouble());
        assertTrue(node.get("n_islands").isInt());
        assertTrue(node.get("n_significant_islands").isInt());
        var peak = node.get("peak");
        assertTrue(peak.get("row").isInt());
        assertTrue(peak.get("col").isInt());
        assertTrue(peak.get("stack").isTextual());
        assertTrue(peak.get("layer").isInt());
        assertTrue(node.get("n_significant_by_region").get("vision").isInt());
        assertEquals(6, node.get("n_significant_by_layer").get("language").size());
        assertEquals(1.5, node.get("fwhm").asDouble());
        assertEquals(0.001, node.get("q_threshold").asDouble());
    }
}

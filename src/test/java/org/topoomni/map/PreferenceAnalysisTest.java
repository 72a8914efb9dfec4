package org.topoomni.map;

import org.junit.jupiter.api.Test;
import org.topoomni.sheet.SheetLayout;
import org.topoomni.sheet.SheetResponses;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PreferenceAnalysisTest {

    @Test
    void findsDesignsFromCategoryNames() {
        List<String> cats = MapFixtures.categories();
        var angle = PreferenceAnalysis.retinotopyAngle(cats).orElseThrow();
        assertEquals(MapFixtures.WEDGES, angle.categories());
        assertEquals("45°", angle.labels().get(1));
        assertEquals(PreferenceAnalysis.Scale.CYCLIC, angle.scale());
        var tones = PreferenceAnalysis.tonotopy(List.of("tone_8000hz", "tone_0250hz", "tone_1000hz", "faces", "tone_1500hz")).orElseThrow();
        assertEquals(List.of("tone_0250hz", "tone_1000hz", "tone_1500hz", "tone_8000hz"), tones.categories());
        assertEquals(List.of("250 Hz", "1 kHz", "1.5 kHz", "8 kHz"), tones.labels());
        assertEquals(Region.AUDIO, tones.region());
        assertEquals(3, PreferenceAnalysis.standard(cats).size());
        assertTrue(PreferenceAnalysis.retinotopyEccentricity(List.of("ring_0", "faces")).isEmpty(), "one ring is no design");
    }

    @Test
    void recoversThePlantedPreferenceMaps() {
        SheetLayout l = MapFixtures.tiny();
        SheetResponses r = MapFixtures.localizer(l, true, 8, 2, 4.0, 8);
        var s = SelectivityAnalysis.Settings.defaults();
        for (var d : PreferenceAnalysis.standard(r.categories())) {
            PreferenceMap m = PreferenceAnalysis.run(r, d, s);
            boolean[] region = d.region().mask(l);
            int inRegion = region.length - (int) java.util.stream.IntStream.range(0, region.length).filter(u -> !region[u]).count();
            assertTrue(m.nSignificant() > 0.9 * inRegion, d.name() + ": " + m.nSignificant() + " of " + inRegion);
            // the planted preference: compare with the fixture's own map
            var patterns = MapFixtures.patterns(l, true, 4.0, 8);
            int agree = 0;
            for (int u = 0; u < l.units(); u++) {
                if (m.preferred()[u] < 0) continue;
                assertTrue(region[u]);
                if (patterns.get(d.categories().get(m.preferred()[u]))[u] > 0) agree++;
            }
            assertTrue(agree > 0.95 * m.nSignificant(), d.name() + ": preferred condition right for " + agree + " of " + m.nSignificant());
            assertEquals(m.nSignificant(), java.util.Arrays.stream(m.counts()).sum());
        }
    }

    @Test
    void badDesignsAreClearErrors() {
        SheetLayout l = MapFixtures.tiny();
        SheetResponses r = SyntheticResponses.onOff(l, 1, 1, List.of(), 1, 1);
        var d = new PreferenceAnalysis.Design("d", "t", "q", List.of(new PreferenceAnalysis.Condition("on", "on", 0),
                new PreferenceAnalysis.Condition("off", "off", 1)), Region.ALL, PreferenceAnalysis.Scale.ORDERED);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PreferenceAnalysis.run(r, d, SelectivityAnalysis.Settings.defaults()));
        assertTrue(e.getMessage().contains("needs more stimuli than conditions"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PreferenceAnalysis.Design("d", "t", "q",
                List.of(new PreferenceAnalysis.Condition("on", "on", 0)), Region.ALL, PreferenceAnalysis.Scale.ORDERED));
    }
}

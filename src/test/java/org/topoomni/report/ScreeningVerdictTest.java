package org.topoomni.report;

import org.junit.jupiter.api.Test;
import org.topoomni.results.ContrastSummary;
import org.topoomni.results.LocalizerSummary;
import org.topoomni.results.ScreeningSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class ScreeningVerdictTest {

    static ScreeningSummary.Cluster cluster(int id, int size, String label, double purity, double moransI) {
        return new ScreeningSummary.Cluster(id, size, 1.0, moransI, Double.isNaN(moransI) ? 0 : 1, 0, 100, label, purity, Map.of(), 0,
                "m.csv", "c.png", "map.png", "t.npy");
    }

    static ScreeningSummary screening(ScreeningSummary.Cluster... clusters) {
        return new ScreeningSummary(ScreeningSummary.FORMAT, "m", "pool", null, 100, 100, 0, "", null, clusters.length, 0, List.of(clusters), null, Map.of());
    }

    /** A localizer run whose only contrast is faces > objects (+ the scrambled objects of the words contrast). */
    static LocalizerSummary localizer() {
        ContrastSummary faces = new ContrastSummary("faces > objects", List.of("faces"), List.of("objects"), "vision", "sensory", 8, 8, 0,
                Double.NaN, 0, 0, 0, null, Map.of(), Map.of(), 1, 0.001, 0, 8, 0, List.of());
        ContrastSummary words = new ContrastSummary("words > scrambled objects", List.of("words"), List.of("scrambled_objects"), "vision", "sensory",
                8, 8, 0, Double.NaN, 0, 0, 0, null, Map.of(), Map.of(), 1, 0.001, 0, 8, 0, List.of());
        return new LocalizerSummary("m", List.of(), null, null, 0, Map.of("faces", faces, "words", words), null, null, null);
    }

    @Test
    void countsDistinctNewCategoriesWithALargePureContiguousCluster() {
        ScreeningVerdict v = ScreeningVerdict.of(screening(
                cluster(1, 40, "animals", 0.9, 0.6),
                cluster(2, 25, "visual/animals", 0.85, 0.5), // the same category again: one discovery
                cluster(3, 19, "landscapes", 1.0, 0.9), // too small
                cluster(4, 50, "tools", 0.79, 0.9), // not pure enough
                cluster(5, 50, "birds", 0.95, 0.39), // not contiguous enough
                cluster(6, 50, "music", 0.95, Double.NaN), // no island: no Moran's I, never counted
                cluster(7, 60, "faces", 1.0, 0.9), // a localizer names it
                cluster(8, 60, "scrambled_objects", 1.0, 0.9)), // an OFF condition is named too
                List.of(localizer()));
        assertEquals(Set.of("animals"), v.novel());
        assertEquals(Status.FAIL, v.status(), "one discovery, the target asks for two");
        assertTrue(v.isKnown("visual/faces") && v.isKnown("scrambled_objects") && !v.isKnown("animals"));
        assertTrue(v.isNovel("visual/animals"));

        List<ScreeningSummary.Cluster> two = new ArrayList<>(List.of(cluster(1, 40, "animals", 0.9, 0.6), cluster(2, 20, "landscapes", 0.8, 0.4)));
        assertEquals(Status.PASS, ScreeningVerdict.of(screening(two.toArray(ScreeningSummary.Cluster[]::new)), List.of(localizer())).status(),
                "the bars are inclusive: 20 items, purity 0.8, I 0.4");
    }

    @Test
    void isNotMeasuredWithoutLabelsOrWithoutALocalizer() {
        ScreeningSummary unlabelled = screening(cluster(1, 40, null, Double.NaN, 0.6));
        assertEquals(Status.MISSING, ScreeningVerdict.of(unlabelled, List.of(localizer())).status());
        assertFalse(ScreeningVerdict.of(unlabelled, List.of(localizer())).labelled());
        ScreeningSummary labelled = screening(cluster(1, 40, "animals", 0.9, 0.6), cluster(2, 40, "landscapes", 0.9, 0.6));
        assertEquals(Status.MISSING, ScreeningVerdict.of(labelled, List.of()).status(), "nothing tells new categories from known ones");
    }
}

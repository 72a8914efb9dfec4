package org.topoomni.perturb;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topoomni.map.Contrasts;
import org.topoomni.map.MapFixtures;
import org.topoomni.map.Region;
import org.topoomni.map.ResponseProfiles;
import org.topoomni.map.ResponseFiles;
import org.topoomni.map.SelectivityAnalysis;
import org.topoomni.sheet.SheetLayout;
import org.topoomni.sheet.SheetResponses;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class LocalizedClustersTest {
    @TempDir
    static Path dir;
    static SheetResponses raw;
    static LocalizedClusters loc;

    @BeforeAll
    static void localizer() throws Exception {
        raw = MapFixtures.localizer(MapFixtures.tiny(), true, 8, 4, 3.0, 5);
        ResponseFiles.write(dir.resolve("loc").resolve(LocalizedClusters.RESPONSES_DIR), raw);
        loc = LocalizedClusters.read(dir.resolve("loc"));
    }

    @Test
    void theMaskIsTheTopOfTheVisionStackByEvenRunT() {
        LocalizedClusters.Cluster faces = loc.cluster("faces");
        SheetLayout l = raw.layout();
        int vision = Region.VISION.units(l).length;
        assertArrayEquals(Region.VISION.units(l), faces.candidates());
        double[] t = SelectivityAnalysis.run(raw, Contrasts.standard("faces"), SelectivityAnalysis.Settings.defaults(), ResponseProfiles.EVEN).t();
        assertArrayEquals(t, faces.evenT(), 1e-12, "even-run t at the localizer's default smoothing");
        assertEquals(0, faces.mask(0).length);
        int[] m10 = faces.mask(10);
        assertEquals(vision / 10, m10.length);
        double lowestIn = Double.POSITIVE_INFINITY;
        for (int u : m10) lowestIn = Math.min(lowestIn, t[u]);
        Set<Integer> in = set(m10);
        for (int u : faces.candidates()) if (!in.contains(u)) assertTrue(t[u] <= lowestIn, "unit " + u + " outside the mask has a higher t");
        assertTrue(set(faces.mask(20)).containsAll(in), "masks grow with coverage");
        // the fixture plants the face bump at 30% / 25% of the vision stack: the top units are there
        int row = l.row(m10[0]), col = l.col(m10[0]);
        var band = l.band("vision");
        assertEquals(band.top() + 0.3 * band.rows(), row, 3.0);
        assertEquals(band.left() + 0.25 * band.cols(), col, 3.0);
        assertEquals(vision, faces.mask(100).length);
    }

    @Test
    void deltaIsTheOddRunMeanToTheCategoryMinusTheOthers() {
        LocalizedClusters.Cluster faces = loc.cluster("faces");
        int u = faces.mask(1)[0];
        double on = 0, off = 0;
        int nOn = 0, nOff = 0;
        for (int s = 0; s < raw.stimuli(); s++) {
            SheetResponses.Row r = raw.rows().get(s);
            if (r.run() % 2 == 0) continue;
            if (r.category().equals("faces")) { on += raw.get(s, u); nOn++; }
            if (List.of("bodies", "objects", "scenes").contains(r.category())) { off += raw.get(s, u); nOff++; }
        }
        assertEquals(4, nOn);
        assertEquals(12, nOff);
        assertEquals(on / nOn - off / nOff, faces.delta()[u], 1e-5);
        assertTrue(faces.delta()[u] > 1.5, "the face bump (amplitude 3) shows in the delta: " + faces.delta()[u]);
        assertEquals(4, faces.nOddOn());
        assertEquals(12, faces.nOddOff());
    }

    @Test
    void randomMasksAreSeededSameSizedAndDrawnFromTheRegion() {
        LocalizedClusters.Cluster faces = loc.cluster("faces");
        for (double p : new double[] {2.5, 10, 30}) {
            int[] a = faces.randomMask(p, 0, 7), b = faces.randomMask(p, 0, 7);
            assertArrayEquals(a, b, "same seed, same mask");
            assertEquals(faces.mask(p).length, a.length);
            assertEquals(a.length, set(a).size(), "distinct units");
            assertTrue(set(faces.candidates()).containsAll(set(a)), "inside the vision stack");
            assertFalse(Arrays.equals(a, faces.randomMask(p, 0, 8)), "another seed, another mask");
            assertFalse(Arrays.equals(a, faces.randomMask(p, 1, 7)), "another mask number, another mask");
        }
        assertTrue(set(faces.randomMask(30, 0, 7)).containsAll(set(faces.randomMask(10, 0, 7))), "nested like the cluster masks");
        assertEquals(0, faces.randomMask(0, 0, 7).length);
    }

    @Test
    void badInputsAreClearErrors() throws Exception {
        var e = assertThrows(IllegalArgumentException.class, () -> LocalizedClusters.read(dir.resolve("nowhere")));
        assertTrue(e.getMessage().contains("localizer folder not found: " + dir.resolve("nowhere")), e.getMessage());
        Files.createDirectories(dir.resolve("empty"));
        e = assertThrows(IllegalArgumentException.class, () -> LocalizedClusters.read(dir.resolve("empty")));
        assertTrue(e.getMessage().contains("has no responses/ folder"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> loc.cluster("cars"));
        assertTrue(e.getMessage().contains("unknown category 'cars'") && e.getMessage().contains("faces"), e.getMessage());
        LocalizedClusters.Cluster faces = loc.cluster("faces");
        e = assertThrows(IllegalArgumentException.class, () -> faces.mask(120));
        assertTrue(e.getMessage().contains("coverage must be a percentage in [0, 100], got 120"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Perturbation.Settings(List.of("faces", "bodies"), new double[] {0, -5}, 1, 2, 0, 4, 8));
        assertTrue(e.getMessage().contains("coverage must be a percentage in [0, 100], got -5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Perturbation.Settings(List.of("faces", "bodies"), new double[] {10, 5}, 1, 2, 0, 4, 8));
        assertTrue(e.getMessage().contains("ascending"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Perturbation.Settings(List.of("faces"), new double[] {0}, 1, 2, 0, 4, 8));
        assertTrue(e.getMessage().contains("at least 2 categories"), e.getMessage());
    }

    static Set<Integer> set(int[] a) {
        Set<Integer> s = new HashSet<>();
        for (int x : a) s.add(x);
        return s;
    }
}

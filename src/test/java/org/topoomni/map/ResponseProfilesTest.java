package org.topoomni.map;

import org.junit.jupiter.api.Test;
import org.topoomni.sheet.SheetLayout;
import org.topoomni.sheet.SheetResponses;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class ResponseProfilesTest {

    /** lh_ffa's mean betas in the shipped table, in HumanReference.CONDITIONS order (copied from the CSV). */
    static final double[] LH_FFA = {0.7444720577861456, 0.28590723517585265, 0.2670302789657413, 0.22652423146783998,
            0.2035687906943997, 0.38401528898369613, 0.36685775143122945, 0.39179230065442566, 0.3633223266709476,
            0.3319170464291072};

    /** Our categories for the ten human conditions (math: hard and easy arithmetic). */
    static final List<String> CATS = List.of("faces", "bodies", "objects", "scenes", "words", "quilted_speech", "nonwords",
            "false_belief", "false_photo", "arithmetic_hard", "arithmetic_easy");

    interface Value {
        double at(SheetResponses.Row row, int unit, SplittableRandom rng);
    }

    static SheetResponses build(SheetLayout l, List<String> cats, int perCategory, int runs, Value v) {
        List<SheetResponses.Row> rows = new ArrayList<>();
        for (String c : cats) for (int k = 0; k < perCategory; k++) rows.add(new SheetResponses.Row(c + k, c, 1 + k % runs));
        float[] data = new float[rows.size() * l.units()];
        SplittableRandom rng = new SplittableRandom(17);
        for (int s = 0; s < rows.size(); s++) {
            for (int u = 0; u < l.units(); u++) data[s * l.units() + u] = (float) v.at(rows.get(s), u, rng);
        }
        return new SheetResponses(l, data, rows);
    }

    /** Patch A: rows 2-5, cols 2-5 of the vision stack (16 units). Patch B: rows 10-13, cols 20-23. */
    static boolean inA(SheetLayout l, int u) {
        int r = u / l.cols(), c = u % l.cols();
        return r >= 2 && r <= 5 && c >= 2 && c <= 5;
    }

    static boolean inB(SheetLayout l, int u) {
        int r = u / l.cols(), c = u % l.cols();
        return r >= 10 && r <= 13 && c >= 20 && c <= 23;
    }

    /** Top 16 of the 768 vision units of the tiny sheet. */
    static final ResponseProfiles.Settings TOP16 = new ResponseProfiles.Settings(16.0 / 768 * 100, 10, 2);
    static final SelectivityAnalysis.Settings NO_SMOOTHING = SelectivityAnalysis.Settings.defaults().withFwhm(0);

    /**
     * Even runs: patch A is face-selective. Odd runs: patch B is (more strongly) face-selective and
     * patch A holds exact constant values per category. The profile must come from A, measured on
     * odd runs only.
     */
    static SheetResponses evenOddData(SheetLayout l, double[] oddValues) {
        return build(l, CATS, 12, 4, (row, u, rng) -> {
            boolean even = row.run() % 2 == 0;
            int cat = CATS.indexOf(row.category());
            if (even) return rng.nextGaussian() + (inA(l, u) && cat == 0 ? 6 : 0);
            if (inA(l, u)) return oddValues[cat];
            return rng.nextGaussian() + (inB(l, u) && cat == 0 ? 20 : 0);
        });
    }

    @Test
    void selectsOnEvenRunsAndMeasuresOnOddRuns() {
        SheetLayout l = MapFixtures.tiny();
        double[] odd = new double[CATS.size()];
        for (int i = 0; i < odd.length; i++) odd[i] = i * 0.5 - 1;
        SheetResponses r = evenOddData(l, odd);
        ResponseProfiles rp = new ResponseProfiles(r, NO_SMOOTHING, TOP16, HumanReference.load(), HumanReference.defaultConditionMapping());
        ResponseProfiles.Profile p = rp.profile(Contrasts.standard("faces"));
        assertEquals(16, p.selected().length);
        for (int u : p.selected()) assertTrue(inA(l, u), "selected unit " + u + " lies in the even-run patch A");
        for (int i = 0; i < CATS.size(); i++) {
            assertEquals(odd[i], p.response(CATS.get(i)), 1e-6, "odd-run response to " + CATS.get(i));
            assertEquals(6, p.nStimuli()[p.categories().indexOf(CATS.get(i))], "6 of 12 stimuli per category are in odd runs");
        }
        // the ten human conditions: math = mean(hard, easy), words_scr_objects = words
        assertEquals(odd[4], p.model10()[HumanReference.CONDITIONS.indexOf("words_scr_objects")], 1e-6);
        assertEquals((odd[9] + odd[10]) / 2, p.model10()[HumanReference.CONDITIONS.indexOf("math")], 1e-6);
        assertEquals(10, p.nShared());
        assertEquals("FFA", p.humanRoi());
        assertArrayEquals(LH_FFA, p.human10(), 1e-15);
    }

    @Test
    void correlationWithTheHumanProfileIsComputedAsByHand() {
        SheetLayout l = MapFixtures.tiny();
        // affine copy of the human FFA profile -> r = 1 exactly; math split as +-0.5 around its value
        double[] odd = new double[CATS.size()];
        for (int i = 0; i < 9; i++) odd[i] = 2 * LH_FFA[i] + 1;
        odd[9] = 2 * LH_FFA[9] + 1 + 0.5;
        odd[10] = 2 * LH_FFA[9] + 1 - 0.5;
        ResponseProfiles.Profile p = new ResponseProfiles(evenOddData(l, odd), NO_SMOOTHING, TOP16, HumanReference.load(),
                HumanReference.defaultConditionMapping()).profile(Contrasts.standard("faces"));
        assertEquals(1.0, p.pearson(), 1e-6);
        assertEquals(1.0, p.spearman(), 1e-12);
        assertEquals(0.88, p.paperR());

        // an arbitrary profile: r and rho as numpy/scipy give them for these numbers
        double[] w = {3, 1, 4, 1.5, 9, 2, 6, 5, 3.5, 8};
        double[] odd2 = new double[CATS.size()];
        System.arraycopy(w, 0, odd2, 0, 9);
        odd2[9] = 8;
        odd2[10] = 8;
        ResponseProfiles.Profile q = new ResponseProfiles(evenOddData(l, odd2), NO_SMOOTHING, TOP16, HumanReference.load(),
                HumanReference.defaultConditionMapping()).profile(Contrasts.standard("faces"));
        assertEquals(-0.19472844953970386, q.pearson(), 1e-6); // np.corrcoef(w, lh_ffa)[0, 1]
        assertEquals(-0.10303030303030303, q.spearman(), 1e-9); // scipy.stats.spearmanr(w, lh_ffa)
        assertEquals(handPearson(w, LH_FFA), q.pearson(), 1e-6);
    }

    static double handPearson(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElseThrow(), mb = Arrays.stream(b).average().orElseThrow();
        double num = 0, da = 0, db = 0;
        for (int i = 0; i < a.length; i++) {
            num += (a[i] - ma) * (b[i] - mb);
            da += (a[i] - ma) * (a[i] - ma);
            db += (b[i] - mb) * (b[i] - mb);
        }
        return num / Math.sqrt(da * db);
    }

    @Test
    void conditionsWithoutStimuliAreLeftOut() {
        SheetLayout l = MapFixtures.tiny();
        List<String> cats = CATS.stream().filter(c -> !c.equals("false_photo")).toList();
        double[] w = {3, 1, 4, 1.5, 9, 2, 6, 5, 3.5, 8};
        SheetResponses r = build(l, cats, 12, 4, (row, u, rng) -> {
            int ci = cats.indexOf(row.category());
            if (row.run() % 2 == 0) return rng.nextGaussian() + (inA(l, u) && ci == 0 ? 6 : 0);
            if (inA(l, u)) {
                int hc = HumanReference.CONDITIONS.indexOf(row.category().startsWith("arithmetic") ? "math"
                        : row.category().equals("words") ? "words_scr_objects" : row.category());
                return w[hc];
            }
            return rng.nextGaussian();
        });
        ResponseProfiles.Profile p = new ResponseProfiles(r, NO_SMOOTHING, TOP16, HumanReference.load(),
                HumanReference.defaultConditionMapping()).profile(Contrasts.standard("faces"));
        assertEquals(9, p.nShared());
        assertTrue(Double.isNaN(p.model10()[HumanReference.CONDITIONS.indexOf("false_photo")]));
        assertEquals(-0.1941700033708504, p.pearson(), 1e-6); // numpy, false_photo dropped
    }

    @Test
    void cognitiveContrastsTakeTenPercentAtTwiceTheFwhm() {
        SheetLayout l = MapFixtures.tiny();
        SheetResponses r = MapFixtures.localizer(l, true, 4, 4, 2.0, 3);
        SelectivityAnalysis.Settings base = SelectivityAnalysis.Settings.defaults().withFwhm(1.5);
        ResponseProfiles rp = new ResponseProfiles(r, base);
        ResponseProfiles.Profile lang = rp.profile(Contrasts.standard("language"));
        ResponseProfiles.Profile faces = rp.profile(Contrasts.standard("faces"));
        int langUnits = Region.LANGUAGE.units(l).length, visionUnits = Region.VISION.units(l).length;
        assertEquals((int) Math.floor(0.10 * langUnits), lang.selected().length);
        assertEquals((int) Math.floor(0.01 * visionUnits), faces.selected().length);
        assertEquals(3.0, lang.fwhm());
        assertEquals(1.5, faces.fwhm());
        boolean[] lm = Region.LANGUAGE.mask(l);
        for (int u : lang.selected()) assertTrue(lm[u], "language profile units lie in the language stack");
        assertEquals(10.0, lang.kPercent());
        assertFalse(Double.isNaN(lang.pearson()));
        assertTrue(faces.response("faces") > faces.response("bodies"), "face units prefer faces on held-out runs");
    }

    @Test
    void reusingSmoothedResponsesGivesTheSameProfiles() {
        SheetLayout l = MapFixtures.tiny();
        SheetResponses r = MapFixtures.localizer(l, true, 4, 4, 2.0, 6);
        SelectivityAnalysis.Settings base = SelectivityAnalysis.Settings.defaults().withFwhm(1.5);
        ResponseProfiles fresh = new ResponseProfiles(r, base), reused = new ResponseProfiles(r, base);
        reused.reuse(SmoothedResponses.of(r, 1.5));
        for (String c : List.of("faces", "speech")) {
            ResponseProfiles.Profile a = fresh.profile(Contrasts.standard(c)), b = reused.profile(Contrasts.standard(c));
            assertArrayEquals(a.selected(), b.selected());
            assertArrayEquals(a.response(), b.response(), 0);
        }
        assertThrows(IllegalArgumentException.class, () -> reused.reuse(SmoothedResponses.of(SyntheticResponses.onOff(l, 2, 2, List.of(), 2, 1), 1.5)));
    }

    @Test
    void topUnitsSortsByTWithNaNLast() {
        double[] t = {1, Double.NaN, 5, 3, 5, -2};
        assertArrayEquals(new int[] {2, 4}, ResponseProfiles.topUnits(t, new int[] {0, 1, 2, 3, 4, 5}, 40));
        assertArrayEquals(new int[] {3}, ResponseProfiles.topUnits(t, new int[] {0, 1, 3, 5}, 1)); // at least one unit
        assertArrayEquals(new int[] {0, 5, 1}, ResponseProfiles.topUnits(t, new int[] {0, 1, 5}, 100));
    }

    @Test
    void badInputIsAClearError() {
        SheetLayout l = MapFixtures.tiny();
        SheetResponses allOdd = SyntheticResponses.onOff(l, 4, 4, List.of(), 1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ResponseProfiles(allOdd, SelectivityAnalysis.Settings.defaults()));
        assertTrue(e.getMessage().contains("both even and odd runs"), e.getMessage());
        assertTrue(e.getMessage().contains("[1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ResponseProfiles.Settings(0, 10, 2));
        assertThrows(IllegalArgumentException.class, () -> new ResponseProfiles.Settings(1, 101, 2));
        assertThrows(IllegalArgumentException.class, () -> new ResponseProfiles.Settings(1, 10, -2));
        SheetResponses r = SyntheticResponses.onOff(l, 4, 4, List.of(), 2, 1);
        e = assertThrows(IllegalArgumentException.class, () -> new ResponseProfiles(r, SelectivityAnalysis.Settings.defaults(),
                ResponseProfiles.Settings.defaults(), HumanReference.load(), Map.of("words", List.of("words"))));
        assertTrue(e.getMessage().contains("not a human condition"), e.getMessage());
    }
}

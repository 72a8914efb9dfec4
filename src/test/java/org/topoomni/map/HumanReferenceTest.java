package org.topoomni.map;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class HumanReferenceTest {

    @Test
    void loadsTheShippedTable() {
        HumanReference h = HumanReference.load();
        assertEquals(50, h.roiLabels().size());
        assertEquals(10, HumanReference.CONDITIONS.size());
        assertArrayEquals(ResponseProfilesTest.LH_FFA, h.profile("FFA"), 0);
        assertArrayEquals(ResponseProfilesTest.LH_FFA, h.profile("lh_ffa"), 0);
        assertEquals(List.of("lh_ffa"), h.labelsOf("ffa"));
        assertEquals(List.of("speech"), h.labelsOf("speech"));
        assertEquals(List.of("lh_tpj"), h.labelsOf("ToM"));
        assertEquals(List.of("lh_ag", "lh_anttemp", "lh_ifg", "lh_ifgorb", "lh_mfg", "lh_posttemp"), h.labelsOf("language"));
        assertEquals(9, h.labelsOf("MD").size());
        assertTrue(h.labelsOf("MD").stream().allMatch(s -> s.startsWith("lh_")));
        // mean over parcels, checked against numpy on the same CSV
        double[] lang = h.profile("language");
        assertEquals(0.3387911, lang[0], 1e-7);
        assertEquals(0.94914362, lang[7], 1e-8);
        double[] both = h.profile("lh_ffa+rh_ffa");
        assertEquals((h.roi("lh_ffa").betas()[0] + h.roi("rh_ffa").betas()[0]) / 2, both[0], 1e-15);
        // face-selective: the FFA's largest response is to faces; the speech parcel's lowest to quilted speech? no - to math
        assertEquals(0, argmax(h.profile("FFA")));
        assertEquals(3, argmax(h.profile("PPA")));
    }

    static int argmax(double[] a) {
        int b = 0;
        for (int i = 1; i < a.length; i++) if (a[i] > a[b]) b = i;
        return b;
    }

    @Test
    void everyStandardContrastWithAFroiResolves() {
        HumanReference h = HumanReference.load();
        for (Contrast c : Contrasts.standard()) if (c.humanRoi() != null) assertEquals(10, h.profile(c.humanRoi()).length);
    }

    @Test
    void unknownFroiIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HumanReference.load().profile("V1"));
        assertTrue(e.getMessage().startsWith("unknown human fROI 'V1'; use one of [FFA, PPA"), e.getMessage());
    }

    @Test
    void defaultMappingCoversTheTenConditions() {
        var m = HumanReference.defaultConditionMapping();
        assertEquals(HumanReference.CONDITIONS, List.copyOf(m.keySet()));
        assertEquals(List.of("words", "word"), m.get("words_scr_objects"));
        assertEquals(List.of("arithmetic_hard", "arithmetic_easy"), m.get("math"));
        // the generated library's category first, then fLoc's own folder names for the same domain
        assertEquals(List.of("faces", "adult", "child"), m.get("faces"));
        assertEquals(List.of("scenes", "corridor", "house"), m.get("scenes"));
        assertEquals(List.of("nonwords"), m.get("nonwords"));
    }
}

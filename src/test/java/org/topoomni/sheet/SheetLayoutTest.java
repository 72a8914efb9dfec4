package org.topoomni.sheet;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SheetLayoutTest {
    final SheetLayout qwen = SheetPresets.qwen25Omni3b();

    @Test
    void qwenPresetIsThePapersSheet() {
        assertEquals(304, qwen.rows());
        assertEquals(512, qwen.cols());
        assertEquals(155_648, qwen.units());
        Band v = qwen.band("vision"), a = qwen.band("audio"), l = qwen.band("language");
        assertEquals(List.of(0, 160, 0, 256, 5), List.of(v.top(), v.bottom(), v.left(), v.right(), v.rowsPerLayer()));
        assertEquals(List.of(0, 160, 256, 512, 5), List.of(a.top(), a.bottom(), a.left(), a.right(), a.rowsPerLayer()));
        assertEquals(List.of(160, 304, 0, 512, 4), List.of(l.top(), l.bottom(), l.left(), l.right(), l.rowsPerLayer()));
    }

    /** Unit by unit at the corners of every band and every layer: METHOD.md section 2, row-major inside a band. */
    @Test
    void qwenBandCornersUnitByUnit() {
        // vision layer 0: rows 0-4, cols 0-255
        assertCell("vision", 0, 0, 0, 0);
        assertCell("vision", 0, 255, 0, 255);
        assertCell("vision", 0, 256, 1, 0);
        assertCell("vision", 0, 1279, 4, 255);
        // vision layer 1 starts at row 5; layer 31 ends at row 159
        assertCell("vision", 1, 0, 5, 0);
        assertCell("vision", 31, 0, 155, 0);
        assertCell("vision", 31, 1279, 159, 255);
        // audio: same rows, cols 256-511
        assertCell("audio", 0, 0, 0, 256);
        assertCell("audio", 0, 255, 0, 511);
        assertCell("audio", 0, 1279, 4, 511);
        assertCell("audio", 31, 1279, 159, 511);
        // language: rows 160-303, 4 rows x 512 per layer
        assertCell("language", 0, 0, 160, 0);
        assertCell("language", 0, 511, 160, 511);
        assertCell("language", 0, 512, 161, 0);
        assertCell("language", 0, 2047, 163, 511);
        assertCell("language", 1, 0, 164, 0);
        assertCell("language", 35, 0, 300, 0);
        assertCell("language", 35, 2047, 303, 511);
    }

    private void assertCell(String stack, int layer, int channel, int row, int col) {
        int u = qwen.unit(stack, layer, channel);
        assertEquals(row * 512 + col, u, stack + " layer " + layer + " channel " + channel);
        assertEquals(row, qwen.row(u));
        assertEquals(col, qwen.col(u));
        assertEquals(new UnitAddress(stack, layer, channel), qwen.address(u));
    }

    @Test
    void everyUnitRoundTripsAndEveryChannelHasOneCell() {
        boolean[] seen = new boolean[qwen.units()];
        for (Band b : qwen.bands()) {
            for (int layer = 0; layer < b.stack().layers(); layer++) {
                int[] cells = qwen.layerUnits(b.stack().name(), layer);
                for (int ch = 0; ch < cells.length; ch++) {
                    int u = cells[ch];
                    assertFalse(seen[u], "cell used twice: " + u);
                    seen[u] = true;
                    assertEquals(new UnitAddress(b.stack().name(), layer, ch), qwen.address(u));
                }
            }
        }
        for (boolean s : seen) assertTrue(s, "every cell holds a unit");
    }

    @Test
    void stackAndModalityUnits() {
        assertEquals(32 * 1280, qwen.stackUnits("audio").length);
        assertEquals(36 * 2048, qwen.modalityUnits(Modality.LANGUAGE).length);
        for (int u : qwen.stackUnits("audio")) assertEquals("audio", qwen.address(u).stack());
    }

    @Test
    void explicitBuilderAndAutoAgree() {
        Stack vision = new Stack("vision", Modality.VISION, 4, 64), audio = new Stack("audio", Modality.AUDIO, 4, 64);
        Stack lm = new Stack("language", Modality.LANGUAGE, 6, 128);
        SheetLayout built = SheetLayout.builder().top(vision, 32).top(audio, 32).bottom(lm).build();
        assertEquals(8 + 6 * 2, built.rows());
        assertEquals(64, built.cols());
        SheetLayout auto = SheetLayout.auto(List.of(vision, audio), lm);
        assertEquals(auto.rows() * auto.cols(), 4 * 64 * 2 + 6 * 128);
        assertTrue(auto.rows() > 0 && auto.cols() > 0);
    }

    @Test
    void badLayoutsAreClearErrors() {
        Stack vision = new Stack("vision", Modality.VISION, 4, 100), audio = new Stack("audio", Modality.AUDIO, 3, 100);
        Stack lm = new Stack("language", Modality.LANGUAGE, 6, 128);
        var e1 = assertThrows(IllegalArgumentException.class, () -> SheetLayout.builder().top(vision, 30).bottom(lm).build());
        assertTrue(e1.getMessage().contains("does not fit the grid"), e1.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> SheetLayout.builder().top(vision, 50).top(audio, 50).build());
        assertTrue(e2.getMessage().contains("equally tall"), e2.getMessage());
        var e3 = assertThrows(IllegalArgumentException.class, () -> SheetLayout.builder().top(vision, 50).bottom(lm).build());
        assertTrue(e3.getMessage().contains("'language' does not fit the grid"), e3.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Stack("x", Modality.VISION, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> SheetLayout.builder().top(vision, 50).top(vision, 50).build());
        var e4 = assertThrows(IllegalArgumentException.class, () -> SheetPresets.get("nope"));
        assertTrue(e4.getMessage().contains("qwen2.5-omni-3b"), e4.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> qwen.unit("vision", 32, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> qwen.address(qwen.units()));
    }
}

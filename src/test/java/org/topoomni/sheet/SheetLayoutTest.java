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
        assertEquals(List.of(0, 160, 0, 256, 5.0), List.of(v.top(), v.bottom(), v.left(), v.right(), v.rowsPerLayer()));
        assertEquals(List.of(0, 160, 256, 512, 5.0), List.of(a.top(), a.bottom(), a.left(), a.right(), a.rowsPerLayer()));
        assertEquals(List.of(160, 304, 0, 512, 4.0), List.of(l.top(), l.bottom(), l.left(), l.right(), l.rowsPerLayer()));
        assertTrue(qwen.wholeRowLayers(), "every layer is a band of whole rows");
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

    static LayerStack top(String name, Modality m, int layers, int width) {
        return LayerStack.uniform(name, m, Placement.SENSORY, layers, width);
    }

    static LayerStack below(String name, int layers, int width) {
        return LayerStack.uniform(name, Modality.LANGUAGE, Placement.SHARED, layers, width);
    }

    @Test
    void explicitBuilderAndAutoAgree() {
        LayerStack vision = top("vision", Modality.VISION, 4, 64), audio = top("audio", Modality.AUDIO, 4, 64);
        LayerStack lm = below("language", 6, 128);
        SheetLayout built = SheetLayout.builder().top(vision, 32).top(audio, 32).bottom(lm).build();
        assertEquals(8 + 6 * 2, built.rows());
        assertEquals(64, built.cols());
        SheetLayout auto = SheetLayout.of(List.of(vision, audio, lm));
        assertEquals(auto.rows() * auto.cols(), 4 * 64 * 2 + 6 * 128);
        assertTrue(auto.rows() > 0 && auto.cols() > 0);
    }

    /** A CNN's blocks change width: the layers are packed row by row in the stack's rectangle, a layer may start mid-row. */
    @Test
    void layersOfVaryingWidthArePackedRowMajor() {
        LayerStack cnn = new LayerStack("cnn", Modality.VISION, Placement.SENSORY, new int[] {8, 16, 32});
        LayerStack mlp = new LayerStack("mlp", Modality.LANGUAGE, Placement.SHARED, new int[] {20, 36});
        SheetLayout l = SheetLayout.of(List.of(cnn, mlp));
        // 56 + 56 units; the most nearly square sheets without empty cells are 14 x 8 and 8 x 14, the wider wins
        assertEquals(8, l.rows());
        assertEquals(14, l.cols());
        assertFalse(l.wholeRowLayers());
        // cnn rows 0-3: layer 0 = row 0 cols 0-7, layer 1 starts at row 0 col 8 and ends at row 1 col 9, layer 2 from row 1 col 10
        assertEquals(0, l.unit("cnn", 0, 0));
        assertEquals(7, l.unit("cnn", 0, 7));
        assertEquals(8, l.unit("cnn", 1, 0));
        assertEquals(14 + 9, l.unit("cnn", 1, 15));
        assertEquals(14 + 10, l.unit("cnn", 2, 0));
        assertEquals(3 * 14 + 13, l.unit("cnn", 2, 31));
        assertEquals(4 * 14, l.unit("mlp", 0, 0));
        assertEquals(new UnitAddress("cnn", 1, 15), l.address(14 + 9));
        assertEquals(new UnitAddress("mlp", 1, 0), l.address(4 * 14 + 20));
        Band b = l.band("cnn");
        assertEquals(List.of(0, 1, 0, 2, 1, 4), List.of(b.layerTop(0), b.layerBottom(0), b.layerTop(1), b.layerBottom(1), b.layerTop(2), b.layerBottom(2)));
        assertEquals(1, b.layerAt(1, 9));
        assertEquals(2, b.layerAt(1, 10));
        var e = assertThrows(IndexOutOfBoundsException.class, () -> l.unit("cnn", 0, 8));
        assertTrue(e.getMessage().contains("layer 0 has channels 0..7"), e.getMessage());
    }

    /**
     * Property: for stacks of random per-layer widths that a sheet fits, every channel of every
     * layer has exactly one cell, every cell holds one unit, each stack's cells form one
     * rectangle, and each layer's cells are one contiguous run in row-major order inside it.
     */
    @Test
    void everyUnitHasExactlyOneCellForRandomWidths() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(11);
        int built = 0;
        for (int trial = 0; trial < 300 && built < 60; trial++) {
            int tops = 1 + r.nextInt(3);
            List<LayerStack> stacks = new java.util.ArrayList<>();
            for (int t = 0; t < tops; t++) {
                int[] w = new int[1 + r.nextInt(5)];
                for (int k = 0; k < w.length; k++) w[k] = 1 + r.nextInt(40);
                stacks.add(new LayerStack("s" + t, Modality.values()[t % 3], Placement.SENSORY, w));
            }
            int[] w = new int[1 + r.nextInt(4)];
            for (int k = 0; k < w.length; k++) w[k] = 1 + r.nextInt(60);
            stacks.add(new LayerStack("shared", Modality.LANGUAGE, Placement.SHARED, w));
            SheetLayout l;
            try {
                l = SheetLayout.of(stacks);
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage().contains("no sheet fits these stacks without empty cells"), e.getMessage());
                continue;
            }
            built++;
            int[] owner = new int[l.units()];
            java.util.Arrays.fill(owner, -1);
            for (LayerStack s : stacks) {
                Band b = l.band(s.name());
                for (int layer = 0; layer < s.layers(); layer++) {
                    int[] cells = l.layerUnits(s.name(), layer);
                    for (int ch = 0; ch < cells.length; ch++) {
                        int u = cells[ch];
                        assertEquals(-1, owner[u], "cell used twice: " + u);
                        owner[u] = 1;
                        assertEquals(new UnitAddress(s.name(), layer, ch), l.address(u));
                        assertTrue(b.contains(l.row(u), l.col(u)), "a stack's units lie in its rectangle");
                        int inBand = (l.row(u) - b.top()) * b.cols() + l.col(u) - b.left();
                        assertEquals(s.offset(layer) + ch, inBand, "layers are consecutive runs in row-major order");
                    }
                }
            }
            for (int o : owner) assertEquals(1, o, "every cell holds a unit");
        }
        assertTrue(built >= 20, "enough random stacks fit a sheet to test: " + built);
    }

    @Test
    void badLayoutsAreClearErrors() {
        LayerStack vision = top("vision", Modality.VISION, 4, 100), audio = top("audio", Modality.AUDIO, 3, 100);
        LayerStack lm = below("language", 6, 128);
        var e1 = assertThrows(IllegalArgumentException.class, () -> SheetLayout.builder().top(vision, 30).bottom(lm).build());
        assertTrue(e1.getMessage().contains("does not fit the grid"), e1.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> SheetLayout.builder().top(vision, 50).top(audio, 50).build());
        assertTrue(e2.getMessage().contains("equally tall"), e2.getMessage());
        var e3 = assertThrows(IllegalArgumentException.class, () -> SheetLayout.builder().top(vision, 50).bottom(lm).build());
        assertTrue(e3.getMessage().contains("'language' does not fit the grid"), e3.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LayerStack.uniform("x", Modality.VISION, Placement.SENSORY, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new LayerStack("x", Modality.VISION, Placement.SENSORY, new int[] {4, 0}));
        assertThrows(IllegalArgumentException.class, () -> SheetLayout.builder().top(vision, 50).top(vision, 50).build());
        var e4 = assertThrows(IllegalArgumentException.class, () -> SheetPresets.get("nope"));
        assertTrue(e4.getMessage().contains("qwen2.5-omni-3b"), e4.getMessage());
        var e5 = assertThrows(IllegalArgumentException.class, () -> SheetLayout.of(List.of(
                new LayerStack("a", Modality.VISION, Placement.SENSORY, new int[] {7}), new LayerStack("b", Modality.AUDIO, Placement.SENSORY, new int[] {11}),
                new LayerStack("c", Modality.LANGUAGE, Placement.SHARED, new int[] {5}))));
        assertTrue(e5.getMessage().contains("no sheet fits these stacks without empty cells") && e5.getMessage().contains("a (top) 7 units"), e5.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> qwen.unit("vision", 32, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> qwen.address(qwen.units()));
    }
}

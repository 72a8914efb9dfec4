package org.topoomni.plot;

import org.junit.jupiter.api.Test;
import org.topoomni.sheet.Modality;
import org.topoomni.sheet.SheetPresets;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class SheetMapFigureTest {

    @Test
    void layoutFigureShowsEveryStack() {
        BufferedImage img = SheetMapFigure.layout(SheetPresets.qwen25Omni3b(), "Qwen2.5-Omni-3B");
        assertTrue(img.getWidth() > 800 && img.getHeight() > 400, img.getWidth() + " x " + img.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) for (int x = 0; x < img.getWidth(); x += 2) colours.add(img.getRGB(x, y) & 0xffffff);
        for (Modality m : Modality.values()) assertTrue(colours.contains(SheetPanel.stackColour(m)), m + " stack not drawn");
    }

    @Test
    void colourLimitsAreARoundNumberAboveAlmostEveryValue() {
        double[] t = new double[1000];
        for (int i = 0; i < t.length; i++) t[i] = i / 100.0; // |t| up to 9.99
        t[999] = 500; // one extreme unit does not set the scale
        assertEquals(10, ColourBar.symmetricLimit(t), 1e-12);
        assertEquals(1, ColourBar.symmetricLimit(new double[] {Double.NaN}), 1e-12, "no finite value: 1");
        assertEquals(2.5, ColourBar.niceCeil(2.1), 1e-12);
        assertEquals(0.08, ColourBar.niceCeil(0.071), 1e-12);
    }
}

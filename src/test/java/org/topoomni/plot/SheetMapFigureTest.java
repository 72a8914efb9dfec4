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

    @Test
    void theRegionsStacksAreOutlinedHeavierByName() {
        var l = SheetPresets.qwen25Omni3b();
        int[] white = new int[l.units()];
        java.util.Arrays.fill(white, 0xffffff);
        String vision = l.bands().stream().filter(b -> b.stack().modality() == Modality.VISION).findFirst().orElseThrow().stack().name();
        int plain = black(new SheetPanel(l, white, null, Emphasis.NONE, null), l);
        int one = black(new SheetPanel(l, white, null, Emphasis.stacks(vision, java.util.List.of(vision)), null), l);
        int all = black(new SheetPanel(l, white, null, Emphasis.WHOLE_SHEET, null), l);
        assertTrue(one > plain, "the named stack's outline is heavier: " + one + " vs " + plain + " black pixels");
        assertTrue(all > plain, "the whole sheet's outline is heavier: " + all + " vs " + plain);
    }

    /** Black pixels of a panel drawn at 1 pixel per cell (the stack names and layer ticks are dark grey, not black). */
    private static int black(SheetPanel p, org.topoomni.sheet.SheetLayout l) {
        BufferedImage img = Draw.canvas(l.cols() + 2 * SheetPanel.LEFT, l.rows() + 2 * SheetPanel.ABOVE + 40);
        java.awt.Graphics2D g = Draw.graphics(img);
        p.draw(g, SheetPanel.LEFT, SheetPanel.ABOVE, 1);
        g.dispose();
        int n = 0;
        for (int y = SheetPanel.ABOVE; y < SheetPanel.ABOVE + l.rows(); y++) {
            for (int x = SheetPanel.LEFT; x < SheetPanel.LEFT + l.cols(); x++) if ((img.getRGB(x, y) & 0xffffff) == 0) n++;
        }
        return n;
    }
}

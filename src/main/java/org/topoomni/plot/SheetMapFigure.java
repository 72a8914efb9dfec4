package org.topoomni.plot;

import org.topoomni.sheet.Band;
import org.topoomni.sheet.LayerStack;
import org.topoomni.sheet.SheetLayout;
import org.topoomni.stats.IslandResult;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.topoomni.plot.Draw.LABEL;
import static org.topoomni.plot.Draw.LABEL_BOLD;
import static org.topoomni.plot.Draw.SMALL;
import static org.topoomni.plot.Draw.SUBTITLE;
import static org.topoomni.plot.Draw.TITLE;
import static org.topoomni.plot.Draw.canvas;
import static org.topoomni.plot.Draw.graphics;
import static org.topoomni.plot.Draw.swatch;
import static org.topoomni.plot.Draw.text;
import static org.topoomni.plot.Draw.textRight;
import static org.topoomni.plot.SheetPanel.ABOVE;
import static org.topoomni.plot.SheetPanel.BELOW;
import static org.topoomni.plot.SheetPanel.LEFT;
import static org.topoomni.plot.SheetPanel.RIGHT;
import static org.topoomni.plot.SheetPanel.scaleFor;

/**
 * PNG figures of the whole cortical sheet in the style of the paper's maps.
 *
 * <ul>
 * <li>{@link #selectivity}: the t map of a contrast on a diverging red-blue colour map with
 *     symmetric limits; units that are not significant are dimmed towards grey, significant units
 *     keep their full colour and the islands (connected significant units of at least the minimum
 *     size, inside the contrast's region) are outlined in black; units whose t is undefined (no
 *     response at all, e.g. the audio stack for images) are flat grey.</li>
 * <li>{@link #preference}: the preferred condition of the significant units of a retinotopy or
 *     tonotopy design on a cyclic (polar angle) or sequential (eccentricity, frequency) colour map,
 *     with a legend.</li>
 * <li>{@link #sideBySide}: two selectivity maps (topographic and control) with shared colour
 *     limits.</li>
 * </ul>
 * Every panel outlines the stacks (vision, audio, language bands), labels them, draws the
 * contrast's region with a heavier outline, and ticks the layers along the sides. Each sheet cell
 * is drawn as an s x s block, with s chosen so the sheet is about 1,000 pixels wide (2 for the
 * paper's 304 x 512 sheet, 16 for a 48 x 64 sheet).
 */
public final class SheetMapFigure {

    private SheetMapFigure() {
    }

    /**
     * What a selectivity figure shows of a contrast's map.
     *
     * @param label      the contrast in words
     * @param layout     the sheet
     * @param t          row-major Welch t (NaN: undefined)
     * @param sheetMask  significant units anywhere on the sheet (keep their full colour)
     * @param mask       significant units inside the contrast's region (their islands are outlined)
     * @param islands    the island statistics of {@code mask}
     * @param region     the contrast's region
     * @param qThreshold FDR threshold
     * @param fwhm       smoothing FWHM
     */
    public record TMap(String label, SheetLayout layout, double[] t, boolean[] sheetMask, boolean[] mask, IslandResult islands,
                       Emphasis region, double qThreshold, double fwhm) {
        /** Significant units in the region. */
        public int nSignificant() {
            int n = 0;
            for (boolean b : mask) if (b) n++;
            return n;
        }
    }

    /**
     * What a preferred-condition figure (retinotopy, tonotopy) shows.
     *
     * @param quantity     what the conditions are (the legend's title)
     * @param labels       the conditions' labels, in index order
     * @param cyclic       whether the conditions go round (polar angle) rather than in order
     * @param layout       the sheet
     * @param preferred    row-major index of each unit's preferred condition, -1 where not significant
     * @param counts       significant units preferring each condition
     * @param nSignificant significant units in the region
     * @param region       the design's region
     * @param qThreshold   FDR threshold
     * @param fwhm         smoothing FWHM
     */
    public record Preference(String quantity, List<String> labels, boolean cyclic, SheetLayout layout, int[] preferred, int[] counts,
                             int nSignificant, Emphasis region, double qThreshold, double fwhm) {}

    /** Grey that dims non-significant units, and the weight of the grey. */
    static final int DIM_GREY = 0xdcdcdc;
    static final double DIM_WEIGHT = 0.72;
    /** Colour of units with undefined t (no response to any stimulus of the contrast). */
    static final int UNDEFINED = 0xa8a8a8;
    /** Colour of non-significant units in categorical maps. */
    static final int NOT_SIGNIFICANT = 0xe4e4e4;

    // ------------------------------------------------------------------ selectivity map

    /** The selectivity map of a contrast, titled {@code title}. */
    public static BufferedImage selectivity(TMap m, String title) {
        double vmax = ColourBar.symmetricLimit(m.t());
        SheetPanel p = selectivityPanel(m, vmax);
        int s = scaleFor(m.layout(), 1000, 1000);
        int w = m.layout().cols() * s, h = m.layout().rows() * s;
        int top = 64;
        int barX = LEFT + w + RIGHT + 14;
        int width = barX + 110;
        int height = top + ABOVE + h + BELOW + 58;
        BufferedImage img = canvas(width, height);
        Graphics2D g = graphics(img);
        text(g, title, TITLE, 14, 24, Color.BLACK);
        text(g, subtitle(m), SUBTITLE, 14, 46, new Color(0x333333));
        p.draw(g, LEFT, top + ABOVE, s);
        ColourBar.diverging(g, barX, top + ABOVE + 8, Math.min(h - 16, 320), vmax, "Welch t (ON > OFF)");
        int ly = top + ABOVE + h + BELOW + 22;
        legendSelectivity(g, LEFT, ly, m.qThreshold(), m.islands().minSize(), m.region());
        g.dispose();
        return img;
    }

    static String subtitle(TMap m) {
        String where = m.region().wholeSheet() ? "whole sheet" : m.region().id() + " stacks";
        String islands = Double.isNaN(m.islands().meanI()) ? "no islands"
                : String.format(Locale.ROOT, "island Moran's I %.2f over %d island%s (%d significant)", m.islands().meanI(),
                m.islands().nIslands(), m.islands().nIslands() == 1 ? "" : "s", m.islands().nSignificantIslands());
        return String.format(Locale.ROOT, "%s  |  read in the %s: %,d significant units (q < %s), %s  |  FWHM %.2f",
                m.label(), where, m.nSignificant(), fmtQ(m.qThreshold()), islands, m.fwhm());
    }

    static String fmtQ(double q) {
        return new java.math.BigDecimal(q).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    static SheetPanel selectivityPanel(TMap m, double vmax) {
        double[] t = m.t();
        boolean[] sig = m.sheetMask();
        int[] rgb = new int[t.length];
        for (int u = 0; u < t.length; u++) {
            if (Double.isNaN(t[u])) {
                rgb[u] = UNDEFINED;
                continue;
            }
            int c = ColorMaps.diverging(t[u] / vmax);
            rgb[u] = sig[u] ? c : ColorMaps.mix(c, DIM_GREY, DIM_WEIGHT);
        }
        boolean[] outline = SheetPanel.islandCells(m.mask(), m.layout(), m.islands().minSize());
        return new SheetPanel(m.layout(), rgb, outline, m.region(), null);
    }

    // ------------------------------------------------------------------ preference map

    /** The preferred-condition map of a retinotopy or tonotopy design. */
    public static BufferedImage preference(Preference m, String title) {
        List<String> labels = m.labels();
        int[] colours = preferenceColours(m);
        SheetPanel p = preferencePanel(m, colours);
        int s = scaleFor(m.layout(), 1000, 1000);
        int w = m.layout().cols() * s, h = m.layout().rows() * s;
        int top = 64;
        int legX = LEFT + w + RIGHT + 14;
        int width = legX + 190;
        int height = Math.max(top + ABOVE + h + BELOW + 16, top + ABOVE + 40 + 22 * (labels.size() + 2));
        BufferedImage img = canvas(width, height);
        Graphics2D g = graphics(img);
        text(g, title, TITLE, 14, 24, Color.BLACK);
        String where = m.region().id() + " stacks";
        text(g, String.format(Locale.ROOT, "one-way ANOVA over %d conditions  |  read in the %s: %,d significant units (q < %s)  |  FWHM %.2f",
                labels.size(), where, m.nSignificant(), fmtQ(m.qThreshold()), m.fwhm()), SUBTITLE, 14, 46, new Color(0x333333));
        p.draw(g, LEFT, top + ABOVE, s);
        int y = top + ABOVE + 8;
        text(g, m.quantity(), LABEL_BOLD, legX, y + 10, Color.BLACK);
        y += 24;
        for (int i = 0; i < labels.size(); i++) {
            swatch(g, legX, y, colours[i], false);
            text(g, String.format(Locale.ROOT, "%s  (%,d)", labels.get(i), m.counts()[i]), LABEL, legX + 24, y + 12, Color.BLACK);
            y += 22;
        }
        swatch(g, legX, y, NOT_SIGNIFICANT, false);
        text(g, "not significant", LABEL, legX + 24, y + 12, Color.BLACK);
        y += 16;
        text(g, "or outside the region", LABEL, legX + 24, y + 12, Color.BLACK);
        y += 22;
        text(g, "(units per condition)", SMALL, legX, y + 12, new Color(0x555555));
        g.dispose();
        return img;
    }

    static int[] preferenceColours(Preference m) {
        return ColorMaps.categorical(m.labels().size(), m.cyclic());
    }

    static SheetPanel preferencePanel(Preference m, int[] colours) {
        int[] rgb = new int[m.preferred().length];
        for (int u = 0; u < rgb.length; u++) rgb[u] = m.preferred()[u] < 0 ? NOT_SIGNIFICANT : colours[m.preferred()[u]];
        return new SheetPanel(m.layout(), rgb, null, m.region(), null);
    }

    /**
     * Two preferred-condition maps of the same design (topographic and control) side by side, with
     * one legend that gives each condition's number of preferring units in both.
     */
    public static BufferedImage preferenceSideBySide(Preference a, String labelA, Preference b, String labelB, String title) {
        SheetLayout l = a.layout();
        if (l.rows() != b.layout().rows() || l.cols() != b.layout().cols()) {
            throw new IllegalArgumentException("cannot compare maps of different sheets: " + l.rows() + " x " + l.cols() + " and "
                    + b.layout().rows() + " x " + b.layout().cols());
        }
        if (!a.labels().equals(b.labels())) {
            throw new IllegalArgumentException("cannot compare maps of " + a.quantity() + " with different conditions: " + a.labels()
                    + " and " + b.labels());
        }
        List<String> labels = a.labels();
        int[] colours = preferenceColours(a);
        int s = scaleFor(l, 520, 700);
        int w = l.cols() * s, h = l.rows() * s;
        int top = 58, panelTitle = 40;
        int x1 = LEFT, x2 = LEFT + w + RIGHT + 24 + LEFT;
        int legX = x2 + w + RIGHT + 14;
        BufferedImage probe = canvas(1, 1);
        Graphics2D pg = probe.createGraphics();
        int legW = Math.max(200, pg.getFontMetrics(LABEL_BOLD).stringWidth(a.quantity()) + 16);
        pg.dispose();
        int width = legX + legW;
        int py = top + panelTitle + ABOVE;
        int height = Math.max(py + h + BELOW + 16, py + 40 + 22 * (labels.size() + 3));
        BufferedImage img = canvas(width, height);
        Graphics2D g = graphics(img);
        text(g, title, TITLE, 14, 24, Color.BLACK);
        text(g, String.format(Locale.ROOT, "one-way ANOVA over %d conditions  |  significant units (q < %s) in the %s stacks coloured by the condition they prefer  |  FWHM %.2f",
                labels.size(), fmtQ(a.qThreshold()), a.region().id(), a.fwhm()), SUBTITLE, 14, 46, new Color(0x333333));
        Preference[] maps = {a, b};
        String[] names = {labelA, labelB};
        int[] xs = {x1, x2};
        for (int i = 0; i < 2; i++) {
            text(g, names[i], LABEL_BOLD, xs[i], top + 14, Color.BLACK);
            text(g, String.format(Locale.ROOT, "%,d significant units", maps[i].nSignificant()), LABEL, xs[i], top + 32, new Color(0x333333));
            preferencePanel(maps[i], colours).draw(g, xs[i], py, s);
        }
        int y = py + 8;
        text(g, a.quantity(), LABEL_BOLD, legX, y + 10, Color.BLACK);
        y += 20;
        text(g, "units: " + labelA + " | " + labelB, SMALL, legX, y + 10, new Color(0x555555));
        y += 20;
        for (int i = 0; i < labels.size(); i++) {
            swatch(g, legX, y, colours[i], false);
            text(g, labels.get(i), LABEL, legX + 24, y + 12, Color.BLACK);
            textRight(g, String.format(Locale.ROOT, "%,d | %,d", a.counts()[i], b.counts()[i]), LABEL, legX + legW - 10, y + 12, Color.BLACK);
            y += 22;
        }
        swatch(g, legX, y, NOT_SIGNIFICANT, false);
        text(g, "not significant", LABEL, legX + 24, y + 12, Color.BLACK);
        text(g, "or outside the region", LABEL, legX + 24, y + 28, Color.BLACK);
        g.dispose();
        return img;
    }

    // ------------------------------------------------------------------ layout

    /**
     * The sheet's layout: every stack's band in its modality's colour, its layers in alternating
     * shades (layer 0 at the top), with the stack outlines, names and layer ticks of every map, and
     * a legend giving each stack's layers, width and place.
     */
    public static BufferedImage layout(SheetLayout l, String title) {
        int[] rgb = new int[l.units()];
        java.util.Arrays.fill(rgb, 0xffffff);
        for (Band b : l.bands()) {
            int base = SheetPanel.stackColour(b.stack().modality());
            for (int r = b.top(); r < b.bottom(); r++) {
                for (int col = b.left(); col < b.right(); col++) {
                    rgb[r * l.cols() + col] = b.layerAt(r, col) % 2 == 0 ? base : ColorMaps.mix(base, 0xffffff, 0.5);
                }
            }
        }
        SheetPanel p = new SheetPanel(l, rgb, null, Emphasis.NONE, null);
        int s = scaleFor(l, 560, 420);
        int w = l.cols() * s, h = l.rows() * s;
        int top = 64;
        int legX = LEFT + w + RIGHT + 30;
        int width = legX + 400;
        int height = Math.max(top + ABOVE + h + BELOW + 16, top + ABOVE + 60 + 40 * l.bands().size());
        BufferedImage img = canvas(width, height);
        Graphics2D g = graphics(img);
        text(g, title, TITLE, 14, 24, Color.BLACK);
        text(g, String.format(Locale.ROOT, "%d rows x %d columns = %,d units, one unit per cell; every stack is a band of layers (layer 0 on top)",
                l.rows(), l.cols(), l.units()), SUBTITLE, 14, 46, new Color(0x333333));
        p.draw(g, LEFT, top + ABOVE, s);
        int y = top + ABOVE + 8;
        text(g, "stacks", LABEL_BOLD, legX, y + 10, Color.BLACK);
        y += 26;
        for (Band b : l.bands()) {
            swatch(g, legX, y, SheetPanel.stackColour(b.stack().modality()), false);
            swatch(g, legX + 18, y, ColorMaps.mix(SheetPanel.stackColour(b.stack().modality()), 0xffffff, 0.5), false);
            LayerStack st = b.stack();
            text(g, st.uniform() ? String.format(Locale.ROOT, "%s: %d layers x %,d units", st.name(), st.layers(), st.width(0))
                            : String.format(Locale.ROOT, "%s: %d layers of %,d-%,d units (%,d in all)", st.name(), st.layers(), st.minWidth(), st.maxWidth(), st.units()),
                    LABEL, legX + 42, y + 12, Color.BLACK);
            boolean even = st.uniform() && b.wholeRowLayers();
            int rpl = even ? st.width(0) / b.cols() : 0;
            text(g, even ? String.format(Locale.ROOT, "rows %d-%d, columns %d-%d, %d row%s per layer", b.top(), b.bottom() - 1, b.left(), b.right() - 1,
                            rpl, rpl == 1 ? "" : "s")
                            : String.format(Locale.ROOT, "rows %d-%d, columns %d-%d, layers packed row by row", b.top(), b.bottom() - 1, b.left(), b.right() - 1),
                    SMALL, legX + 42, y + 28, new Color(0x444444));
            y += 40;
        }
        g.dispose();
        return img;
    }

    // ------------------------------------------------------------------ side by side

    /** Two selectivity maps of the same contrast side by side with shared colour limits. */
    public static BufferedImage sideBySide(TMap a, String labelA, TMap b, String labelB, String title) {
        if (a.layout().rows() != b.layout().rows() || a.layout().cols() != b.layout().cols()) {
            throw new IllegalArgumentException("cannot compare maps of different sheets: " + a.layout().rows() + " x " + a.layout().cols()
                    + " and " + b.layout().rows() + " x " + b.layout().cols());
        }
        double vmax = ColourBar.symmetricLimit(a.t(), b.t());
        SheetLayout l = a.layout();
        int s = scaleFor(l, 520, 700);
        int w = l.cols() * s, h = l.rows() * s;
        int top = 58, panelTitle = 40;
        int x1 = LEFT, x2 = LEFT + w + RIGHT + 24 + LEFT;
        int barX = x2 + w + RIGHT + 14;
        int width = barX + 110;
        int height = top + panelTitle + ABOVE + h + BELOW + 58;
        BufferedImage img = canvas(width, height);
        Graphics2D g = graphics(img);
        text(g, title, TITLE, 14, 24, Color.BLACK);
        text(g, a.label() + "  |  shared colour limits  |  islands outlined inside the " + a.region().id()
                + (a.region().wholeSheet() ? " sheet" : " stacks"), SUBTITLE, 14, 46, new Color(0x333333));
        int py = top + panelTitle + ABOVE;
        panelHeader(g, a, labelA, x1, top + 14);
        panelHeader(g, b, labelB, x2, top + 14);
        selectivityPanel(a, vmax).draw(g, x1, py, s);
        selectivityPanel(b, vmax).draw(g, x2, py, s);
        ColourBar.diverging(g, barX, py + 8, Math.min(h - 16, 320), vmax, "Welch t (ON > OFF)");
        legendSelectivity(g, LEFT, py + h + BELOW + 22, a.qThreshold(), a.islands().minSize(), a.region());
        g.dispose();
        return img;
    }

    private static void panelHeader(Graphics2D g, TMap m, String label, int x, int y) {
        text(g, label, LABEL_BOLD, x, y, Color.BLACK);
        String stats = Double.isNaN(m.islands().meanI())
                ? String.format(Locale.ROOT, "%,d significant units, no islands", m.nSignificant())
                : String.format(Locale.ROOT, "Moran's I %.2f, %d island%s, %,d significant units", m.islands().meanI(),
                m.islands().nIslands(), m.islands().nIslands() == 1 ? "" : "s", m.nSignificant());
        text(g, stats, LABEL, x, y + 18, new Color(0x333333));
    }

    private static void legendSelectivity(Graphics2D g, int x, int y, double q, int minSize, Emphasis region) {
        List<Object[]> items = new ArrayList<>();
        items.add(new Object[] {ColorMaps.diverging(0.8), false, "significant (q < " + fmtQ(q) + ", t > 0)"});
        items.add(new Object[] {ColorMaps.mix(ColorMaps.diverging(0.8), DIM_GREY, DIM_WEIGHT), false, "not significant (dimmed)"});
        items.add(new Object[] {0xffffff, true, "island (>= " + minSize + " units, in region)"});
        items.add(new Object[] {UNDEFINED, false, "no response (t undefined)"});
        g.setFont(LABEL);
        FontMetrics fm = g.getFontMetrics();
        int cx = x;
        for (Object[] it : items) {
            swatch(g, cx, y - 12, (Integer) it[0], (Boolean) it[1]);
            String s = (String) it[2];
            text(g, s, LABEL, cx + 22, y, Color.BLACK);
            cx += 22 + fm.stringWidth(s) + 22;
        }
        if (!region.wholeSheet()) {
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(3f));
            g.drawRect(cx, y - 12, 16, 14);
            g.setStroke(new BasicStroke(1f));
            text(g, "contrast's region", LABEL, cx + 22, y, Color.BLACK);
        }
    }

}

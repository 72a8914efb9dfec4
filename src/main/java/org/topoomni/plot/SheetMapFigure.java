package org.topoomni.report;

import org.topoomni.map.PreferenceMap;
import org.topoomni.map.Region;
import org.topoomni.map.SelectivityMap;
import org.topoomni.sheet.Band;
import org.topoomni.sheet.LayerStack;
import org.topoomni.sheet.SheetLayout;
import org.topoomni.stats.ComponentLabels;
import org.topoomni.stats.Components;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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

    static final String SANS = "DejaVu Sans";
    static final Font TITLE = new Font(SANS, Font.BOLD, 17);
    static final Font SUBTITLE = new Font(SANS, Font.PLAIN, 13);
    static final Font LABEL = new Font(SANS, Font.PLAIN, 13);
    static final Font LABEL_BOLD = new Font(SANS, Font.BOLD, 13);
    static final Font SMALL = new Font(SANS, Font.PLAIN, 11);

    /** Grey that dims non-significant units, and the weight of the grey. */
    static final int DIM_GREY = 0xdcdcdc;
    static final double DIM_WEIGHT = 0.72;
    /** Colour of units with undefined t (no response to any stimulus of the contrast). */
    static final int UNDEFINED = 0xa8a8a8;
    /** Colour of non-significant units in categorical maps. */
    static final int NOT_SIGNIFICANT = 0xe4e4e4;

    // Margins around one panel.
    static final int LEFT = 66, RIGHT = 40, ABOVE = 24, BELOW = 22;

    /** Pixels per sheet cell for a panel of about {@code targetWidth} pixels, at most {@code maxHeight} tall. */
    public static int scaleFor(SheetLayout l, int targetWidth, int maxHeight) {
        int s = (int) Math.round((double) targetWidth / l.cols());
        s = Math.min(s, (int) Math.round((double) maxHeight / l.rows()));
        return Math.max(1, s);
    }

    // ------------------------------------------------------------------ selectivity map

    /** The selectivity map of a contrast, titled {@code title}. */
    public static BufferedImage selectivity(SelectivityMap m, String title) {
        double vmax = symmetricLimit(m.t());
        Panel p = selectivityPanel(m, vmax, null);
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
        drawPanel(g, p, LEFT, top + ABOVE, s);
        colourBar(g, barX, top + ABOVE + 8, Math.min(h - 16, 320), vmax, "Welch t (ON > OFF)");
        int ly = top + ABOVE + h + BELOW + 22;
        legendSelectivity(g, LEFT, ly, m.qThreshold(), m.islands().minSize(), m.contrast().region());
        g.dispose();
        return img;
    }

    static String subtitle(SelectivityMap m) {
        String where = m.contrast().region() == Region.ALL ? "whole sheet" : m.contrast().region().id() + " stacks";
        String islands = Double.isNaN(m.islands().meanI()) ? "no islands"
                : String.format(Locale.ROOT, "island Moran's I %.2f over %d island%s (%d significant)", m.islands().meanI(),
                m.islands().nIslands(), m.islands().nIslands() == 1 ? "" : "s", m.islands().nSignificantIslands());
        return String.format(Locale.ROOT, "%s  |  read in the %s: %,d significant units (q < %s), %s  |  FWHM %.2f",
                m.contrast().label(), where, m.nSignificant(), fmtQ(m.qThreshold()), islands, m.fwhm());
    }

    static String fmtQ(double q) {
        return new java.math.BigDecimal(q).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /**
     * Symmetric colour limit: the 99.5th percentile of |t| over the finite units (so that a few
     * extreme units do not wash out the map); 1 if there are none.
     */
    public static double symmetricLimit(double[]... maps) {
        int n = 0;
        for (double[] t : maps) for (double v : t) if (Double.isFinite(v)) n++;
        if (n == 0) return 1;
        double[] a = new double[n];
        int i = 0;
        for (double[] t : maps) for (double v : t) if (Double.isFinite(v)) a[i++] = Math.abs(v);
        Arrays.sort(a);
        double lim = a[Math.min(n - 1, (int) Math.floor(0.995 * (n - 1)))];
        if (!(lim > 0)) lim = a[n - 1] > 0 ? a[n - 1] : 1;
        return niceCeil(lim);
    }

    /** Rounds up to 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten. */
    static double niceCeil(double x) {
        double p = Math.pow(10, Math.floor(Math.log10(x)));
        for (double m : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) if (m * p >= x * (1 - 1e-12)) return m * p;
        return 10 * p;
    }

    static Panel selectivityPanel(SelectivityMap m, double vmax, String title) {
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
        boolean[] outline = islandCells(m.mask(), m.layout(), m.islands().minSize());
        return new Panel(m.layout(), rgb, outline, m.contrast().region(), title);
    }

    /** Cells of the queen-connected components of {@code mask} with at least {@code minSize} cells. */
    static boolean[] islandCells(boolean[] mask, SheetLayout l, int minSize) {
        ComponentLabels c = Components.label(mask, l.rows(), l.cols());
        boolean[] out = new boolean[mask.length];
        for (int label = 1; label <= c.count(); label++) {
            if (c.size(label) < minSize) continue;
            for (int cell : c.cells(label)) out[cell] = true;
        }
        return out;
    }

    // ------------------------------------------------------------------ preference map

    /** The preferred-condition map of a retinotopy or tonotopy design. */
    public static BufferedImage preference(PreferenceMap m, String title) {
        List<String> labels = m.design().labels();
        int[] colours = preferenceColours(m);
        Panel p = preferencePanel(m, colours);
        int s = scaleFor(m.layout(), 1000, 1000);
        int w = m.layout().cols() * s, h = m.layout().rows() * s;
        int top = 64;
        int legX = LEFT + w + RIGHT + 14;
        int width = legX + 190;
        int height = Math.max(top + ABOVE + h + BELOW + 16, top + ABOVE + 40 + 22 * (labels.size() + 2));
        BufferedImage img = canvas(width, height);
        Graphics2D g = graphics(img);
        text(g, title, TITLE, 14, 24, Color.BLACK);
        String where = m.design().region().id() + " stacks";
        text(g, String.format(Locale.ROOT, "one-way ANOVA over %d conditions  |  read in the %s: %,d significant units (q < %s)  |  FWHM %.2f",
                labels.size(), where, m.nSignificant(), fmtQ(m.qThreshold()), m.fwhm()), SUBTITLE, 14, 46, new Color(0x333333));
        drawPanel(g, p, LEFT, top + ABOVE, s);
        int y = top + ABOVE + 8;
        text(g, m.design().quantity(), LABEL_BOLD, legX, y + 10, Color.BLACK);
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

    static int[] preferenceColours(PreferenceMap m) {
        boolean cyclic = m.design().scale() == org.topoomni.map.PreferenceAnalysis.Scale.CYCLIC;
        return ColorMaps.categorical(m.design().labels().size(), cyclic);
    }

    static Panel preferencePanel(PreferenceMap m, int[] colours) {
        int[] rgb = new int[m.preferred().length];
        for (int u = 0; u < rgb.length; u++) rgb[u] = m.preferred()[u] < 0 ? NOT_SIGNIFICANT : colours[m.preferred()[u]];
        return new Panel(m.layout(), rgb, null, m.design().region(), null);
    }

    /**
     * Two preferred-condition maps of the same design (topographic and control) side by side, with
     * one legend that gives each condition's number of preferring units in both.
     */
    public static BufferedImage preferenceSideBySide(PreferenceMap a, String labelA, PreferenceMap b, String labelB, String title) {
        SheetLayout l = a.layout();
        if (l.rows() != b.layout().rows() || l.cols() != b.layout().cols()) {
            throw new IllegalArgumentException("cannot compare maps of different sheets: " + l.rows() + " x " + l.cols() + " and "
                    + b.layout().rows() + " x " + b.layout().cols());
        }
        if (!a.design().categories().equals(b.design().categories())) {
            throw new IllegalArgumentException("cannot compare " + a.design().name() + " maps with different conditions: " + a.design().categories()
                    + " and " + b.design().categories());
        }
        List<String> labels = a.design().labels();
        int[] colours = preferenceColours(a);
        int s = scaleFor(l, 520, 700);
        int w = l.cols() * s, h = l.rows() * s;
        int top = 58, panelTitle = 40;
        int x1 = LEFT, x2 = LEFT + w + RIGHT + 24 + LEFT;
        int legX = x2 + w + RIGHT + 14;
        BufferedImage probe = canvas(1, 1);
        Graphics2D pg = probe.createGraphics();
        int legW = Math.max(200, pg.getFontMetrics(LABEL_BOLD).stringWidth(a.design().quantity()) + 16);
        pg.dispose();
        int width = legX + legW;
        int py = top + panelTitle + ABOVE;
        int height = Math.max(py + h + BELOW + 16, py + 40 + 22 * (labels.size() + 3));
        BufferedImage img = canvas(width, height);
        Graphics2D g = graphics(img);
        text(g, title, TITLE, 14, 24, Color.BLACK);
        text(g, String.format(Locale.ROOT, "one-way ANOVA over %d conditions  |  significant units (q < %s) in the %s stacks coloured by the condition they prefer  |  FWHM %.2f",
                labels.size(), fmtQ(a.qThreshold()), a.design().region().id(), a.fwhm()), SUBTITLE, 14, 46, new Color(0x333333));
        PreferenceMap[] maps = {a, b};
        String[] names = {labelA, labelB};
        int[] xs = {x1, x2};
        for (int i = 0; i < 2; i++) {
            text(g, names[i], LABEL_BOLD, xs[i], top + 14, Color.BLACK);
            text(g, String.format(Locale.ROOT, "%,d significant units", maps[i].nSignificant()), LABEL, xs[i], top + 32, new Color(0x333333));
            drawPanel(g, preferencePanel(maps[i], colours), xs[i], py, s);
        }
        int y = py + 8;
        text(g, a.design().quantity(), LABEL_BOLD, legX, y + 10, Color.BLACK);
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

    /** Colour of a stack's even layers by modality (odd layers are lighter). */
    static int stackColour(org.topoomni.sheet.Modality m) {
        return switch (m) {
            case VISION -> 0x6baed6;
            case AUDIO -> 0xfd8d3c;
            case LANGUAGE -> 0x74c476;
        };
    }

    /**
     * The sheet's layout: every stack's band in its modality's colour, its layers in alternating
     * shades (layer 0 at the top), with the stack outlines, names and layer ticks of every map, and
     * a legend giving each stack's layers, width and place.
     */
    public static BufferedImage layout(SheetLayout l, String title) {
        int[] rgb = new int[l.units()];
        java.util.Arrays.fill(rgb, 0xffffff);
        for (Band b : l.bands()) {
            int base = stackColour(b.stack().modality());
            for (int r = b.top(); r < b.bottom(); r++) {
                for (int col = b.left(); col < b.right(); col++) {
                    rgb[r * l.cols() + col] = b.layerAt(r, col) % 2 == 0 ? base : ColorMaps.mix(base, 0xffffff, 0.5);
                }
            }
        }
        Panel p = new Panel(l, rgb, null, null, null);
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
        drawPanel(g, p, LEFT, top + ABOVE, s);
        int y = top + ABOVE + 8;
        text(g, "stacks", LABEL_BOLD, legX, y + 10, Color.BLACK);
        y += 26;
        for (Band b : l.bands()) {
            swatch(g, legX, y, stackColour(b.stack().modality()), false);
            swatch(g, legX + 18, y, ColorMaps.mix(stackColour(b.stack().modality()), 0xffffff, 0.5), false);
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
    public static BufferedImage sideBySide(SelectivityMap a, String labelA, SelectivityMap b, String labelB, String title) {
        if (a.layout().rows() != b.layout().rows() || a.layout().cols() != b.layout().cols()) {
            throw new IllegalArgumentException("cannot compare maps of different sheets: " + a.layout().rows() + " x " + a.layout().cols()
                    + " and " + b.layout().rows() + " x " + b.layout().cols());
        }
        double vmax = symmetricLimit(a.t(), b.t());
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
        text(g, a.contrast().label() + "  |  shared colour limits  |  islands outlined inside the " + a.contrast().region().id()
                + (a.contrast().region() == Region.ALL ? " sheet" : " stacks"), SUBTITLE, 14, 46, new Color(0x333333));
        int py = top + panelTitle + ABOVE;
        panelHeader(g, a, labelA, x1, top + 14);
        panelHeader(g, b, labelB, x2, top + 14);
        drawPanel(g, selectivityPanel(a, vmax, null), x1, py, s);
        drawPanel(g, selectivityPanel(b, vmax, null), x2, py, s);
        colourBar(g, barX, py + 8, Math.min(h - 16, 320), vmax, "Welch t (ON > OFF)");
        legendSelectivity(g, LEFT, py + h + BELOW + 22, a.qThreshold(), a.islands().minSize(), a.contrast().region());
        g.dispose();
        return img;
    }

    private static void panelHeader(Graphics2D g, SelectivityMap m, String label, int x, int y) {
        text(g, label, LABEL_BOLD, x, y, Color.BLACK);
        String stats = Double.isNaN(m.islands().meanI())
                ? String.format(Locale.ROOT, "%,d significant units, no islands", m.nSignificant())
                : String.format(Locale.ROOT, "Moran's I %.2f, %d island%s, %,d significant units", m.islands().meanI(),
                m.islands().nIslands(), m.islands().nIslands() == 1 ? "" : "s", m.nSignificant());
        text(g, stats, LABEL, x, y + 18, new Color(0x333333));
    }

    // ------------------------------------------------------------------ drawing

    /** What one panel shows: a colour per cell, cells to outline (null: none), the region to emphasise. */
    record Panel(SheetLayout layout, int[] rgb, boolean[] outline, Region region, String title) {}

    static BufferedImage canvas(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        return g;
    }

    static void text(Graphics2D g, String s, Font f, int x, int y, Color c) {
        g.setFont(f);
        g.setColor(c);
        g.drawString(s, x, y);
    }

    static void textCentered(Graphics2D g, String s, Font f, int cx, int y, Color c) {
        g.setFont(f);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(c);
        g.drawString(s, cx - fm.stringWidth(s) / 2, y);
    }

    static void textRight(Graphics2D g, String s, Font f, int right, int y, Color c) {
        g.setFont(f);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(c);
        g.drawString(s, right - fm.stringWidth(s), y);
    }

    static void textVertical(Graphics2D g, String s, Font f, int x, int cy, Color c) {
        AffineTransform old = g.getTransform();
        g.setFont(f);
        int w = g.getFontMetrics().stringWidth(s);
        g.translate(x, cy + w / 2.0);
        g.rotate(-Math.PI / 2);
        g.setColor(c);
        g.drawString(s, 0, 0);
        g.setTransform(old);
    }

    /** Draws a panel with its top-left cell at (x, y): cells, island outlines, stacks, labels, layer ticks. */
    static void drawPanel(Graphics2D g, Panel p, int x, int y, int s) {
        SheetLayout l = p.layout();
        int rows = l.rows(), cols = l.cols();
        BufferedImage cells = new BufferedImage(cols * s, rows * s, BufferedImage.TYPE_INT_RGB);
        int[] line = new int[cols * s];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) Arrays.fill(line, c * s, (c + 1) * s, p.rgb()[r * cols + c]);
            for (int k = 0; k < s; k++) cells.setRGB(0, r * s + k, cols * s, 1, line, 0, cols * s);
        }
        g.drawImage(cells, x, y, null);

        if (p.outline() != null) {
            g.setColor(Color.BLACK);
            int lw = s >= 6 ? 2 : 1;
            boolean[] o = p.outline();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    if (!o[r * cols + c]) continue;
                    int px = x + c * s, py = y + r * s;
                    if (r == 0 || !o[(r - 1) * cols + c]) g.fillRect(px, py, s, lw);
                    if (r == rows - 1 || !o[(r + 1) * cols + c]) g.fillRect(px, py + s - lw, s, lw);
                    if (c == 0 || !o[r * cols + c - 1]) g.fillRect(px, py, lw, s);
                    if (c == cols - 1 || !o[r * cols + c + 1]) g.fillRect(px + s - lw, py, lw, s);
                }
            }
        }

        // Stack outlines; the region's stacks heavier.
        for (Band b : l.bands()) {
            boolean inRegion = p.region() != null && p.region() != Region.ALL && b.stack().modality() == p.region().modality();
            g.setColor(inRegion ? Color.BLACK : new Color(0x555555));
            g.setStroke(new BasicStroke(inRegion ? 3f : 1.5f));
            g.drawRect(x + b.left() * s, y + b.top() * s, b.cols() * s, b.rows() * s);
        }
        if (p.region() == Region.ALL) {
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(3f));
            g.drawRect(x, y, cols * s, rows * s);
        }
        g.setStroke(new BasicStroke(1f));

        // Stack names: above the bands that start at the top, below the others.
        for (Band b : l.bands()) {
            int cx = x + (b.left() + b.cols() / 2) * s;
            String name = b.stack().name() + (b.stack().name().equals(b.stack().modality().id()) ? "" : " (" + b.stack().modality().id() + ")");
            if (b.top() == 0) textCentered(g, name, LABEL_BOLD, cx, y - 8, Color.BLACK);
            else textCentered(g, name, LABEL_BOLD, cx, y + rows * s + 17, Color.BLACK);
        }

        // Layer ticks: left side for bands touching the left edge, right side for bands touching the right edge.
        for (Band b : l.bands()) {
            if (b.left() == 0) layerTicks(g, b, x, y, s, true);
            if (b.right() == cols && !(b.left() == 0 && b.top() > 0)) layerTicks(g, b, x + cols * s, y, s, false);
        }
    }

    private static void layerTicks(Graphics2D g, Band b, int edgeX, int y, int s, boolean left) {
        int layerPx = (int) Math.max(1, Math.round(b.rowsPerLayer() * s));
        int every = 1;
        while (every * layerPx < 15) every = every == 1 ? 2 : every == 2 ? 4 : every == 4 ? 5 : every == 5 ? 8 : every * 2;
        g.setFont(SMALL);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(new Color(0x333333));
        for (int layer = 0; layer < b.stack().layers(); layer++) {
            int yTop = y + b.layerTop(layer) * s;
            boolean labelled = layer % every == 0;
            int len = labelled ? 6 : 3;
            if (layerPx >= 3 || labelled) {
                if (left) g.fillRect(edgeX - len, yTop, len, 1);
                else g.fillRect(edgeX, yTop, len, 1);
            }
            if (labelled) {
                String s1 = Integer.toString(layer);
                int ty = yTop + Math.min(layerPx, 2 * fm.getAscent()) / 2 + fm.getAscent() / 2 - 1;
                if (left) g.drawString(s1, edgeX - 8 - fm.stringWidth(s1), ty);
                else g.drawString(s1, edgeX + 8, ty);
            }
        }
        // axis label per stack, so that the layer numbers restarting at each stack are not misread
        String label = b.stack().name() + " layer";
        if (fm.stringWidth(label) > b.rows() * s - 4) label = "layer";
        int cy = y + (b.top() + b.rows() / 2) * s;
        if (left) textVertical(g, label, SMALL, edgeX - LEFT + 14, cy, new Color(0x333333));
        else textVertical(g, label, SMALL, edgeX + 34, cy, new Color(0x333333));
    }

    /** Vertical diverging colour bar from -vmax to +vmax with ticks and a rotated label. */
    static void colourBar(Graphics2D g, int x, int y, int h, double vmax, String label) {
        int w = 18;
        for (int i = 0; i < h; i++) {
            double v = 1 - 2.0 * i / (h - 1);
            g.setColor(new Color(ColorMaps.diverging(v)));
            g.fillRect(x, y + i, w, 1);
        }
        g.setColor(Color.BLACK);
        g.drawRect(x, y, w, h);
        g.setFont(SMALL);
        FontMetrics fm = g.getFontMetrics();
        double[] ticks = {vmax, vmax / 2, 0, -vmax / 2, -vmax};
        int maxW = 0;
        for (int i = 0; i < ticks.length; i++) {
            int ty = y + (int) Math.round(i * (h - 1) / 4.0);
            g.fillRect(x + w, ty, 4, 1);
            String s = tickLabel(ticks[i]);
            maxW = Math.max(maxW, fm.stringWidth(s));
            g.drawString(s, x + w + 7, ty + fm.getAscent() / 2 - 1);
        }
        textVertical(g, label, SMALL, x + w + 14 + maxW + fm.getAscent(), y + h / 2, Color.BLACK);
        g.setFont(SMALL);
        int cy = y + h + 16;
        for (String part : new String[] {"colour clipped", "at |t| = " + tickLabel(vmax)}) {
            g.drawString(part, x - 6, cy);
            cy += 14;
        }
    }

    static String tickLabel(double v) {
        if (v == 0) return "0";
        if (Math.abs(v) >= 10 || v == Math.rint(v)) return String.format(Locale.ROOT, "%.0f", v);
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static void legendSelectivity(Graphics2D g, int x, int y, double q, int minSize, Region region) {
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
        if (region != Region.ALL) {
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(3f));
            g.drawRect(cx, y - 12, 16, 14);
            g.setStroke(new BasicStroke(1f));
            text(g, "contrast's region", LABEL, cx + 22, y, Color.BLACK);
        }
    }

    private static void swatch(Graphics2D g, int x, int y, int rgb, boolean blackOutline) {
        g.setColor(new Color(rgb));
        g.fillRect(x, y, 16, 14);
        g.setColor(blackOutline ? Color.BLACK : new Color(0x777777));
        if (blackOutline) {
            g.setStroke(new BasicStroke(2f));
            g.drawRect(x + 1, y + 1, 14, 12);
            g.setStroke(new BasicStroke(1f));
        } else {
            g.drawRect(x, y, 16, 14);
        }
    }
}

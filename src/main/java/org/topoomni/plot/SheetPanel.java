package org.topoomni.plot;

import org.topoomni.sheet.Band;
import org.topoomni.sheet.Modality;
import org.topoomni.sheet.SheetLayout;
import org.topoomni.stats.ComponentLabels;
import org.topoomni.stats.Components;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * One picture of the whole sheet: a colour per cell, cells to outline (islands), and the stacks
 * drawn over it (outlines, the emphasised region heavier, names, layer ticks along the sides).
 * Each sheet cell is an s x s block of pixels.
 *
 * @param layout  the sheet
 * @param rgb     row-major colour per cell
 * @param outline row-major cells whose boundary is drawn in black (null: none)
 * @param region  the part of the sheet outlined heavier
 * @param title   not drawn by the panel; for the figure that holds it
 */
public record SheetPanel(SheetLayout layout, int[] rgb, boolean[] outline, Emphasis region, String title) {

    /** Margins around one panel: room for the layer ticks and the stack names. */
    public static final int LEFT = 66, RIGHT = 40, ABOVE = 24, BELOW = 22;

    /** Pixels per sheet cell for a panel of about {@code targetWidth} pixels, at most {@code maxHeight} tall. */
    public static int scaleFor(SheetLayout l, int targetWidth, int maxHeight) {
        int s = (int) Math.round((double) targetWidth / l.cols());
        s = Math.min(s, (int) Math.round((double) maxHeight / l.rows()));
        return Math.max(1, s);
    }

    /** Cells of the queen-connected components of {@code mask} with at least {@code minSize} cells. */
    public static boolean[] islandCells(boolean[] mask, SheetLayout l, int minSize) {
        ComponentLabels c = Components.label(mask, l.rows(), l.cols());
        boolean[] out = new boolean[mask.length];
        for (int label = 1; label <= c.count(); label++) {
            if (c.size(label) < minSize) continue;
            for (int cell : c.cells(label)) out[cell] = true;
        }
        return out;
    }

    /** Colour of a stack's even layers by modality (odd layers are lighter). */
    public static int stackColour(Modality m) {
        return switch (m) {
            case VISION -> 0x6baed6;
            case AUDIO -> 0xfd8d3c;
            case LANGUAGE -> 0x74c476;
        };
    }

    /** Draws the panel with its top-left cell at (x, y), {@code s} pixels per cell: cells, island outlines, stacks, labels, layer ticks. */
    public void draw(Graphics2D g, int x, int y, int s) {
        SheetLayout l = layout;
        int rows = l.rows(), cols = l.cols();
        BufferedImage cells = new BufferedImage(cols * s, rows * s, BufferedImage.TYPE_INT_RGB);
        int[] line = new int[cols * s];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) Arrays.fill(line, c * s, (c + 1) * s, rgb[r * cols + c]);
            for (int k = 0; k < s; k++) cells.setRGB(0, r * s + k, cols * s, 1, line, 0, cols * s);
        }
        g.drawImage(cells, x, y, null);

        if (outline != null) {
            g.setColor(Color.BLACK);
            int lw = s >= 6 ? 2 : 1;
            boolean[] o = outline;
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
            boolean inRegion = region != null && region.outlines(b.stack().name());
            g.setColor(inRegion ? Color.BLACK : new Color(0x555555));
            g.setStroke(new BasicStroke(inRegion ? 3f : 1.5f));
            g.drawRect(x + b.left() * s, y + b.top() * s, b.cols() * s, b.rows() * s);
        }
        if (region != null && region.wholeSheet()) {
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(3f));
            g.drawRect(x, y, cols * s, rows * s);
        }
        g.setStroke(new BasicStroke(1f));

        // Stack names: above the bands that start at the top, below the others.
        for (Band b : l.bands()) {
            int cx = x + (b.left() + b.cols() / 2) * s;
            String name = b.stack().name() + (b.stack().name().equals(b.stack().modality().id()) ? "" : " (" + b.stack().modality().id() + ")");
            if (b.top() == 0) Draw.textCentered(g, name, Draw.LABEL_BOLD, cx, y - 8, Color.BLACK);
            else Draw.textCentered(g, name, Draw.LABEL_BOLD, cx, y + rows * s + 17, Color.BLACK);
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
        g.setFont(Draw.SMALL);
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
        if (left) Draw.textVertical(g, label, Draw.SMALL, edgeX - LEFT + 14, cy, new Color(0x333333));
        else Draw.textVertical(g, label, Draw.SMALL, edgeX + 34, cy, new Color(0x333333));
    }
}

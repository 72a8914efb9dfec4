package org.topoomni.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Line charts drawn with Java2D, panels stacked vertically and sharing the x axis.
 * <ul>
 * <li>{@link #write}: training curves, one panel per series (each with its own y axis); a light
 * line shows every point, a dark line a running mean.</li>
 * <li>{@link #writePanels}: several labelled lines per panel (e.g. dose-response curves of
 * several conditions), with point markers, an optional fixed y range and a legend.</li>
 * </ul>
 */
public final class LinePlot {
    public record Series(String name, double[] y) {}

    /** A line of a panel: its label (legend), values, colour (RGB), and whether it is dashed. */
    public record Line(String label, double[] y, int rgb, boolean dashed) {}

    /** A panel: a title and its lines. */
    public record Panel(String title, List<Line> lines) {}

    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd)};
    private static final int WIDTH = 900, PANEL_HEIGHT = 230, LEFT = 80;

    private LinePlot() {}

    public static void write(Path file, String title, String xLabel, double[] x, List<Series> series) throws IOException {
        List<Panel> panels = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            Color c = COLOURS[s % COLOURS.length];
            double[] y = series.get(s).y();
            panels.add(new Panel(series.get(s).name(), List.of(new Line(null, y, c.getRGB() & 0xffffff, false),
                    new Line(null, runningMean(y, Math.max(1, x.length / 50)), c.getRGB() & 0xffffff, false))));
        }
        draw(file, title, xLabel, x, panels, Double.NaN, Double.NaN, true);
    }

    /**
     * Several lines per panel, with markers at the data points and a legend of the labelled lines;
     * the y range is [{@code yMin}, {@code yMax}] for every panel, or each panel's own data range
     * where they are NaN. x ticks are the x values themselves.
     */
    public static void writePanels(Path file, String title, String xLabel, double[] x, List<Panel> panels, double yMin, double yMax)
            throws IOException {
        if (x.length == 0) throw new IllegalArgumentException("a line plot needs at least one x value");
        for (Panel p : panels) {
            for (Line l : p.lines()) {
                if (l.y().length != x.length) {
                    throw new IllegalArgumentException("line '" + l.label() + "' of panel '" + p.title() + "' has " + l.y().length
                            + " values for " + x.length + " x values");
                }
            }
        }
        draw(file, title, xLabel, x, panels, yMin, yMax, false);
    }

    private static void draw(Path file, String title, String xLabel, double[] x, List<Panel> panels, double fixedMin, double fixedMax,
                             boolean trainingStyle) throws IOException {
        int top = trainingStyle ? 40 : 60, gap = trainingStyle ? 30 : 40; // titles above the panels need room
        int h = top + panels.size() * (PANEL_HEIGHT + gap) + 20;
        BufferedImage img = new BufferedImage(WIDTH, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, h);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, 20, 26);
        for (int s = 0; s < panels.size(); s++) {
            Panel panel = panels.get(s);
            int y0 = top + s * (PANEL_HEIGHT + gap), right = WIDTH - (trainingStyle ? 30 : 250), bottom = y0 + PANEL_HEIGHT - 30;
            double xmin = x.length == 0 ? 0 : x[0], xmax = x.length == 0 ? 1 : x[x.length - 1];
            double ymin = fixedMin, ymax = fixedMax;
            if (Double.isNaN(ymin) || Double.isNaN(ymax)) {
                ymin = Double.POSITIVE_INFINITY;
                ymax = Double.NEGATIVE_INFINITY;
                for (Line l : panel.lines()) for (double v : l.y()) if (Double.isFinite(v)) { ymin = Math.min(ymin, v); ymax = Math.max(ymax, v); }
                if (!Double.isFinite(ymin)) { ymin = 0; ymax = 1; }
                if (ymax - ymin < 1e-12) { ymax += 0.5; ymin -= 0.5; }
            }
            double pad = 0.05 * (ymax - ymin);
            ymin -= pad;
            ymax += pad;
            g.setColor(new Color(0xf4f4f4));
            g.fillRect(LEFT, y0, right - LEFT, bottom - y0);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.setStroke(new BasicStroke(1f));
            for (int k = 0; k <= 4; k++) {
                double v = trainingStyle ? ymin + (ymax - ymin) * k / 4 : ymin + pad + (ymax - ymin - 2 * pad) * k / 4;
                int py = (int) (bottom - (v - ymin) / (ymax - ymin) * (bottom - y0));
                g.setColor(new Color(0xdddddd));
                g.drawLine(LEFT, py, right, py);
                g.setColor(Color.DARK_GRAY);
                g.drawString(String.format(Locale.ROOT, "%.3g", v), 10, py + 4);
            }
            double[] ticks = trainingStyle ? evenTicks(xmin, xmax) : x;
            for (double v : ticks) {
                int px = (int) (LEFT + (v - xmin) / Math.max(1e-12, xmax - xmin) * (right - LEFT));
                g.drawString(trainingStyle || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v)
                        : String.format(Locale.ROOT, "%.3g", v).replaceAll("0+$", ""), px - 10, bottom + 16);
            }
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.drawString(panel.title(), LEFT + (trainingStyle ? 8 : 0), trainingStyle ? y0 + 16 : y0 - 6);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString(xLabel, right - 40, bottom + 28);
            int legendY = y0 + 14;
            for (int i = 0; i < panel.lines().size(); i++) {
                Line l = panel.lines().get(i);
                Color c = new Color(l.rgb());
                if (trainingStyle && i == 0) c = new Color(c.getRed(), c.getGreen(), c.getBlue(), 70);
                float width = trainingStyle && i == 0 ? 1f : 2f;
                drawLine(g, x, l.y(), xmin, xmax, ymin, ymax, LEFT, right, y0, bottom, c, width, l.dashed(), !trainingStyle);
                if (!trainingStyle && l.label() != null) {
                    g.setStroke(stroke(2f, l.dashed()));
                    g.setColor(c);
                    g.drawLine(right + 12, legendY - 4, right + 40, legendY - 4);
                    g.setColor(Color.BLACK);
                    g.drawString(l.label(), right + 46, legendY);
                    legendY += 16;
                }
            }
        }
        g.dispose();
        org.topoomni.io.AtomicFiles.writePng(file, img);
    }

    private static double[] evenTicks(double xmin, double xmax) {
        double[] t = new double[6];
        for (int k = 0; k <= 5; k++) t[k] = xmin + (xmax - xmin) * k / 5;
        return t;
    }

    private static BasicStroke stroke(float width, boolean dashed) {
        return dashed ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
                : new BasicStroke(width);
    }

    private static void drawLine(Graphics2D g, double[] x, double[] y, double xmin, double xmax, double ymin, double ymax,
                                 int left, int right, int top, int bottom, Color c, float width, boolean dashed, boolean markers) {
        Path2D.Double p = new Path2D.Double();
        boolean started = false;
        g.setColor(c);
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(y[i])) continue;
            double px = left + (x[i] - xmin) / Math.max(1e-12, xmax - xmin) * (right - left);
            double py = bottom - (y[i] - ymin) / (ymax - ymin) * (bottom - top);
            if (!started) { p.moveTo(px, py); started = true; } else p.lineTo(px, py);
            if (markers) g.fillOval((int) Math.round(px) - 3, (int) Math.round(py) - 3, 7, 7);
        }
        g.setStroke(stroke(width, dashed));
        g.draw(p);
    }

    static double[] runningMean(double[] y, int window) {
        double[] out = new double[y.length];
        double sum = 0;
        int n = 0;
        for (int i = 0; i < y.length; i++) {
            if (Double.isFinite(y[i])) { sum += y[i]; n++; }
            if (i >= window && Double.isFinite(y[i - window])) { sum -= y[i - window]; n--; }
            out[i] = n == 0 ? Double.NaN : sum / n;
        }
        return out;
    }
}

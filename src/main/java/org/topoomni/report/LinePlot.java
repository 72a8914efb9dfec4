package org.topoomni.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Training curves: one panel per series (each with its own y axis), sharing the x axis, drawn
 * with Java2D. A light line shows every point, a dark line a running mean.
 */
public final class LinePlot {
    public record Series(String name, double[] y) {}

    private LinePlot() {}

    public static void write(Path file, String title, String xLabel, double[] x, List<Series> series) throws IOException {
        int w = 900, panelH = 230, top = 40, gap = 30;
        int h = top + series.size() * (panelH + gap) + 20;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, 20, 26);
        Color[] colours = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd)};
        for (int s = 0; s < series.size(); s++) {
            Series se = series.get(s);
            int y0 = top + s * (panelH + gap), left = 80, right = w - 30, bottom = y0 + panelH - 30;
            double xmin = x.length == 0 ? 0 : x[0], xmax = x.length == 0 ? 1 : x[x.length - 1];
            double ymin = Double.POSITIVE_INFINITY, ymax = Double.NEGATIVE_INFINITY;
            for (double v : se.y()) if (Double.isFinite(v)) { ymin = Math.min(ymin, v); ymax = Math.max(ymax, v); }
            if (!Double.isFinite(ymin)) { ymin = 0; ymax = 1; }
            if (ymax - ymin < 1e-12) { ymax += 0.5; ymin -= 0.5; }
            double pad = 0.05 * (ymax - ymin);
            ymin -= pad;
            ymax += pad;
            g.setColor(new Color(0xf4f4f4));
            g.fillRect(left, y0, right - left, bottom - y0);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            for (int k = 0; k <= 4; k++) {
                double v = ymin + (ymax - ymin) * k / 4;
                int py = (int) (bottom - (v - ymin) / (ymax - ymin) * (bottom - y0));
                g.setColor(new Color(0xdddddd));
                g.drawLine(left, py, right, py);
                g.setColor(Color.DARK_GRAY);
                g.drawString(String.format(Locale.ROOT, "%.3g", v), 10, py + 4);
            }
            for (int k = 0; k <= 5; k++) {
                double v = xmin + (xmax - xmin) * k / 5;
                int px = (int) (left + (v - xmin) / Math.max(1e-12, xmax - xmin) * (right - left));
                g.drawString(String.format(Locale.ROOT, "%.0f", v), px - 10, bottom + 16);
            }
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.drawString(se.name(), left + 8, y0 + 16);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString(xLabel, right - 40, bottom + 28);
            Color c = colours[s % colours.length];
            drawLine(g, x, se.y(), xmin, xmax, ymin, ymax, left, right, y0, bottom, new Color(c.getRed(), c.getGreen(), c.getBlue(), 70), 1f);
            drawLine(g, x, runningMean(se.y(), Math.max(1, x.length / 50)), xmin, xmax, ymin, ymax, left, right, y0, bottom, c, 2f);
        }
        g.dispose();
        org.topoomni.io.AtomicFiles.writePng(file, img);
    }

    private static void drawLine(Graphics2D g, double[] x, double[] y, double xmin, double xmax, double ymin, double ymax,
                                 int left, int right, int top, int bottom, Color c, float width) {
        Path2D.Double p = new Path2D.Double();
        boolean started = false;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(y[i])) continue;
            double px = left + (x[i] - xmin) / Math.max(1e-12, xmax - xmin) * (right - left);
            double py = bottom - (y[i] - ymin) / (ymax - ymin) * (bottom - top);
            if (!started) { p.moveTo(px, py); started = true; } else p.lineTo(px, py);
        }
        g.setColor(c);
        g.setStroke(new BasicStroke(width));
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

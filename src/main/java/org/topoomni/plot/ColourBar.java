package org.topoomni.plot;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.Locale;

/** A vertical colour bar of the diverging map, from -vmax (bottom) to +vmax (top), with ticks and a rotated label. */
public final class ColourBar {

    private ColourBar() {
    }

    /** Draws the bar with its top-left corner at (x, y), {@code h} pixels tall, and says where colours clip. */
    public static void diverging(Graphics2D g, int x, int y, int h, double vmax, String label) {
        int w = 18;
        for (int i = 0; i < h; i++) {
            double v = 1 - 2.0 * i / (h - 1);
            g.setColor(new Color(ColorMaps.diverging(v)));
            g.fillRect(x, y + i, w, 1);
        }
        g.setColor(Color.BLACK);
        g.drawRect(x, y, w, h);
        g.setFont(Draw.SMALL);
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
        Draw.textVertical(g, label, Draw.SMALL, x + w + 14 + maxW + fm.getAscent(), y + h / 2, Color.BLACK);
        g.setFont(Draw.SMALL);
        int cy = y + h + 16;
        for (String part : new String[] {"colour clipped", "at |t| = " + tickLabel(vmax)}) {
            g.drawString(part, x - 6, cy);
            cy += 14;
        }
    }

    /** A tick value: "0", whole numbers without decimals, others with one. */
    public static String tickLabel(double v) {
        if (v == 0) return "0";
        if (Math.abs(v) >= 10 || v == Math.rint(v)) return String.format(Locale.ROOT, "%.0f", v);
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /**
     * Symmetric colour limit: the 99.5th percentile of |v| over the finite values (so that a few
     * extreme units do not wash out the map), rounded up to a round number; 1 if there are none.
     */
    public static double symmetricLimit(double[]... maps) {
        int n = 0;
        for (double[] t : maps) for (double v : t) if (Double.isFinite(v)) n++;
        if (n == 0) return 1;
        double[] a = new double[n];
        int i = 0;
        for (double[] t : maps) for (double v : t) if (Double.isFinite(v)) a[i++] = Math.abs(v);
        java.util.Arrays.sort(a);
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
}

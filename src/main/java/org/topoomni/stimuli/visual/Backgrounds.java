package org.topoomni.stimuli.visual;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

import static org.topoomni.stimuli.visual.Drawing.*;

/**
 * Backgrounds for figure-on-ground categories. Every such category (faces, bodies, objects and
 * the everyday categories) draws from the SAME distribution of backgrounds, so that the
 * background carries no information about the category: plain gradients, cluttered shapes,
 * smooth noise textures, fabric-like stripes and checks, and wall-plus-table splits.
 */
final class Backgrounds {
    private Backgrounds() {}

    static final String[] STYLES = {"gradient", "clutter", "texture", "pattern", "tabletop"};

    /** Paints a background over the whole image and returns the style's name. */
    static String paint(BufferedImage img, SplittableRandom r) {
        int style = r.nextInt(STYLES.length);
        int w = img.getWidth(), h = img.getHeight();
        Graphics2D g = graphics(img);
        switch (style) {
            case 0 -> gradient(g, w, h, r);
            case 1 -> clutter(g, w, h, r);
            case 2 -> texture(img, r);
            case 3 -> pattern(g, w, h, r);
            default -> tabletop(g, w, h, r);
        }
        g.dispose();
        return STYLES[style];
    }

    static void gradient(Graphics2D g, int w, int h, SplittableRandom r) {
        Color a = muted(r), b = jitter(a, r, 0.5);
        double ang = u(r, 0, 2 * Math.PI);
        double cx = w / 2.0, cy = h / 2.0, rad = Math.hypot(w, h) / 2;
        g.setPaint(new GradientPaint((float) (cx + Math.cos(ang) * rad), (float) (cy + Math.sin(ang) * rad), a,
                (float) (cx - Math.cos(ang) * rad), (float) (cy - Math.sin(ang) * rad), b));
        g.fillRect(0, 0, w, h);
    }

    /** Randomly placed low-contrast shapes: rectangles, ellipses, bars and lines. */
    static void clutter(Graphics2D g, int w, int h, SplittableRandom r) {
        Color base = muted(r);
        fill(g, rect(0, 0, w, h), base);
        int n = i(r, 10, 28);
        double m = Math.min(w, h);
        for (int k = 0; k < n; k++) {
            Color c = mix(muted(r), base, u(r, 0.25, 0.6));
            double x = u(r, -0.1, 1.1) * w, y = u(r, -0.1, 1.1) * h;
            double sx = u(r, 0.05, 0.45) * m, sy = u(r, 0.05, 0.45) * m;
            switch (r.nextInt(4)) {
                case 0 -> fill(g, rect(x - sx / 2, y - sy / 2, sx, sy), c);
                case 1 -> fill(g, ellipse(x, y, sx / 2, sy / 2), c);
                case 2 -> fill(g, round(x - sx / 2, y - sy / 8, sx, sy / 4, sy / 8), c);
                default -> stroke(g, new Line2D.Double(x, y, x + u(r, -0.5, 0.5) * m, y + u(r, -0.5, 0.5) * m), c,
                        u(r, 0.5, 3.0) * m / 96);
            }
        }
    }

    /** Smooth value noise in two colours (plaster, stone, foliage blur...). */
    static void texture(BufferedImage img, SplittableRandom r) {
        int w = img.getWidth(), h = img.getHeight();
        Color a = muted(r), b = jitter(muted(r), r, 0.3);
        float[] n1 = valueNoise(w, h, i(r, 3, 7), r), n2 = valueNoise(w, h, i(r, 10, 20), r);
        double wFine = u(r, 0.1, 0.4);
        int[] px = new int[w * h];
        for (int k = 0; k < px.length; k++) {
            double t = (1 - wFine) * n1[k] + wFine * n2[k];
            Color c = mix(a, b, t);
            px[k] = c.getRGB();
        }
        img.setRGB(0, 0, w, h, px, 0, w);
    }

    /** Stripes or checks (fabric, tiles, wallpaper) at low contrast. */
    static void pattern(Graphics2D g, int w, int h, SplittableRandom r) {
        Color a = muted(r), b = mix(a, muted(r), u(r, 0.2, 0.5));
        fill(g, rect(0, 0, w, h), a);
        double period = u(r, 6, 20) * Math.min(w, h) / 96;
        boolean checks = r.nextBoolean();
        double ang = u(r, 0, Math.PI);
        java.awt.geom.AffineTransform old = g.getTransform();
        g.rotate(ang, w / 2.0, h / 2.0);
        double ext = Math.hypot(w, h);
        g.setPaint(b);
        for (double x = -ext; x < ext * 1.5; x += period) {
            g.fill(rect(x, -ext, period / 2, 3 * ext));
        }
        if (checks) {
            g.setPaint(alpha(shade(b, 0.9), 0.5));
            for (double y = -ext; y < ext * 1.5; y += period) g.fill(rect(-ext, y, 3 * ext, period / 2));
        }
        g.setTransform(old);
    }

    /** A wall and a table or floor surface meeting at a horizontal edge. */
    static void tabletop(Graphics2D g, int w, int h, SplittableRandom r) {
        Color wall = muted(r), table = muted(r);
        double edge = h * u(r, 0.45, 0.8);
        g.setPaint(new GradientPaint(0, 0, shade(wall, 1.1), 0, (float) edge, shade(wall, 0.9)));
        g.fill(rect(0, 0, w, edge));
        g.setPaint(new GradientPaint(0, (float) edge, shade(table, 0.85), 0, h, shade(table, 1.1)));
        g.fill(rect(0, edge, w, h - edge));
        if (r.nextBoolean()) { // wood grain
            Color grain = alpha(shade(table, 0.8), 0.35);
            for (int k = 0; k < 8; k++) {
                double y = edge + u(r, 0, h - edge);
                stroke(g, new Line2D.Double(0, y, w, y + u(r, -3, 3)), grain, u(r, 0.4, 1.2));
            }
        }
    }

    /** Bilinearly interpolated random lattice of {@code cells} x {@code cells}, values in [0, 1]. */
    static float[] valueNoise(int w, int h, int cells, SplittableRandom r) {
        float[] lat = new float[(cells + 1) * (cells + 1)];
        for (int k = 0; k < lat.length; k++) lat[k] = (float) r.nextDouble();
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            double gy = y * cells / (double) h;
            int y0 = (int) gy;
            double fy = smooth(gy - y0);
            for (int x = 0; x < w; x++) {
                double gx = x * cells / (double) w;
                int x0 = (int) gx;
                double fx = smooth(gx - x0);
                double v00 = lat[y0 * (cells + 1) + x0], v10 = lat[y0 * (cells + 1) + x0 + 1];
                double v01 = lat[(y0 + 1) * (cells + 1) + x0], v11 = lat[(y0 + 1) * (cells + 1) + x0 + 1];
                out[y * w + x] = (float) ((v00 * (1 - fx) + v10 * fx) * (1 - fy) + (v01 * (1 - fx) + v11 * fx) * fy);
            }
        }
        return out;
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }
}

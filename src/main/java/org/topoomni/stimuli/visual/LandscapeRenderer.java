package org.topoomni.stimuli.visual;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.SplittableRandom;

import static org.topoomni.stimuli.visual.Drawing.*;

/**
 * Natural landscapes that fill the frame: mountains (ridges by midpoint displacement, snow caps,
 * aerial perspective), sea and beach, forest, desert dunes, a lake among hills, green fields and
 * snowfields, under a day, dusk or overcast sky with sun and clouds. No buildings: built places
 * belong to "scenes".
 */
final class LandscapeRenderer {
    private LandscapeRenderer() {}

    static final String[] LANDSCAPES = {"mountains", "sea", "forest", "desert", "lake", "fields", "snow"};

    static void draw(BufferedImage img, SplittableRandom r, Map<String, String> attrs) {
        String landscape = LANDSCAPES[r.nextInt(LANDSCAPES.length)];
        attrs.put("landscape_kind", landscape);
        Graphics2D g = graphics(img);
        g.scale(img.getWidth() / 100.0, img.getHeight() / 100.0);
        double horizon = switch (landscape) {
            case "sea", "desert", "fields", "snow" -> u(r, 35, 60);
            default -> u(r, 45, 68);
        };
        int time = r.nextInt(landscape.equals("snow") ? 2 : 3); // 0 day, 1 overcast, 2 dusk
        Color skyTop = switch (time) {
            case 0 -> hsb(u(r, 0.55, 0.62), u(r, 0.45, 0.7), u(r, 0.75, 0.9));
            case 1 -> hsb(0.6, 0.08, u(r, 0.6, 0.78));
            default -> hsb(u(r, 0.68, 0.75), u(r, 0.4, 0.6), u(r, 0.4, 0.6));
        };
        Color skyBottom = switch (time) {
            case 0 -> hsb(u(r, 0.55, 0.6), u(r, 0.15, 0.3), 0.97);
            case 1 -> hsb(0.6, 0.05, u(r, 0.82, 0.9));
            default -> hsb(u(r, 0.02, 0.09), u(r, 0.5, 0.7), 0.98);
        };
        g.setPaint(new GradientPaint(0, 0, skyTop, 0, (float) horizon, skyBottom));
        g.fill(rect(0, 0, 100, horizon + 1));
        if (time != 1) {
            double sx = u(r, 10, 90), sy = time == 2 ? horizon - u(r, 3, 12) : u(r, 8, horizon * 0.5);
            Color sun = time == 2 ? new Color(255, 190, 110) : new Color(255, 250, 225);
            g.setPaint(new RadialGradientPaint(new Point2D.Double(sx, sy), 16f, new float[]{0f, 1f},
                    new Color[]{alpha(sun, 0.6), alpha(sun, 0)}));
            g.fill(ellipse(sx, sy, 16, 16));
            fill(g, ellipse(sx, sy, u(r, 3.5, 5.5), u(r, 3.5, 5.5)), sun);
        }
        int clouds = i(r, 0, 5);
        for (int k = 0; k < clouds; k++) {
            double cx = u(r, 0, 100), cy = u(r, 5, horizon * 0.6), s = u(r, 4, 10);
            Color cc = time == 2 ? new Color(255, 200, 190, 200) : new Color(255, 255, 255, 210);
            for (int b = 0; b < 5; b++) fill(g, ellipse(cx + u(r, -s, s) * 1.3, cy + u(r, -s, s) * 0.3, s * u(r, 0.6, 1), s * u(r, 0.4, 0.6)), cc);
        }
        switch (landscape) {
            case "mountains" -> mountains(g, r, horizon, skyBottom, true);
            case "sea" -> sea(g, r, horizon, skyTop, skyBottom);
            case "forest" -> forest(g, r, horizon, skyBottom);
            case "desert" -> desert(g, r, horizon);
            case "lake" -> lake(g, r, horizon, skyTop, skyBottom);
            case "fields" -> fields(g, r, horizon, skyBottom);
            default -> snow(g, r, horizon, skyBottom);
        }
        g.dispose();
    }

    /** A ridge line by midpoint displacement between x = -5 and 105 around height y. */
    static Path2D ridge(SplittableRandom r, double y, double rough, double bottom) {
        int n = 65;
        double[] h = new double[n];
        h[0] = y + u(r, -rough, rough);
        h[n - 1] = y + u(r, -rough, rough);
        fillMid(h, 0, n - 1, rough, r);
        Path2D p = new Path2D.Double();
        p.moveTo(-5, bottom);
        for (int k = 0; k < n; k++) p.lineTo(-5 + 110.0 * k / (n - 1), h[k]);
        p.lineTo(105, bottom);
        p.closePath();
        return p;
    }

    private static void fillMid(double[] h, int a, int b, double rough, SplittableRandom r) {
        if (b - a < 2) return;
        int m = (a + b) / 2;
        h[m] = (h[a] + h[b]) / 2 + u(r, -rough, rough);
        fillMid(h, a, m, rough * 0.55, r);
        fillMid(h, m, b, rough * 0.55, r);
    }

    static void mountains(Graphics2D g, SplittableRandom r, double horizon, Color haze, boolean snowCaps) {
        int layers = i(r, 2, 4);
        Color rock = pick(r, new Color(110, 100, 95), new Color(90, 100, 115), new Color(120, 110, 90));
        for (int k = 0; k < layers; k++) {
            double depth = k / (double) Math.max(1, layers - 1); // 0 far .. 1 near
            double y = horizon - u(r, 18, 35) * (1 - depth * 0.6);
            Path2D m = ridge(r, y, u(r, 12, 22) * (1 - depth * 0.4), 101);
            Color c = mix(haze, rock, 0.35 + 0.6 * depth);
            g.setPaint(new GradientPaint(0, (float) y - 20, shade(c, 1.05), 0, (float) horizon + 20, shade(c, 0.8)));
            g.fill(m);
            if (snowCaps && k < layers - 1 && p(r, 0.7)) {
                java.awt.Shape clip = g.getClip();
                g.clip(m);
                g.setPaint(new GradientPaint(0, (float) (y - 18), new Color(250, 250, 255), 0, (float) (y - 2), new Color(250, 250, 255, 0)));
                g.fill(rect(0, 0, 100, y + 2));
                g.setClip(clip);
            }
        }
        // green or rocky foreground
        Color fg = pick(r, new Color(70, 110, 55), new Color(95, 120, 60), new Color(120, 110, 80));
        Path2D front = ridge(r, horizon + u(r, 8, 20), 5, 101);
        g.setPaint(new GradientPaint(0, (float) horizon, fg, 0, 100, shade(fg, 0.7)));
        g.fill(front);
        if (p(r, 0.5)) conifers(g, r, horizon + 10, 100, 10, new Color(35, 70, 40));
    }

    static void sea(Graphics2D g, SplittableRandom r, double horizon, Color skyTop, Color skyBottom) {
        Color water = pick(r, new Color(30, 90, 140), new Color(40, 120, 150), new Color(20, 70, 110));
        g.setPaint(new GradientPaint(0, (float) horizon, mix(water, skyBottom, 0.4), 0, 100, shade(water, 0.8)));
        g.fill(rect(0, horizon, 100, 100 - horizon));
        for (int k = 0; k < 40; k++) {
            double y = u(r, horizon + 1, 100), len = 2 + (y - horizon) * 0.2;
            double x = u(r, -5, 100);
            stroke(g, new Line2D.Double(x, y, x + len, y), alpha(Color.WHITE, 0.35), 0.3 + (y - horizon) * 0.015);
        }
        if (p(r, 0.7)) { // beach
            double by = u(r, 70, 90);
            Color sand = pick(r, new Color(225, 205, 160), new Color(210, 190, 150), new Color(235, 220, 185));
            Path2D beach = new Path2D.Double();
            beach.moveTo(-5, by + u(r, -6, 6));
            beach.curveTo(30, by + u(r, -8, 8), 70, by + u(r, -8, 8), 105, by + u(r, -6, 6));
            beach.lineTo(105, 105);
            beach.lineTo(-5, 105);
            beach.closePath();
            fill(g, beach, sand);
            stroke(g, beach, alpha(Color.WHITE, 0.7), 1.2);
        } else if (p(r, 0.5)) { // a far island or headland
            Path2D land = ridge(r, horizon - u(r, 3, 8), 3, horizon + 0.5);
            java.awt.Shape clip = g.getClip();
            g.clip(rect(u(r, -20, 50), 0, u(r, 20, 50), 100));
            fill(g, land, mix(new Color(60, 90, 60), skyBottom, 0.5));
            g.setClip(clip);
        }
    }

    static void conifers(Graphics2D g, SplittableRandom r, double yTop, double yBottom, int count, Color base) {
        for (int k = 0; k < count; k++) {
            double y = u(r, yTop, yBottom), s = 3 + (y - yTop) * 0.25;
            double x = u(r, -5, 105);
            Color c = jitter(base, r, 0.2);
            fill(g, rect(x - s * 0.08, y - s * 0.3, s * 0.16, s * 0.35), new Color(70, 50, 35));
            fill(g, poly(x, y - s * 2.2, x + s * 0.7, y - s * 0.2, x - s * 0.7, y - s * 0.2), c);
            fill(g, poly(x, y - s * 2.6, x + s * 0.5, y - s * 1.0, x - s * 0.5, y - s * 1.0), shade(c, 1.1));
        }
    }

    static void forest(Graphics2D g, SplittableRandom r, double horizon, Color haze) {
        Color ground = pick(r, new Color(60, 95, 45), new Color(80, 105, 50), new Color(110, 90, 55));
        fill(g, rect(0, horizon, 100, 100 - horizon), ground);
        if (p(r, 0.5)) mountains(g, r, horizon, haze, false);
        boolean broadleaf = r.nextBoolean();
        Color leaf = broadleaf ? pick(r, new Color(60, 120, 50), new Color(150, 140, 50), new Color(180, 100, 40))
                : new Color(35, 75, 45);
        // rows from far to near
        for (int row = 0; row < 6; row++) {
            double y = horizon + row * (100 - horizon) / 6.0 + u(r, 0, 4);
            double s = 2 + row * 2.2;
            int n = (int) (110 / (s * 1.1)) + 2;
            for (int k = 0; k < n; k++) {
                double x = -5 + k * s * 1.1 + u(r, -s * 0.4, s * 0.4);
                Color c = jitter(mix(haze, leaf, 0.5 + row * 0.1), r, 0.15);
                if (broadleaf) {
                    fill(g, rect(x - s * 0.08, y - s * 1.2, s * 0.16, s * 1.2), new Color(70, 50, 35));
                    fill(g, ellipse(x, y - s * 1.6, s * 0.75, s * 0.85), c);
                    fill(g, ellipse(x - s * 0.2, y - s * 1.8, s * 0.4, s * 0.4), shade(c, 1.12));
                } else {
                    fill(g, poly(x, y - s * 2.6, x + s * 0.6, y, x - s * 0.6, y), c);
                }
            }
        }
        if (p(r, 0.5)) { // a path
            Path2D path = new Path2D.Double();
            double px = u(r, 35, 65);
            path.moveTo(px - 1, horizon + 5);
            path.lineTo(px + 1, horizon + 5);
            path.curveTo(px + 10, 70, px - 5, 85, px + 16, 102);
            path.lineTo(px - 14, 102);
            path.curveTo(px - 20, 85, px + 3, 70, px - 1, horizon + 5);
            fill(g, path, new Color(150, 125, 90));
        }
    }

    static void desert(Graphics2D g, SplittableRandom r, double horizon) {
        Color sand = pick(r, new Color(225, 180, 120), new Color(210, 160, 100), new Color(235, 200, 150));
        if (p(r, 0.4)) mountains(g, r, horizon, new Color(230, 200, 170), false);
        fill(g, rect(0, horizon, 100, 100 - horizon), shade(sand, 0.95));
        for (int k = 0; k < 5; k++) {
            double y = horizon + k * (100 - horizon) / 5.0;
            Path2D dune = new Path2D.Double();
            dune.moveTo(-5, 105);
            double amp = u(r, 3, 8) * (1 + k * 0.4), ph = u(r, 0, 6.3), fr = u(r, 0.03, 0.08);
            for (int x = -5; x <= 105; x += 3) dune.lineTo(x, y + amp * Math.sin(ph + x * fr));
            dune.lineTo(105, 105);
            dune.closePath();
            fillShaded(g, dune, jitter(sand, r, 0.08), u(r, 0, Math.PI), 0.15);
        }
        int cacti = p(r, 0.5) ? i(r, 1, 3) : 0;
        for (int k = 0; k < cacti; k++) {
            double x = u(r, 10, 90), y = u(r, horizon + 15, 95), s = (y - horizon) * 0.5;
            Color c = new Color(70, 120, 60);
            fill(g, round(x - s * 0.12, y - s, s * 0.24, s, s * 0.24), c);
            fill(g, round(x - s * 0.45, y - s * 0.7, s * 0.18, s * 0.4, s * 0.18), c);
            fill(g, rect(x - s * 0.45, y - s * 0.4, s * 0.4, s * 0.12), c);
            fill(g, round(x + s * 0.27, y - s * 0.8, s * 0.18, s * 0.45, s * 0.18), c);
            fill(g, rect(x + 0.05 * s, y - s * 0.45, s * 0.4, s * 0.12), c);
        }
    }

    static void lake(Graphics2D g, SplittableRandom r, double horizon, Color skyTop, Color skyBottom) {
        mountains(g, r, horizon - 6, skyBottom, p(r, 0.5));
        double shore = horizon + u(r, -4, 4);
        Color water = mix(skyTop, new Color(30, 70, 90), 0.5);
        double bottomShore = u(r, 78, 95);
        g.setPaint(new GradientPaint(0, (float) shore, mix(skyBottom, water, 0.5), 0, (float) bottomShore, water));
        Path2D lake = new Path2D.Double();
        lake.moveTo(-5, shore);
        lake.lineTo(105, shore);
        lake.lineTo(105, bottomShore + u(r, -5, 5));
        lake.curveTo(60, bottomShore + u(r, -6, 6), 40, bottomShore + u(r, -6, 6), -5, bottomShore);
        lake.closePath();
        g.fill(lake);
        for (int k = 0; k < 20; k++) {
            double y = u(r, shore + 1, bottomShore), x = u(r, 0, 95);
            stroke(g, new Line2D.Double(x, y, x + u(r, 2, 7), y), alpha(Color.WHITE, 0.3), 0.35);
        }
        Path2D front = new Path2D.Double();
        front.moveTo(-5, 105);
        front.lineTo(-5, bottomShore);
        front.curveTo(40, bottomShore + 4, 60, bottomShore - 2, 105, bottomShore + 3);
        front.lineTo(105, 105);
        front.closePath();
        fill(g, front, pick(r, new Color(80, 120, 60), new Color(120, 110, 80)));
        if (p(r, 0.6)) conifers(g, r, bottomShore - 4, 104, 6, new Color(40, 80, 45));
    }

    static void fields(Graphics2D g, SplittableRandom r, double horizon, Color haze) {
        int bands = i(r, 4, 7);
        double y = horizon;
        for (int k = 0; k < bands; k++) {
            double next = horizon + (100 - horizon) * Math.pow((k + 1) / (double) bands, 1.6);
            Color c = pick(r, new Color(110, 160, 60), new Color(200, 180, 80), new Color(80, 130, 50), new Color(160, 170, 70),
                    new Color(140, 110, 70));
            Path2D band = new Path2D.Double();
            band.moveTo(-5, y + u(r, -2, 2));
            band.curveTo(30, y + u(r, -3, 3), 70, y + u(r, -3, 3), 105, y + u(r, -2, 2));
            band.lineTo(105, 105);
            band.lineTo(-5, 105);
            band.closePath();
            fill(g, band, mix(haze, c, 0.55 + 0.45 * k / bands));
            if (k == bands - 1 || p(r, 0.3)) { // furrows
                for (int f = 0; f < 12; f++) {
                    double x = u(r, -20, 120);
                    stroke(g, new Line2D.Double(50 + (x - 50) * 0.2, y + 2, x, 105), alpha(shade(c, 0.7), 0.4), 0.5);
                }
            }
            y = next;
        }
        int trees = i(r, 0, 4);
        for (int k = 0; k < trees; k++) {
            double ty = u(r, horizon + 3, 85), s = 2 + (ty - horizon) * 0.3, tx = u(r, 5, 95);
            fill(g, rect(tx - s * 0.1, ty - s * 1.3, s * 0.2, s * 1.3), new Color(80, 55, 35));
            fill(g, ellipse(tx, ty - s * 1.8, s * 0.9, s * 0.8), new Color(60, 110, 50));
        }
    }

    static void snow(Graphics2D g, SplittableRandom r, double horizon, Color haze) {
        mountains(g, r, horizon, haze, true);
        Color snowC = new Color(240, 244, 250);
        Path2D field = ridge(r, horizon + u(r, 5, 15), 4, 105);
        g.setPaint(new GradientPaint(0, (float) horizon, shade(snowC, 0.92), 0, 100, snowC));
        g.fill(field);
        for (int k = 0; k < 8; k++) { // blue shadows in the snow
            double y = u(r, horizon + 10, 100), x = u(r, -10, 90);
            fill(g, ellipse(x, y, u(r, 8, 20), u(r, 1, 3)), new Color(180, 195, 225, 90));
        }
        if (p(r, 0.6)) conifers(g, r, horizon + 12, 100, i(r, 3, 9), new Color(30, 60, 40));
    }
}

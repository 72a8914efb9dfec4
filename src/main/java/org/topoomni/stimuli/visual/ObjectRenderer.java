package org.topoomni.stimuli.visual;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.Shape;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.QuadCurve2D;
import java.util.Map;
import java.util.SplittableRandom;

import static org.topoomni.stimuli.visual.Drawing.*;

/**
 * Everyday inanimate household objects for the fLoc "objects" condition, drawn in the 100 x 100
 * design box with shading from a random light direction: mugs, bottles, drinking glasses, table
 * lamps, wall clocks, alarm clocks, keys, books, teapots, vases, umbrellas, candles, light
 * bulbs, saucepans, phones, buckets and toasters. Colours, proportions and details vary per
 * exemplar. Chairs and shoes are left to the furniture and clothing categories, so the
 * categories do not overlap.
 */
final class ObjectRenderer {
    private ObjectRenderer() {}

    static final String[] OBJECTS = {"mug", "bottle", "glass", "lamp", "wall_clock", "alarm_clock", "key", "book",
            "teapot", "vase", "umbrella", "candle", "light_bulb", "saucepan", "phone", "bucket", "toaster"};

    static final Color[] METALS = {new Color(190, 190, 195), new Color(200, 165, 80), new Color(150, 150, 160),
            new Color(184, 115, 51)};

    static void draw(Graphics2D g, SplittableRandom r, Map<String, String> attrs) {
        String object = OBJECTS[r.nextInt(OBJECTS.length)];
        attrs.put("object_kind", object);
        double light = u(r, 0.2 * Math.PI, 0.8 * Math.PI);
        Color c = p(r, 0.7) ? vivid(r) : muted(r);
        switch (object) {
            case "mug" -> mug(g, r, c, light);
            case "bottle" -> bottle(g, r, light);
            case "glass" -> glass(g, r, light);
            case "lamp" -> lamp(g, r, c, light);
            case "wall_clock" -> wallClock(g, r, c, light);
            case "alarm_clock" -> alarmClock(g, r, c, light);
            case "key" -> key(g, r, light);
            case "book" -> book(g, r, c, light);
            case "teapot" -> teapot(g, r, c, light);
            case "vase" -> vase(g, r, c, light);
            case "umbrella" -> umbrella(g, r, c, light);
            case "candle" -> candle(g, r, c, light);
            case "light_bulb" -> bulb(g, r, light);
            case "saucepan" -> saucepan(g, r, light);
            case "phone" -> phone(g, r, c, light);
            case "bucket" -> bucket(g, r, c, light);
            default -> toaster(g, r, c, light);
        }
    }

    static void mug(Graphics2D g, SplittableRandom r, Color c, double light) {
        double w = u(r, 34, 44), h = u(r, 40, 52), x = 50 - w / 2 - 6, y = 50 - h / 2;
        Shape handle = new Area(ellipse(x + w, y + h * 0.45, h * 0.22, h * 0.26));
        ((Area) handle).subtract(new Area(ellipse(x + w, y + h * 0.45, h * 0.12, h * 0.15)));
        fillShaded(g, handle, shade(c, 0.9), light, 0.3);
        Path2D body = new Path2D.Double();
        body.moveTo(x, y);
        body.lineTo(x + w, y);
        body.lineTo(x + w * 0.97, y + h - 4);
        body.quadTo(x + w * 0.95, y + h, x + w * 0.85, y + h);
        body.lineTo(x + w * 0.15, y + h);
        body.quadTo(x + w * 0.05, y + h, x + w * 0.03, y + h - 4);
        body.closePath();
        fillShaded(g, body, c, light, 0.35);
        if (p(r, 0.5)) { // a band or a dot pattern
            Color d = vivid(r);
            Area band = new Area(body);
            band.intersect(new Area(rect(x, y + h * u(r, 0.3, 0.5), w, h * u(r, 0.12, 0.25))));
            fill(g, band, d);
        }
        fill(g, ellipse(x + w / 2, y, w / 2, 4), shade(c, 0.6));
        fill(g, ellipse(x + w / 2, y + 0.8, w / 2 - 2, 3), pick(r, new Color(60, 35, 20), shade(c, 0.45), new Color(235, 230, 220)));
    }

    static void bottle(Graphics2D g, SplittableRandom r, double light) {
        Color glass = pick(r, new Color(40, 110, 50, 220), new Color(110, 60, 20, 220), new Color(170, 200, 220, 170),
                new Color(30, 60, 130, 220));
        double w = u(r, 20, 28), h = u(r, 70, 84), top = 50 - h / 2, neckW = w * u(r, 0.3, 0.4);
        double shoulder = top + h * u(r, 0.25, 0.38);
        Path2D b = new Path2D.Double();
        b.moveTo(50 - neckW / 2, top + 6);
        b.lineTo(50 - neckW / 2, shoulder - 8);
        b.curveTo(50 - neckW / 2, shoulder, 50 - w / 2, shoulder - 2, 50 - w / 2, shoulder + 8);
        b.lineTo(50 - w / 2, top + h - 3);
        b.quadTo(50 - w / 2, top + h, 50 - w / 2 + 3, top + h);
        b.lineTo(50 + w / 2 - 3, top + h);
        b.quadTo(50 + w / 2, top + h, 50 + w / 2, top + h - 3);
        b.lineTo(50 + w / 2, shoulder + 8);
        b.curveTo(50 + w / 2, shoulder - 2, 50 + neckW / 2, shoulder, 50 + neckW / 2, shoulder - 8);
        b.lineTo(50 + neckW / 2, top + 6);
        b.closePath();
        fillShaded(g, b, glass, light, 0.35);
        fill(g, round(50 - w / 2 + 3, shoulder + 10, 3, h * 0.45, 3), new Color(255, 255, 255, 90));
        if (p(r, 0.8)) { // label
            Color lab = p(r, 0.5) ? new Color(240, 235, 220) : vivid(r);
            double ly = shoulder + u(r, 10, 18), lh = h * u(r, 0.22, 0.32);
            fillShaded(g, rect(50 - w / 2, ly, w, lh), lab, light, 0.2);
            fill(g, rect(50 - w / 2 + 3, ly + lh * 0.35, w - 6, lh * 0.12), shade(vivid(r), 0.7));
        }
        fill(g, round(50 - neckW / 2 - 1, top, neckW + 2, 8, 2), pick(r, new Color(200, 170, 60), new Color(180, 30, 30),
                new Color(120, 80, 50), new Color(200, 200, 205)));
    }

    static void glass(Graphics2D g, SplittableRandom r, double light) {
        Color edge = new Color(150, 170, 185);
        if (r.nextBoolean()) { // tumbler
            double wt = u(r, 34, 44), wb = wt * u(r, 0.7, 0.85), h = u(r, 45, 60), y = 50 - h / 2;
            Shape s = poly(50 - wt / 2, y, 50 + wt / 2, y, 50 + wb / 2, y + h, 50 - wb / 2, y + h);
            fill(g, s, new Color(200, 225, 240, 90));
            double level = u(r, 0.25, 0.7);
            Color liquid = pick(r, new Color(230, 140, 30, 200), new Color(250, 250, 245, 220), new Color(120, 40, 40, 200),
                    new Color(170, 210, 240, 140));
            Area l = new Area(s);
            l.intersect(new Area(rect(0, y + h * level, 100, h)));
            fill(g, l, liquid);
            stroke(g, s, edge, 1.5);
            fill(g, ellipse(50, y, wt / 2, 3), new Color(230, 240, 250, 120));
            stroke(g, ellipse(50, y, wt / 2, 3), edge, 1.2);
            fill(g, rect(50 - wt / 2 + 4, y + 5, 2.5, h * 0.7), new Color(255, 255, 255, 120));
        } else { // stemmed glass
            double bw = u(r, 32, 40), bh = u(r, 28, 36), top = 50 - 40;
            Path2D bowl = new Path2D.Double();
            bowl.moveTo(50 - bw / 2, top);
            bowl.curveTo(50 - bw / 2, top + bh * 0.9, 50 - bw * 0.15, top + bh, 50, top + bh);
            bowl.curveTo(50 + bw * 0.15, top + bh, 50 + bw / 2, top + bh * 0.9, 50 + bw / 2, top);
            bowl.closePath();
            fill(g, bowl, new Color(200, 225, 240, 90));
            Area wine = new Area(bowl);
            wine.intersect(new Area(rect(0, top + bh * u(r, 0.35, 0.6), 100, 100)));
            fill(g, wine, pick(r, new Color(130, 20, 40, 220), new Color(240, 220, 130, 200), new Color(240, 150, 160, 200)));
            stroke(g, bowl, edge, 1.3);
            stroke(g, new Line2D.Double(50, top + bh, 50, 88), edge, 2.2);
            fill(g, ellipse(50, 88, bw * 0.42, 3.2), new Color(190, 210, 225, 200));
            stroke(g, ellipse(50, 88, bw * 0.42, 3.2), edge, 1.0);
        }
    }

    static void lamp(Graphics2D g, SplittableRandom r, Color c, double light) {
        double shadeTop = u(r, 14, 24), shadeH = u(r, 24, 32), tw = u(r, 18, 28), bw = u(r, 40, 52);
        Color metal = pick(r, METALS);
        double baseY = 88;
        fillShaded(g, ellipse(50, baseY, u(r, 12, 18), 4.5), shade(metal, 0.8), light, 0.3);
        if (r.nextBoolean()) {
            fillShaded(g, rect(48, shadeTop + shadeH - 2, 4, baseY - shadeTop - shadeH + 2), metal, light, 0.4);
        } else { // ceramic belly
            fillShaded(g, ellipse(50, (shadeTop + shadeH + baseY) / 2 + 6, u(r, 10, 15),
                    (baseY - shadeTop - shadeH) / 2 - 2), shade(c, 0.8), light, 0.35);
        }
        Shape sh = poly(50 - tw / 2, shadeTop, 50 + tw / 2, shadeTop, 50 + bw / 2, shadeTop + shadeH, 50 - bw / 2, shadeTop + shadeH);
        Color lamp = p(r, 0.5) ? new Color(245, 235, 200) : c;
        fillShaded(g, sh, lamp, light, 0.25);
        if (p(r, 0.5)) { // lit: warm glow under the shade
            g.setPaint(new RadialGradientPaint(new Point2D.Double(50, shadeTop + shadeH), (float) (bw * 0.7),
                    new float[]{0f, 1f}, new Color[]{new Color(255, 240, 180, 160), new Color(255, 240, 180, 0)}));
            g.fill(ellipse(50, shadeTop + shadeH + 4, bw * 0.7, bw * 0.45));
        }
        stroke(g, sh, shade(lamp, 0.7), 0.8);
    }

    static void clockFace(Graphics2D g, SplittableRandom r, double cx, double cy, double rad, Color ink) {
        Color tick = ink;
        for (int k = 0; k < 12; k++) {
            double a = k * Math.PI / 6, r1 = rad * (k % 3 == 0 ? 0.72 : 0.8), r2 = rad * 0.9;
            stroke(g, new Line2D.Double(cx + Math.cos(a) * r1, cy + Math.sin(a) * r1, cx + Math.cos(a) * r2, cy + Math.sin(a) * r2),
                    tick, k % 3 == 0 ? 1.8 : 1.0);
        }
        double hour = u(r, 0, 12), minute = u(r, 0, 60);
        double ha = (hour / 12) * 2 * Math.PI - Math.PI / 2, ma = (minute / 60) * 2 * Math.PI - Math.PI / 2;
        stroke(g, new Line2D.Double(cx, cy, cx + Math.cos(ha) * rad * 0.5, cy + Math.sin(ha) * rad * 0.5), tick, 2.4);
        stroke(g, new Line2D.Double(cx, cy, cx + Math.cos(ma) * rad * 0.78, cy + Math.sin(ma) * rad * 0.78), tick, 1.5);
        if (r.nextBoolean()) {
            double sa = u(r, 0, 2 * Math.PI);
            stroke(g, new Line2D.Double(cx, cy, cx + Math.cos(sa) * rad * 0.82, cy + Math.sin(sa) * rad * 0.82),
                    new Color(200, 30, 30), 0.7);
        }
        fill(g, ellipse(cx, cy, 1.8, 1.8), tick);
    }

    static void wallClock(Graphics2D g, SplittableRandom r, Color c, double light) {
        double rad = u(r, 32, 42);
        boolean square = p(r, 0.2);
        Shape rim = square ? round(50 - rad - 4, 50 - rad - 4, 2 * rad + 8, 2 * rad + 8, 14) : ellipse(50, 50, rad + 4, rad + 4);
        fillShaded(g, rim, p(r, 0.5) ? c : pick(r, METALS), light, 0.35);
        Color face = pick(r, new Color(250, 248, 240), new Color(235, 235, 230), new Color(30, 30, 35));
        boolean dark = face.getRed() < 100;
        fill(g, ellipse(50, 50, rad, rad), face);
        clockFace(g, r, 50, 50, rad, dark ? new Color(235, 235, 235) : new Color(25, 25, 30));
        fill(g, ellipse(50 - rad * 0.3, 50 - rad * 0.4, rad * 0.5, rad * 0.25), new Color(255, 255, 255, 40));
    }

    static void alarmClock(Graphics2D g, SplittableRandom r, Color c, double light) {
        double rad = u(r, 24, 30), cy = 54;
        Color metal = pick(r, METALS);
        stroke(g, new Line2D.Double(50 - rad * 0.6, cy + rad * 0.7, 50 - rad * 0.9, cy + rad * 1.15), metal, 3);
        stroke(g, new Line2D.Double(50 + rad * 0.6, cy + rad * 0.7, 50 + rad * 0.9, cy + rad * 1.15), metal, 3);
        for (int s = -1; s <= 1; s += 2) {
            double bx = 50 + s * rad * 0.65, by = cy - rad * 0.95;
            fillShaded(g, new Arc2D.Double(bx - rad * 0.42, by - rad * 0.35, rad * 0.84, rad * 0.8, 0, 180, Arc2D.CHORD), metal,
                    light, 0.35);
        }
        stroke(g, new Arc2D.Double(50 - rad * 0.6, cy - rad * 1.4, rad * 1.2, rad * 0.6, 20, 140, Arc2D.OPEN), metal, 2.2);
        fillShaded(g, ellipse(50, cy, rad + 4, rad + 4), c, light, 0.35);
        fill(g, ellipse(50, cy, rad, rad), new Color(250, 248, 240));
        clockFace(g, r, 50, cy, rad, new Color(25, 25, 30));
    }

    static void key(Graphics2D g, SplittableRandom r, double light) {
        Color metal = pick(r, METALS);
        double bowR = u(r, 12, 17), cy = 50, bx = 50 - u(r, 22, 28);
        double len = u(r, 42, 52);
        Area k = new Area(ellipse(bx, cy, bowR, bowR * u(r, 0.85, 1.1)));
        k.add(new Area(rect(bx, cy - 3.2, len + bowR, 6.4)));
        int teeth = i(r, 3, 5);
        double tx = bx + bowR + len * 0.35;
        for (int t = 0; t < teeth; t++) {
            double tw = len * 0.55 / teeth;
            k.add(new Area(rect(tx + t * tw, cy + 3, tw * 0.8, u(r, 3, 8))));
        }
        k.subtract(new Area(ellipse(bx - bowR * 0.25, cy, bowR * 0.4, bowR * 0.4)));
        fillShaded(g, k, metal, light, 0.45);
        stroke(g, k, shade(metal, 0.6), 0.8);
        stroke(g, new Line2D.Double(bx + bowR + 2, cy, bx + bowR + len, cy), shade(metal, 0.7), 0.8);
    }

    static void book(Graphics2D g, SplittableRandom r, Color c, double light) {
        int style = r.nextInt(3);
        if (style == 0) { // closed, seen from the front with its page block at the side
            double w = u(r, 44, 56), h = w * u(r, 1.25, 1.5), x = 50 - w / 2, y = 50 - h / 2, t = u(r, 5, 9);
            fill(g, poly(x + w, y, x + w + t, y + t * 0.6, x + w + t, y + h + t * 0.6, x + w, y + h), new Color(240, 235, 220));
            for (int k = 1; k < 6; k++) {
                double xx = x + w + t * k / 6.0;
                stroke(g, new Line2D.Double(xx, y + t * 0.6 * k / 6, xx, y + h + t * 0.6 * k / 6), new Color(200, 195, 180), 0.4);
            }
            fillShaded(g, rect(x, y, w, h), c, light, 0.25);
            fill(g, rect(x + 3, y, 3, h), shade(c, 0.75));
            Color ink = c.getRed() + c.getGreen() + c.getBlue() > 400 ? new Color(30, 30, 30) : new Color(240, 230, 200);
            fill(g, rect(x + w * 0.2, y + h * 0.2, w * 0.65, 3), ink);
            fill(g, rect(x + w * 0.3, y + h * 0.28, w * 0.45, 2), ink);
            if (r.nextBoolean()) fill(g, ellipse(x + w * 0.55, y + h * 0.6, w * 0.18, w * 0.18), shade(c, 1.3));
        } else if (style == 1) { // open book
            double w = u(r, 36, 44), h = u(r, 44, 56), y = 50 - h / 2;
            fillShaded(g, poly(50 - w - 3, y + 3, 50, y + 6, 50 + w + 3, y + 3, 50 + w + 3, y + h + 3, 50, y + h + 6, 50 - w - 3, y + h + 3),
                    c, light, 0.2);
            for (int s = -1; s <= 1; s += 2) {
                Path2D pg = new Path2D.Double();
                pg.moveTo(50, y + 4);
                pg.quadTo(50 + s * w * 0.5, y - 3, 50 + s * w, y);
                pg.lineTo(50 + s * w, y + h);
                pg.quadTo(50 + s * w * 0.5, y + h - 3, 50, y + h + 4);
                pg.closePath();
                fillShaded(g, pg, new Color(248, 245, 235), light, 0.1);
                for (int l = 0; l < 8; l++) {
                    double ly = y + 8 + l * (h - 14) / 8.0;
                    stroke(g, new Line2D.Double(50 + s * 4, ly, 50 + s * (w - 5) * u(r, 0.6, 1.0), ly), new Color(120, 120, 125), 0.8);
                }
            }
        } else { // a short stack of books, spines towards the viewer
            double y = 82;
            int n = i(r, 3, 5);
            for (int k = 0; k < n; k++) {
                double w = u(r, 52, 72), h = u(r, 8, 13), x = 50 - w / 2 + u(r, -5, 5);
                Color bc = k == 0 ? c : vivid(r);
                fillShaded(g, round(x, y - h, w, h, 3), bc, light, 0.3);
                fill(g, rect(x + w * 0.3, y - h * 0.6, w * 0.4, h * 0.2), shade(bc, 1.4));
                y -= h;
            }
        }
    }

    static void teapot(Graphics2D g, SplittableRandom r, Color c, double light) {
        double bw = u(r, 26, 32), bh = u(r, 20, 26), cy = 56;
        Path2D spout = new Path2D.Double();
        spout.moveTo(50 + bw * 0.7, cy);
        spout.quadTo(50 + bw + 8, cy - 2, 50 + bw + 14, cy - bh * 0.9);
        spout.lineTo(50 + bw + 18, cy - bh * 0.95);
        spout.quadTo(50 + bw + 10, cy + 4, 50 + bw * 0.7, cy + bh * 0.5);
        spout.closePath();
        fillShaded(g, spout, c, light, 0.3);
        Area handle = new Area(ellipse(50 - bw - 3, cy - 2, bh * 0.55, bh * 0.65));
        handle.subtract(new Area(ellipse(50 - bw - 3, cy - 2, bh * 0.33, bh * 0.43)));
        fillShaded(g, handle, shade(c, 0.9), light, 0.3);
        fillShaded(g, ellipse(50, cy, bw, bh), c, light, 0.4);
        fill(g, ellipse(50, cy + bh - 1, bw * 0.6, 3), shade(c, 0.6));
        fillShaded(g, new Arc2D.Double(50 - bw * 0.5, cy - bh - 6, bw, 14, 0, 180, Arc2D.CHORD), shade(c, 1.1), light, 0.3);
        fillShaded(g, ellipse(50, cy - bh - 5, 3.5, 3), shade(c, 0.8), light, 0.3);
        if (p(r, 0.5)) { // painted flowers / dots
            Color d = vivid(r);
            for (int k = 0; k < 5; k++) fill(g, ellipse(50 + u(r, -bw * 0.6, bw * 0.6), cy + u(r, -bh * 0.4, bh * 0.5), 2.2, 2.2), d);
        }
    }

    static void vase(Graphics2D g, SplittableRandom r, Color c, double light) {
        double h = u(r, 62, 80), top = 50 - h / 2, neck = u(r, 6, 12), belly = u(r, 16, 26), foot = u(r, 9, 14);
        double by = top + h * u(r, 0.45, 0.65);
        Path2D v = new Path2D.Double();
        v.moveTo(50 - neck - 3, top);
        v.lineTo(50 + neck + 3, top);
        v.curveTo(50 + neck, top + 8, 50 + neck, top + 12, 50 + neck * 1.1, top + 16);
        v.curveTo(50 + belly * 1.2, by - h * 0.2, 50 + belly * 1.1, by + h * 0.2, 50 + foot, top + h - 3);
        v.lineTo(50 + foot + 2, top + h);
        v.lineTo(50 - foot - 2, top + h);
        v.lineTo(50 - foot, top + h - 3);
        v.curveTo(50 - belly * 1.1, by + h * 0.2, 50 - belly * 1.2, by - h * 0.2, 50 - neck * 1.1, top + 16);
        v.curveTo(50 - neck, top + 12, 50 - neck, top + 8, 50 - neck - 3, top);
        v.closePath();
        fillShaded(g, v, c, light, 0.4);
        if (p(r, 0.6)) {
            Area band = new Area(v);
            band.intersect(new Area(rect(0, by - 3, 100, u(r, 3, 7))));
            fill(g, band, p(r, 0.5) ? new Color(230, 200, 90) : vivid(r));
        }
        fill(g, ellipse(50, top, neck + 3, 2.2), shade(c, 0.5));
    }

    static void umbrella(Graphics2D g, SplittableRandom r, Color c, double light) {
        double w = u(r, 38, 46), cy = 40, h = u(r, 20, 28);
        boolean closed = p(r, 0.25);
        Color metal = new Color(60, 60, 65);
        if (closed) {
            Shape body = poly(50, 10, 58, 66, 50, 72, 42, 66);
            fillShaded(g, body, c, light, 0.3);
            stroke(g, new Line2D.Double(50, 72, 50, 84), metal, 2.2);
            stroke(g, new Arc2D.Double(42, 80, 8, 10, 180, 180, Arc2D.OPEN), shade(c, 0.6), 3);
            stroke(g, new Line2D.Double(50, 4, 50, 10), metal, 1.5);
            return;
        }
        int panels = i(r, 6, 8);
        Color c2 = p(r, 0.5) ? vivid(r) : shade(c, 0.8);
        for (int k = 0; k < panels; k++) {
            double x0 = 50 - w + 2 * w * k / panels, x1 = 50 - w + 2 * w * (k + 1) / panels;
            double y0 = cy + Math.sqrt(Math.max(0, 1 - Math.pow((x0 - 50) / w, 2))) * -h, y1 = cy + Math.sqrt(Math.max(0, 1 - Math.pow((x1 - 50) / w, 2))) * -h;
            Path2D pnl = new Path2D.Double();
            pnl.moveTo(50, cy - h - 1);
            pnl.lineTo(x0, y0 + h + (k == 0 ? 0 : 0));
            pnl.moveTo(50, cy - h - 1);
            Path2D tri = new Path2D.Double();
            tri.moveTo(50, cy - h - 1);
            tri.quadTo((x0 + 50) / 2 - 2, (cy - h + cy) / 2 - 6, x0, cy);
            tri.quadTo((x0 + x1) / 2, cy - 5, x1, cy);
            tri.quadTo((x1 + 50) / 2 + 2, (cy - h + cy) / 2 - 6, 50, cy - h - 1);
            tri.closePath();
            fillShaded(g, tri, k % 2 == 0 ? c : c2, light, 0.25);
        }
        stroke(g, new Line2D.Double(50, cy - h - 5, 50, cy + 40), metal, 2.0);
        stroke(g, new Arc2D.Double(50, cy + 34, 10, 12, 180, 180, Arc2D.OPEN), shade(c, 0.6), 3.2);
    }

    static void candle(Graphics2D g, SplittableRandom r, Color c, double light) {
        double w = u(r, 12, 20), h = u(r, 36, 56), base = 82, top = base - h;
        Color wax = p(r, 0.5) ? new Color(245, 240, 225) : shade(c, 1.2);
        if (r.nextBoolean()) {
            fillShaded(g, ellipse(50, base + 2, w * 1.3, 5), pick(r, METALS), light, 0.35);
        }
        fillShaded(g, rect(50 - w / 2, top, w, h), wax, light, 0.25);
        fill(g, ellipse(50, top, w / 2, 2), shade(wax, 0.9));
        stroke(g, new Line2D.Double(50, top, 50, top - 4), new Color(40, 35, 30), 1.0);
        g.setPaint(new RadialGradientPaint(new Point2D.Double(50, top - 9), 14f, new float[]{0f, 1f},
                new Color[]{new Color(255, 230, 150, 130), new Color(255, 230, 150, 0)}));
        g.fill(ellipse(50, top - 9, 14, 14));
        Path2D flame = new Path2D.Double();
        flame.moveTo(50, top - 17);
        flame.quadTo(54, top - 8, 50, top - 3);
        flame.quadTo(46, top - 8, 50, top - 17);
        fill(g, flame, new Color(255, 200, 60));
        fill(g, ellipse(50, top - 6, 1.4, 2.5), new Color(255, 250, 220));
    }

    static void bulb(Graphics2D g, SplittableRandom r, double light) {
        double rad = u(r, 20, 25), cy = 38;
        Area glass = new Area(ellipse(50, cy, rad, rad));
        glass.add(new Area(poly(50 - rad * 0.75, cy + rad * 0.6, 50 + rad * 0.75, cy + rad * 0.6, 50 + 9, cy + rad + 12, 50 - 9, cy + rad + 12)));
        boolean lit = r.nextBoolean();
        fill(g, glass, lit ? new Color(255, 245, 190, 230) : new Color(225, 235, 240, 170));
        stroke(g, glass, new Color(170, 175, 180), 1.0);
        stroke(g, new QuadCurve2D.Double(46, cy + rad + 10, 44, cy + 2, 50, cy), new Color(120, 100, 60), 0.8);
        stroke(g, new QuadCurve2D.Double(54, cy + rad + 10, 56, cy + 2, 50, cy), new Color(120, 100, 60), 0.8);
        Color metal = pick(r, METALS);
        double by = cy + rad + 12;
        for (int k = 0; k < 4; k++) fillShaded(g, round(41, by + k * 4.2, 18, 4.6, 3), metal, light, 0.4);
        fill(g, poly(45, by + 17, 55, by + 17, 52, by + 21, 48, by + 21), new Color(40, 40, 40));
        fill(g, ellipse(50 - rad * 0.4, cy - rad * 0.4, rad * 0.25, rad * 0.35), new Color(255, 255, 255, 150));
    }

    static void saucepan(Graphics2D g, SplittableRandom r, double light) {
        Color metal = pick(r, METALS[0], METALS[2], new Color(40, 40, 45), new Color(180, 40, 30));
        boolean pan = r.nextBoolean();
        double w = u(r, 26, 32), h = pan ? u(r, 8, 12) : u(r, 22, 30), cy = 58;
        double x = pan ? 30 : 50;
        if (pan) {
            fillShaded(g, round(x + w - 2, cy - h / 2 - 2, 44, 6, 5), new Color(40, 35, 30), light, 0.3);
        } else {
            for (int s = -1; s <= 1; s += 2) fillShaded(g, round(x + s * (w + 6) - 5, cy - h / 2 + 2, 10, 4, 3), metal, light, 0.3);
        }
        Path2D body = new Path2D.Double();
        body.moveTo(x - w, cy - h / 2);
        body.lineTo(x + w, cy - h / 2);
        body.lineTo(x + w * 0.95, cy + h / 2);
        body.quadTo(x, cy + h / 2 + 5, x - w * 0.95, cy + h / 2);
        body.closePath();
        fillShaded(g, body, metal, light, 0.45);
        fill(g, ellipse(x, cy - h / 2, w, 5), shade(metal, 0.7));
        if (!pan && r.nextBoolean()) { // lid
            fillShaded(g, new Arc2D.Double(x - w, cy - h / 2 - 8, 2 * w, 16, 0, 180, Arc2D.CHORD), shade(metal, 1.1), light, 0.4);
            fillShaded(g, round(x - 5, cy - h / 2 - 11, 10, 5, 3), new Color(40, 35, 30), light, 0.3);
        }
    }

    static void phone(Graphics2D g, SplittableRandom r, Color c, double light) {
        double w = u(r, 28, 34), h = w * u(r, 1.8, 2.1), x = 50 - w / 2, y = 50 - h / 2;
        Color body = pick(r, new Color(25, 25, 28), new Color(210, 210, 215), new Color(200, 170, 140), c);
        fillShaded(g, round(x, y, w, h, 9), body, light, 0.3);
        Color screenA = p(r, 0.3) ? new Color(15, 15, 20) : vivid(r);
        double sx = x + 2.5, sy = y + 6, sw = w - 5, shh = h - 12;
        g.setPaint(new java.awt.GradientPaint((float) sx, (float) sy, screenA, (float) (sx + sw), (float) (sy + shh), shade(screenA, 0.5)));
        g.fill(round(sx, sy, sw, shh, 4));
        if (screenA.getRed() + screenA.getGreen() + screenA.getBlue() > 80) { // app icons
            for (int row = 0; row < 4; row++) {
                for (int col = 0; col < 3; col++) {
                    fill(g, round(sx + 3 + col * sw / 3.2, sy + 4 + row * shh / 5.5, sw / 5, sw / 5, 3), alpha(vivid(r), 0.9));
                }
            }
        }
        fill(g, round(50 - 5, y + 2.2, 10, 1.6, 1.5), shade(body, 0.6));
    }

    static void bucket(Graphics2D g, SplittableRandom r, Color c, double light) {
        double wt = u(r, 48, 56), wb = wt * u(r, 0.7, 0.8), h = u(r, 40, 50), y = 50 - h / 2 + 8;
        stroke(g, new Arc2D.Double(50 - wt / 2, y - wt * 0.45, wt, wt * 0.9, 10, 160, Arc2D.OPEN), new Color(90, 90, 95), 1.8);
        Shape body = poly(50 - wt / 2, y, 50 + wt / 2, y, 50 + wb / 2, y + h, 50 - wb / 2, y + h);
        fillShaded(g, body, p(r, 0.4) ? pick(r, METALS) : c, light, 0.4);
        fill(g, ellipse(50, y, wt / 2, 4), shade(c, 0.45));
        for (int k = 1; k <= 2; k++) {
            double yy = y + h * k / 3.0, ww = wt + (wb - wt) * k / 3.0;
            stroke(g, new Line2D.Double(50 - ww / 2, yy, 50 + ww / 2, yy), new Color(0, 0, 0, 50), 1.2);
        }
    }

    static void toaster(Graphics2D g, SplittableRandom r, Color c, double light) {
        double w = u(r, 56, 66), h = u(r, 36, 44), x = 50 - w / 2, y = 56 - h / 2;
        Color body = p(r, 0.5) ? pick(r, METALS) : c;
        fillShaded(g, round(x, y, w, h, 16), body, light, 0.4);
        for (int s = 0; s < 2; s++) fill(g, round(x + w * (0.18 + s * 0.38), y + 2, w * 0.26, 4, 3), new Color(30, 28, 28));
        if (r.nextBoolean()) { // toast popping up
            for (int s = 0; s < 2; s++) {
                fillShaded(g, round(x + w * (0.19 + s * 0.38), y - 10, w * 0.24, 14, 6), new Color(200, 150, 80), light, 0.3);
            }
        }
        fill(g, round(x + w - 3, y + h * 0.3, 6, 5, 2), new Color(40, 40, 40));
        fill(g, rect(x + 8, y + h, 5, 3), new Color(30, 30, 30));
        fill(g, rect(x + w - 13, y + h, 5, 3), new Color(30, 30, 30));
        g.setStroke(new BasicStroke(1f));
        fill(g, round(x + 6, y + h * 0.2, w * 0.12, h * 0.6, 6), new Color(255, 255, 255, 60));
    }
}

package org.topoomni.stimuli.visual;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.Shape;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.QuadCurve2D;
import java.util.Map;
import java.util.SplittableRandom;

import static org.topoomni.stimuli.visual.Drawing.*;

/**
 * Procedural faces in the 100 x 100 design box: head shape, skin tone, hair style and colour,
 * ears, eyes (iris colour, gaze, blinks), brows, nose, mouth and expression, and sometimes
 * glasses, a beard or moustache, freckles, earrings; a three-quarter pose (yaw) shifts and
 * foreshortens the features, a pitch moves them up or down. Neck and the top of the shoulders
 * are drawn below the head, as in the face photographs of fLoc-style localizers.
 */
final class FaceRenderer {
    private FaceRenderer() {}

    static final Color[] SKIN = {
            new Color(255, 224, 196), new Color(241, 194, 167), new Color(236, 188, 150), new Color(224, 172, 138),
            new Color(210, 160, 120), new Color(198, 134, 98), new Color(161, 102, 72), new Color(120, 75, 50),
            new Color(89, 57, 40)};
    static final Color[] HAIR = {
            new Color(28, 22, 20), new Color(58, 38, 28), new Color(105, 70, 42), new Color(140, 62, 30),
            new Color(212, 176, 108), new Color(150, 146, 140), new Color(224, 222, 215), new Color(86, 52, 30)};
    static final String[] HAIR_NAMES = {"black", "dark_brown", "brown", "auburn", "blonde", "grey", "white", "chestnut"};
    static final Color[] IRIS = {
            new Color(92, 60, 32), new Color(52, 36, 22), new Color(70, 120, 180), new Color(80, 130, 80),
            new Color(120, 130, 140), new Color(130, 110, 60)};
    static final String[] HAIR_STYLES = {"bald", "short", "fringe", "side_part", "curly", "long", "bun", "long_fringe"};
    /** Drawn uniformly from this list: neutral and smiling faces twice as often as the others. */
    static final String[] EXPRESSIONS = {"neutral", "neutral", "smile", "smile", "laugh", "frown", "surprise", "wink"};

    /** Draws one face; returns a short description for the attributes. */
    static void draw(Graphics2D g, SplittableRandom r, Map<String, String> attrs) {
        double light = u(r, Math.PI * 0.25, Math.PI * 0.75) + (r.nextBoolean() ? 0 : u(r, -0.6, 0.6));
        int skinIdx = r.nextInt(SKIN.length);
        Color skin = jitter(SKIN[skinIdx], r, 0.06);
        int hairIdx = r.nextInt(HAIR.length);
        Color hair = jitter(HAIR[hairIdx], r, 0.1);
        Color iris = IRIS[r.nextInt(IRIS.length)];
        Color shirt = p(r, 0.5) ? vivid(r) : muted(r);
        String style = HAIR_STYLES[r.nextInt(HAIR_STYLES.length)];
        String expr = EXPRESSIONS[r.nextInt(EXPRESSIONS.length)];
        boolean masculine = r.nextBoolean();
        if (masculine && (style.equals("long") || style.equals("bun") || style.equals("long_fringe")) && p(r, 0.6)) {
            style = "short";
        }

        double cx = 50, cy = 44;
        double rx = u(r, 21, 27), ry = u(r, 27, 33);
        double jaw = u(r, 0.55, 0.9);          // jaw width relative to cheek width
        double chin = u(r, 0.15, 0.4);         // width of the chin's flat part
        double yaw = u(r, -0.35, 0.35);        // -: turned to its right (our left)
        double pitch = u(r, -0.08, 0.08);
        double shift = yaw * rx * 0.55;        // features move towards the turned side

        attrs.put("skin_tone", Integer.toString(skinIdx));
        attrs.put("hair_colour", HAIR_NAMES[hairIdx]);
        attrs.put("hair_style", style);
        attrs.put("expression", expr);
        attrs.put("yaw", String.format(java.util.Locale.ROOT, "%.2f", yaw));

        // --- long hair behind the head
        if (style.equals("long") || style.equals("long_fringe")) {
            double len = u(r, 0.9, 1.5) * ry;
            Path2D back = new Path2D.Double();
            back.moveTo(cx - rx * 1.12, cy - ry * 0.2);
            back.curveTo(cx - rx * 1.25, cy + len * 0.5, cx - rx * 1.2, cy + len, cx - rx * 0.7, cy + len);
            back.lineTo(cx + rx * 0.7, cy + len);
            back.curveTo(cx + rx * 1.2, cy + len, cx + rx * 1.25, cy + len * 0.5, cx + rx * 1.12, cy - ry * 0.2);
            back.curveTo(cx + rx * 1.1, cy - ry * 1.3, cx - rx * 1.1, cy - ry * 1.3, cx - rx * 1.12, cy - ry * 0.2);
            fillShaded(g, back, shade(hair, 0.85), light, 0.2);
        }
        if (style.equals("bun")) {
            fillShaded(g, ellipse(cx - shift * 0.3, cy - ry * 1.05, rx * 0.45, rx * 0.4), hair, light, 0.25);
        }

        // --- shoulders and neck
        double neckW = rx * Drawing.u(r, 0.42, 0.55), neckTop = cy + ry * 0.55;
        Path2D shoulders = new Path2D.Double();
        double sy = cy + ry + u(r, 6, 12);
        shoulders.moveTo(cx - 52, 112);
        shoulders.curveTo(cx - 50, sy + 4, cx - 30, sy - 2, cx - neckW, sy - 4);
        shoulders.lineTo(cx + neckW, sy - 4);
        shoulders.curveTo(cx + 30, sy - 2, cx + 50, sy + 4, cx + 52, 112);
        shoulders.closePath();
        Shape neck = rect(cx - neckW + shift * 0.2, neckTop, 2 * neckW, sy - neckTop + 4);
        fillShaded(g, neck, shade(skin, 0.82), light, 0.15);
        fillShaded(g, shoulders, shirt, light, 0.25);
        // collar
        String collar = pick(r, "crew", "v", "shirt");
        switch (collar) {
            case "crew" -> stroke(g, new Arc2D.Double(cx - neckW * 1.2, sy - 10, neckW * 2.4, 12, 200, 140, Arc2D.OPEN),
                    shade(shirt, 0.7), 2.2);
            case "v" -> fill(g, poly(cx - neckW, sy - 4, cx + neckW, sy - 4, cx, sy + 10), shade(skin, 0.82));
            default -> {
                fill(g, poly(cx - neckW - 1, sy - 6, cx - 2, sy + 8, cx - neckW - 9, sy + 5), shade(shirt, 1.25));
                fill(g, poly(cx + neckW + 1, sy - 6, cx + 2, sy + 8, cx + neckW + 9, sy + 5), shade(shirt, 1.25));
            }
        }

        // --- ears
        double earY = cy + ry * u(r, -0.02, 0.12), earRx = rx * 0.16, earRy = ry * 0.2;
        if (yaw < 0.25) fillShaded(g, ellipse(cx + rx * 0.97 + shift * 0.35, earY, earRx * (1 - yaw), earRy), shade(skin, 0.93), light, 0.2);
        if (yaw > -0.25) fillShaded(g, ellipse(cx - rx * 0.97 + shift * 0.35, earY, earRx * (1 + yaw), earRy), shade(skin, 0.93), light, 0.2);

        // --- head
        Shape head = headShape(cx + shift * 0.25, cy, rx, ry, jaw, chin);
        g.setPaint(new RadialGradientPaint(new Point2D.Double(cx + Math.cos(light) * rx * 0.5 + shift * 0.5,
                cy - Math.sin(light) * ry * 0.5), (float) (ry * 1.6), new float[]{0f, 1f},
                new Color[]{shade(skin, 1.08), shade(skin, 0.78)}));
        g.fill(head);

        double ex = cx + shift, ey = cy - ry * 0.04 + pitch * ry;
        // --- cheeks, freckles
        if (p(r, 0.3)) {
            Color blush = alpha(new Color(230, 110, 110), u(r, 0.12, 0.25));
            fill(g, ellipse(ex - rx * 0.5, ey + ry * 0.33, rx * 0.2, ry * 0.1), blush);
            fill(g, ellipse(ex + rx * 0.5, ey + ry * 0.33, rx * 0.2, ry * 0.1), blush);
        }
        if (p(r, 0.12)) {
            Color fr = alpha(shade(skin, 0.6), 0.5);
            for (int k = 0; k < 18; k++) {
                double fx = ex + u(r, -0.6, 0.6) * rx, fy = ey + ry * u(r, 0.15, 0.35);
                fill(g, ellipse(fx, fy, 0.7, 0.7), fr);
            }
        }

        // --- eyes
        double half = rx * u(r, 0.36, 0.46);
        double ew = rx * u(r, 0.15, 0.21), eh = ew * u(r, 0.42, 0.62);
        if (expr.equals("surprise")) eh *= 1.3;
        double gazeX = u(r, -0.3, 0.3) * ew + yaw * ew * 0.6, gazeY = u(r, -0.15, 0.15) * eh;
        boolean blink = p(r, 0.06);
        for (int side = -1; side <= 1; side += 2) {
            double fs = 1 - side * yaw * 0.9; // far eye narrower
            double x = ex + side * half * (1 - Math.abs(yaw) * 0.25) * (side * yaw > 0 ? 0.85 : 1.0);
            boolean closed = blink || (expr.equals("wink") && side == 1) || (expr.equals("laugh") && p(r, 0.5));
            drawEye(g, x, ey, ew * fs, eh, iris, skin, closed, gazeX, gazeY, expr.equals("smile") || expr.equals("laugh"));
        }

        // --- brows
        double browY = ey - eh * u(r, 1.9, 2.8), browT = u(r, 1.2, 2.8);
        Color browC = shade(hair, hairIdx >= 4 ? 0.75 : 0.95);
        for (int side = -1; side <= 1; side += 2) {
            double x = ex + side * half * (1 - Math.abs(yaw) * 0.25);
            double inner = 0, outer = 0;
            switch (expr) {
                case "surprise" -> { inner = -3; outer = -2.5; }
                case "frown" -> { inner = 2.2; outer = -0.5; }
                case "laugh", "smile" -> { inner = -0.5; outer = -0.5; }
                default -> { }
            }
            double w0 = ew * 1.25 * (1 - side * yaw * 0.8);
            QuadCurve2D brow = new QuadCurve2D.Double(x - side * w0 * 0.9, browY + inner, x, browY - 1.5 + (inner + outer) / 2,
                    x + side * w0 * 1.05, browY + outer + 0.8);
            stroke(g, brow, browC, browT);
        }

        // --- nose
        double noseX = ex + yaw * rx * 0.25, noseY = cy + ry * u(r, 0.25, 0.34) + pitch * ry;
        double nw = rx * u(r, 0.17, 0.28);
        Color noseC = shade(skin, 0.72);
        Path2D bridge = new Path2D.Double();
        double bx = noseX + (yaw >= 0 ? -1 : 1) * nw * 0.45;
        bridge.moveTo(bx, ey + eh * 0.5);
        bridge.quadTo(bx - yaw * 3, noseY - 4, noseX + yaw * nw * 1.6, noseY);
        stroke(g, bridge, alpha(noseC, 0.55), 1.1);
        stroke(g, new QuadCurve2D.Double(noseX - nw, noseY - 1, noseX + yaw * nw, noseY + 2.5, noseX + nw, noseY - 1),
                noseC, 1.3);
        fill(g, ellipse(noseX - nw * 0.45, noseY - 0.2, nw * 0.22, nw * 0.14), shade(skin, 0.5));
        fill(g, ellipse(noseX + nw * 0.45, noseY - 0.2, nw * 0.22, nw * 0.14), shade(skin, 0.5));

        // --- mouth
        double my = cy + ry * u(r, 0.52, 0.6) + pitch * ry;
        double mw = rx * u(r, 0.28, 0.4) * (1 - Math.abs(yaw) * 0.3);
        double mx = ex + yaw * rx * 0.15;
        Color lip = mix(shade(skin, 0.75), new Color(180, 70, 80), u(r, 0.3, 0.7));
        drawMouth(g, r, mx, my, mw, expr, lip);

        // --- facial hair
        if (masculine && p(r, 0.35)) {
            Color fh = alpha(shade(hair, 0.9), u(r, 0.75, 0.95));
            String facialHair = pick(r, "beard", "moustache", "goatee", "stubble");
            attrs.put("facial_hair", facialHair);
            switch (facialHair) {
                case "beard" -> {
                    Area beard = new Area(headShape(cx + shift * 0.25, cy, rx * 1.02, ry * 1.04, jaw, chin));
                    beard.subtract(new Area(rect(0, 0, 100, my - ry * 0.25)));
                    beard.subtract(new Area(ellipse(mx, my + 0.5, mw * 0.95, 3.2)));
                    fill(g, beard, fh);
                    drawMouth(g, r, mx, my, mw, expr, lip);
                }
                case "moustache" -> fill(g, moustache(mx, my - 2.6, mw * 1.05), fh);
                case "goatee" -> {
                    fill(g, moustache(mx, my - 2.6, mw * 0.95), fh);
                    fill(g, ellipse(mx, my + ry * 0.22, mw * 0.55, ry * 0.13), fh);
                }
                default -> {
                    Color st = alpha(shade(hair, 0.8), 0.35);
                    for (int k = 0; k < 140; k++) {
                        double a = u(r, 0.15 * Math.PI, 0.85 * Math.PI), rr = u(r, 0.55, 0.98);
                        double px = cx + shift * 0.25 + Math.cos(a) * rx * rr * 0.9, py = cy + Math.sin(a) * ry * rr;
                        if (py > my - 4) fill(g, ellipse(px, py, 0.45, 0.45), st);
                    }
                }
            }
        }

        // --- hair on top
        drawHair(g, r, style, hair, light, cx + shift * 0.3, cy, rx, ry, browY);

        // --- accessories
        if (p(r, 0.22)) {
            boolean sun = p(r, 0.2);
            Color frame = pick(r, new Color(20, 20, 20), new Color(120, 80, 40), new Color(170, 170, 175), vivid(r));
            attrs.put("glasses", sun ? "sunglasses" : "glasses");
            boolean round = r.nextBoolean();
            double lw = ew * 1.45, lh = eh * (round ? 2.6 : 2.1);
            for (int side = -1; side <= 1; side += 2) {
                double x = ex + side * half * (1 - Math.abs(yaw) * 0.25);
                double lwS = lw * (1 - side * yaw * 0.8);
                Shape lens = round ? ellipse(x, ey, lwS, lh / 2 * 1.25) : round(x - lwS, ey - lh / 2, 2 * lwS, lh, 5);
                if (sun) fill(g, lens, alpha(new Color(20, 25, 30), 0.85));
                else fill(g, lens, alpha(Color.WHITE, 0.12));
                stroke(g, lens, frame, 1.3);
            }
            stroke(g, new QuadCurve2D.Double(ex - half + lw, ey - 1, ex, ey - 3, ex + half - lw, ey - 1), frame, 1.2);
        }
        if (!masculine && p(r, 0.25) && !style.startsWith("long")) {
            Color ring = pick(r, new Color(230, 190, 60), new Color(200, 200, 205), vivid(r));
            if (yaw > -0.25) fill(g, ellipse(cx - rx * 0.97 + shift * 0.35, earY + earRy, 1.6, 1.6), ring);
            if (yaw < 0.25) fill(g, ellipse(cx + rx * 0.97 + shift * 0.35, earY + earRy, 1.6, 1.6), ring);
        }
    }

    static Shape headShape(double cx, double cy, double rx, double ry, double jaw, double chin) {
        Path2D p = new Path2D.Double();
        p.moveTo(cx - rx, cy);
        p.curveTo(cx - rx, cy - ry * 1.33, cx + rx, cy - ry * 1.33, cx + rx, cy);
        p.curveTo(cx + rx, cy + ry * 0.45, cx + rx * jaw, cy + ry * 0.8, cx + rx * chin, cy + ry);
        p.quadTo(cx, cy + ry * 1.06, cx - rx * chin, cy + ry);
        p.curveTo(cx - rx * jaw, cy + ry * 0.8, cx - rx, cy + ry * 0.45, cx - rx, cy);
        p.closePath();
        return p;
    }

    static void drawEye(Graphics2D g, double x, double y, double w, double h, Color iris, Color skin, boolean closed,
                        double gx, double gy, boolean happy) {
        Color lid = shade(skin, 0.45);
        if (closed) {
            stroke(g, new QuadCurve2D.Double(x - w, y, x, y + (happy ? -h * 1.2 : h * 0.8), x + w, y), lid, 1.4);
            return;
        }
        Shape white = new Ellipse2D.Double(x - w, y - h, 2 * w, 2 * h);
        fill(g, white, new Color(245, 243, 238));
        Area clip = new Area(white);
        Shape oldClip = g.getClip();
        g.clip(clip);
        double ir = h * 0.95;
        fill(g, ellipse(x + gx, y + gy, ir, ir), iris);
        fill(g, ellipse(x + gx, y + gy, ir * 0.45, ir * 0.45), new Color(15, 12, 12));
        fill(g, ellipse(x + gx + ir * 0.3, y + gy - ir * 0.3, ir * 0.2, ir * 0.2), new Color(255, 255, 255, 220));
        g.setClip(oldClip);
        stroke(g, new Arc2D.Double(x - w, y - h, 2 * w, 2 * h, 0, 180, Arc2D.OPEN), lid, 1.3);
        stroke(g, new Arc2D.Double(x - w, y - h, 2 * w, 2 * h, 200, 140, Arc2D.OPEN), alpha(lid, 0.35), 0.7);
    }

    static void drawMouth(Graphics2D g, SplittableRandom r, double x, double y, double w, String expr, Color lip) {
        Color dark = new Color(70, 25, 30);
        switch (expr) {
            case "smile", "wink" -> {
                double c = u(r, 2.5, 5);
                stroke(g, new QuadCurve2D.Double(x - w, y - c * 0.4, x, y + c, x + w, y - c * 0.4), lip, 2.2);
            }
            case "laugh" -> {
                Path2D m = new Path2D.Double();
                m.moveTo(x - w, y - 1);
                m.quadTo(x, y + 1, x + w, y - 1);
                m.quadTo(x, y + w * 0.9, x - w, y - 1);
                m.closePath();
                fill(g, m, dark);
                Area teeth = new Area(m);
                teeth.intersect(new Area(rect(x - w, y - 2, 2 * w, 3.2)));
                fill(g, teeth, new Color(245, 245, 240));
                stroke(g, m, lip, 1.3);
            }
            case "frown" -> {
                double c = u(r, 2, 4);
                stroke(g, new QuadCurve2D.Double(x - w * 0.9, y + c * 0.5, x, y - c, x + w * 0.9, y + c * 0.5), lip, 2.2);
            }
            case "surprise" -> {
                Shape o = ellipse(x, y + 1, w * 0.45, w * 0.55);
                fill(g, o, dark);
                stroke(g, o, lip, 1.6);
            }
            default -> {
                Path2D upper = new Path2D.Double();
                upper.moveTo(x - w, y);
                upper.curveTo(x - w * 0.5, y - 2.6, x - w * 0.15, y - 1.2, x, y - 1.8);
                upper.curveTo(x + w * 0.15, y - 1.2, x + w * 0.5, y - 2.6, x + w, y);
                upper.quadTo(x, y + 3.5, x - w, y);
                upper.closePath();
                fill(g, upper, lip);
                stroke(g, new CubicCurve2D.Double(x - w, y, x - w * 0.3, y + 0.6, x + w * 0.3, y + 0.6, x + w, y),
                        shade(lip, 0.6), 0.9);
            }
        }
    }

    static Shape moustache(double x, double y, double w) {
        Path2D m = new Path2D.Double();
        m.moveTo(x - w * 1.05, y + 2.2);
        m.quadTo(x - w * 0.6, y - 2.2, x, y - 1);
        m.quadTo(x + w * 0.6, y - 2.2, x + w * 1.05, y + 2.2);
        m.quadTo(x + w * 0.5, y + 0.6, x, y + 1);
        m.quadTo(x - w * 0.5, y + 0.6, x - w * 1.05, y + 2.2);
        m.closePath();
        return m;
    }

    static void drawHair(Graphics2D g, SplittableRandom r, String style, Color hair, double light, double cx, double cy,
                         double rx, double ry, double browY) {
        if (style.equals("bald")) {
            if (p(r, 0.5)) { // a fringe of hair around the back and sides
                Area a = new Area(headShape(cx, cy, rx * 1.06, ry * 1.03, 0.9, 0.3));
                a.subtract(new Area(headShape(cx, cy - 2, rx * 0.98, ry * 1.02, 0.9, 0.3)));
                a.intersect(new Area(rect(0, cy - ry * 0.6, 100, ry * 0.7)));
                fill(g, a, alpha(hair, 0.9));
            }
            return;
        }
        double top = cy - ry * 1.02;
        double hairline = switch (style) {
            case "fringe", "long_fringe" -> browY - u(r, 1, 4);
            case "curly" -> cy - ry * u(r, 0.45, 0.6);
            default -> cy - ry * u(r, 0.5, 0.68);
        };
        double vol = switch (style) {
            case "curly" -> u(r, 1.15, 1.35);
            case "short", "side_part" -> u(r, 1.02, 1.1);
            default -> u(r, 1.05, 1.15);
        };
        Area cap = new Area(new Ellipse2D.Double(cx - rx * vol, top - ry * (vol - 1) * 1.6 - 2, 2 * rx * vol,
                2 * (cy - top) + ry * 0.3));
        // The hairline: keep only what lies above it, with a wavy edge.
        Path2D above = new Path2D.Double();
        above.moveTo(-10, -10);
        above.lineTo(110, -10);
        above.lineTo(110, cy + (style.startsWith("long") ? ry * 0.3 : -ry * 0.05));
        double sideDrop = style.startsWith("long") ? ry * 0.3 : -ry * 0.05;
        above.lineTo(cx + rx * 0.92, cy + sideDrop);
        int waves = 6;
        for (int k = 0; k <= waves; k++) {
            double t = k / (double) waves;
            double x = cx + rx * 0.92 - t * rx * 1.84;
            double bump = style.equals("side_part") && k == 2 ? -4 : u(r, -1.5, 1.5);
            double yy = hairline + bump + Math.pow(2 * t - 1, 2) * (style.startsWith("fringe") || style.equals("long_fringe") ? 3 : 8);
            above.lineTo(x, yy);
        }
        above.lineTo(cx - rx * 0.92, cy + sideDrop);
        above.lineTo(-10, cy + sideDrop);
        above.closePath();
        cap.intersect(new Area(above));
        if (style.equals("curly")) {
            for (int k = 0; k < 26; k++) {
                double a = u(r, Math.PI * 0.95, Math.PI * 2.05), rr = u(r, 0.85, 1.15);
                double px = cx + Math.cos(a) * rx * vol * rr, py = cy - ry * 0.35 + Math.sin(a) * ry * 0.95 * rr;
                if (py < cy - ry * 0.1) cap.add(new Area(ellipse(px, py, rx * 0.2, rx * 0.2)));
            }
        }
        fillShaded(g, cap, hair, light, 0.28);
        // strands
        Color strand = alpha(shade(hair, 0.75), 0.5);
        for (int k = 0; k < 7; k++) {
            double x0 = cx + u(r, -0.7, 0.7) * rx;
            Shape oldClip = g.getClip();
            g.clip(cap);
            stroke(g, new QuadCurve2D.Double(x0, top, x0 + u(r, -6, 6), (top + hairline) / 2, x0 + u(r, -4, 4), hairline + 2),
                    strand, 0.7);
            g.setClip(oldClip);
        }
        if (style.startsWith("long")) { // strands framing the face
            for (int side = -1; side <= 1; side += 2) {
                Path2D s = new Path2D.Double();
                s.moveTo(cx + side * rx * 0.75, cy - ry * 0.6);
                s.quadTo(cx + side * rx * 1.2, cy + ry * 0.2, cx + side * rx * 1.05, cy + ry * 1.1);
                s.lineTo(cx + side * rx * 1.3, cy + ry * 1.1);
                s.quadTo(cx + side * rx * 1.35, cy, cx + side * rx * 1.0, cy - ry * 0.9);
                s.closePath();
                fillShaded(g, s, shade(hair, 0.95), light, 0.25);
            }
        }
    }
}

package org.topoomni.stimuli.visual;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Path2D;
import java.util.Map;
import java.util.SplittableRandom;

import static org.topoomni.stimuli.visual.Drawing.*;

/**
 * Procedural human bodies WITHOUT faces, as in fLoc's body condition: whole headless figures in
 * varied poses (standing, walking, running, arms raised, sitting, crouching, waving, jumping),
 * torso close-ups, legs, and single hands in several gestures. A figure is a small skeleton
 * (forward kinematics of torso, arms and legs) drawn as tapered limbs with clothing (long or
 * short sleeves, trousers, shorts or a skirt, shoes) over skin of varied tone. The neck ends
 * in a collar; no head is drawn.
 */
final class BodyRenderer {
    private BodyRenderer() {}

    static final String[] VIEWS = {"full", "full", "full", "torso", "legs", "hand"};
    static final String[] POSES = {"standing", "walking", "running", "arms_up", "hands_on_hips", "waving", "sitting",
            "crouching", "jumping", "reaching"};
    static final String[] GESTURES = {"open", "fist", "point", "peace", "thumbs_up", "relaxed"};

    static void draw(Graphics2D g, SplittableRandom r, Map<String, String> attrs) {
        String view = VIEWS[r.nextInt(VIEWS.length)];
        attrs.put("view", view);
        Color skin = jitter(FaceRenderer.SKIN[r.nextInt(FaceRenderer.SKIN.length)], r, 0.06);
        double light = u(r, 0.3 * Math.PI, 0.7 * Math.PI);
        if (view.equals("hand")) {
            String gesture = GESTURES[r.nextInt(GESTURES.length)];
            attrs.put("gesture", gesture);
            drawHand(g, r, skin, gesture, p(r, 0.7) ? vivid(r) : muted(r), light);
            return;
        }
        String pose = POSES[r.nextInt(POSES.length)];
        attrs.put("pose", pose);
        AffineTransform old = g.getTransform();
        // Zoom the figure for close-up views.
        switch (view) {
            case "torso" -> { g.translate(50, 50); g.scale(1.9, 1.9); g.translate(-50, -33); }
            case "legs" -> { g.translate(50, 50); g.scale(1.55, 1.55); g.translate(-50, -70); }
            default -> { }
        }
        drawFigure(g, r, pose(pose, r), skin, light, attrs);
        g.setTransform(old);
    }

    /**
     * Joint angles of a pose, in degrees. Limb angles: 0 = hanging straight down, positive =
     * outwards (frontal view) or forwards (side view, the figure faces +x). Elbow and knee
     * values are flexions: the forearm turns further by elbow degrees, the shin turns back by
     * knee degrees.
     */
    private record Pose(boolean side, double lean, double shL, double elL, double shR, double elR,
                        double hipL, double knL, double hipR, double knR) {}

    private static Pose pose(String name, SplittableRandom r) {
        double j = 8; // jitter in degrees
        Pose p = switch (name) {
            case "walking" -> new Pose(true, 3, -25, 15, 25, 20, 22, 5, -18, 25);
            case "running" -> new Pose(true, 12, -50, 90, 55, 95, 50, 40, -35, 95);
            case "arms_up" -> new Pose(false, 0, 150, 10, 150, 10, 6, 0, 6, 0);
            case "hands_on_hips" -> new Pose(false, 0, 40, -115, 40, -115, 8, 0, 8, 0);
            case "waving" -> new Pose(false, 0, 135, 35, 12, 8, 6, 0, 6, 0);
            case "sitting" -> new Pose(true, -5, 20, 60, 15, 55, 85, 85, 80, 85);
            case "crouching" -> new Pose(true, 25, 30, 40, 20, 50, 110, 140, 100, 135);
            case "jumping" -> new Pose(false, 0, 125, 20, 125, 20, 30, 35, 30, 35);
            case "reaching" -> new Pose(true, 8, 95, 5, 20, 30, 10, 0, -10, 5);
            default -> new Pose(false, 0, 10, 5, 10, 5, 5, 0, 5, 0);
        };
        return new Pose(p.side, p.lean + u(r, -j, j) / 2, p.shL + u(r, -j, j), p.elL + u(r, -j, j), p.shR + u(r, -j, j),
                p.elR + u(r, -j, j), p.hipL + u(r, -j, j), Math.max(0, p.knL + u(r, -j, j) / 2), p.hipR + u(r, -j, j),
                Math.max(0, p.knR + u(r, -j, j) / 2));
    }

    private static double[] along(double x, double y, double angleDeg, double len) {
        double a = Math.toRadians(angleDeg);
        return new double[]{x + Math.sin(a) * len, y + Math.cos(a) * len};
    }

    static void drawFigure(Graphics2D g, SplittableRandom r, Pose p, Color skin, double light, Map<String, String> attrs) {
        double build = u(r, 0.85, 1.2);           // slim .. broad
        double tall = u(r, 0.92, 1.06);
        Color top = p(r, 0.6) ? vivid(r) : muted(r);
        Color bottom = pick(r, new Color(40, 50, 80), new Color(60, 60, 65), new Color(120, 100, 70), new Color(25, 25, 30), vivid(r),
                muted(r));
        Color shoe = pick(r, new Color(30, 28, 28), new Color(90, 60, 40), new Color(235, 235, 235), vivid(r));
        String sleeves = pick(r, "long", "short", "none");
        String legwear = pick(r, "trousers", "trousers", "shorts", "skirt");
        attrs.put("sleeves", sleeves);
        attrs.put("legwear", legwear);

        double upper = 15 * tall, fore = 13 * tall, thigh = 19 * tall, shin = 18 * tall;
        double torsoLen = 24 * tall;
        // The pelvis sits so that a standing figure spans roughly y = 10 .. 95.
        double px = 50, py = 52;
        double[] neck = along(px, py, 180 - p.lean, torsoLen);
        double shW = (p.side ? 3.0 : 9.5) * build, hipW = (p.side ? 3.5 : 7) * build;
        double sL = p.side ? 1 : -1; // the image-left limbs mirror outwards in a frontal view
        double[] shL = {neck[0] - shW, neck[1] + 3}, shR = {neck[0] + shW, neck[1] + 3};
        double[] hpL = {px - hipW * 0.6, py}, hpR = {px + hipW * 0.6, py};

        // Far side (figure's right, drawn first and darker).
        double limbR = 3.3 * build;
        double farTone = p.side ? 0.8 : 0.97;
        drawLeg(g, hpR, p.hipR, p.knR, 1, p.side, thigh, shin, limbR * 1.25, skin, bottom, shoe, legwear, light, farTone);
        drawArm(g, shR, p.shR, p.elR, 1, upper, fore, limbR, skin, top, sleeves, light, farTone);

        // Torso.
        Path2D torso = new Path2D.Double();
        torso.moveTo(shL[0] - 2, shL[1] - 1);
        torso.quadTo(neck[0], neck[1] - 2, shR[0] + 2, shR[1] - 1);
        torso.lineTo((shR[0] + hpR[0]) / 2 + 1.5 * build, (shR[1] + hpR[1]) / 2);
        torso.lineTo(hpR[0] + 3.5, hpR[1] + 3);
        torso.lineTo(hpL[0] - 3.5, hpL[1] + 3);
        torso.lineTo((shL[0] + hpL[0]) / 2 - 1.5 * build, (shL[1] + hpL[1]) / 2);
        torso.closePath();
        // Neck stump with a collar: there is no head.
        Shape neckShape = capsule(neck[0], neck[1] + 2, neck[0] + Math.sin(Math.toRadians(p.lean)) * -4, neck[1] - 5,
                2.8 * build, 2.6 * build);
        fillShaded(g, neckShape, shade(skin, 0.9), light, 0.2);
        fill(g, ellipse(neck[0] + Math.sin(Math.toRadians(p.lean)) * -4, neck[1] - 5, 2.6 * build, 1.2), shade(skin, 0.7));
        Shape hips = new Area(ellipse(px, py + 1.5, hipW + 2.5, 5));
        fillShaded(g, hips, legwear.equals("skirt") ? bottom : bottom, light, 0.2);
        fillShaded(g, torso, top, light, 0.3);
        stroke(g, new java.awt.geom.Arc2D.Double(neck[0] - 4, neck[1] - 4, 8, 6, 200, 140, java.awt.geom.Arc2D.OPEN),
                shade(top, 0.6), 1.2);
        if (p(r, 0.3)) { // a belt
            fill(g, rect(px - hipW - 3, py - 2.5, 2 * hipW + 6, 2.2), shade(bottom, 0.5));
        }
        if (legwear.equals("skirt")) {
            Path2D skirt = new Path2D.Double();
            skirt.moveTo(px - hipW - 2, py - 1);
            skirt.lineTo(px + hipW + 2, py - 1);
            skirt.lineTo(px + hipW + 7, py + 17);
            skirt.lineTo(px - hipW - 7, py + 17);
            skirt.closePath();
            // near leg is drawn after the skirt below, so put the skirt after the legs instead
            drawLeg(g, hpL, p.hipL, p.knL, sL, p.side, thigh, shin, limbR * 1.25, skin, bottom, shoe, legwear, light, 1.0);
            fillShaded(g, skirt, bottom, light, 0.25);
        } else {
            drawLeg(g, hpL, p.hipL, p.knL, sL, p.side, thigh, shin, limbR * 1.25, skin, bottom, shoe, legwear, light, 1.0);
        }
        drawArm(g, shL, p.shL, p.elL, sL, upper, fore, limbR, skin, top, sleeves, light, 1.0);
    }

    private static void drawArm(Graphics2D g, double[] sh, double shoulder, double elbow, double sign, double upper,
                                double fore, double rad, Color skin, Color top, String sleeves, double light, double tone) {
        double shoulderAngle = sign * shoulder, elbowBend = sign * elbow;
        double[] el = along(sh[0], sh[1], shoulderAngle, upper);
        double[] wr = along(el[0], el[1], shoulderAngle + elbowBend, fore);
        Color sk = shade(skin, tone), cl = shade(top, tone);
        Shape up = capsule(sh[0], sh[1], el[0], el[1], rad * 1.1, rad * 0.9);
        Shape lo = capsule(el[0], el[1], wr[0], wr[1], rad * 0.9, rad * 0.7);
        switch (sleeves) {
            case "long" -> {
                fillShaded(g, up, cl, light, 0.25);
                fillShaded(g, lo, cl, light, 0.25);
            }
            case "short" -> {
                fillShaded(g, lo, sk, light, 0.2);
                fillShaded(g, up, sk, light, 0.2);
                double[] mid = along(sh[0], sh[1], shoulderAngle, upper * 0.5);
                fillShaded(g, capsule(sh[0], sh[1], mid[0], mid[1], rad * 1.25, rad * 1.1), cl, light, 0.25);
            }
            default -> {
                fillShaded(g, lo, sk, light, 0.2);
                fillShaded(g, up, sk, light, 0.2);
            }
        }
        // hand: a mitten with a thumb
        double[] hd = along(wr[0], wr[1], shoulderAngle + elbowBend, rad * 1.6);
        fillShaded(g, ellipse(hd[0], hd[1], rad * 0.95, rad * 1.25), sk, light, 0.2);
        double[] th = along(wr[0], wr[1], shoulderAngle + elbowBend + 40, rad * 1.3);
        fill(g, capsule(wr[0], wr[1], th[0], th[1], rad * 0.35, rad * 0.3), shade(sk, 0.95));
    }

    private static void drawLeg(Graphics2D g, double[] hip, double hipA, double knee, double sign, boolean side,
                                double thigh, double shin, double rad, Color skin, Color bottom, Color shoe, String legwear,
                                double light, double tone) {
        double hipAngle = sign * hipA, kneeBend = -sign * knee;
        double[] kn = along(hip[0], hip[1], hipAngle, thigh);
        double[] an = along(kn[0], kn[1], hipAngle + kneeBend, shin);
        Color sk = shade(skin, tone), cl = shade(bottom, tone);
        Shape th = capsule(hip[0], hip[1], kn[0], kn[1], rad * 1.15, rad * 0.85);
        Shape sh = capsule(kn[0], kn[1], an[0], an[1], rad * 0.85, rad * 0.6);
        switch (legwear) {
            case "trousers" -> {
                fillShaded(g, sh, cl, light, 0.2);
                fillShaded(g, th, cl, light, 0.2);
            }
            case "shorts" -> {
                fillShaded(g, sh, sk, light, 0.2);
                fillShaded(g, th, sk, light, 0.2);
                double[] mid = along(hip[0], hip[1], hipAngle, thigh * 0.6);
                fillShaded(g, capsule(hip[0], hip[1], mid[0], mid[1], rad * 1.3, rad * 1.15), cl, light, 0.2);
            }
            default -> { // skirt: bare legs
                fillShaded(g, sh, sk, light, 0.2);
                fillShaded(g, th, sk, light, 0.2);
            }
        }
        // shoe pointing forward (+x), along the ground when the shin is roughly vertical
        double footAngle = hipAngle + kneeBend + (side ? 90 : sign * 60);
        double[] toe = along(an[0], an[1], footAngle, rad * (side ? 2.6 : 1.6));
        fillShaded(g, capsule(an[0], an[1] + rad * 0.2, toe[0], toe[1] + rad * 0.2, rad * 0.75, rad * 0.6), shade(shoe, tone),
                light, 0.2);
    }

    /** A single hand, palm towards the viewer, fingers up, in a gesture; the sleeve enters from below. */
    static void drawHand(Graphics2D g, SplittableRandom r, Color skin, String gesture, Color sleeve, double light) {
        double cx = 50, cy = 58, pw = u(r, 15, 19), ph = u(r, 17, 21);
        AffineTransform old = g.getTransform();
        g.rotate(Math.toRadians(u(r, -25, 25)), cx, cy + 20);
        // wrist and sleeve
        fillShaded(g, rect(cx - pw * 0.55, cy + ph * 0.6, pw * 1.1, 30), shade(skin, 0.92), light, 0.2);
        fillShaded(g, round(cx - pw * 0.75, cy + ph * 1.15, pw * 1.5, 30, 6), sleeve, light, 0.25);
        Shape palm = round(cx - pw, cy - ph * 0.7, pw * 2, ph * 1.6, pw * 0.9);
        double[] fingerLen = {u(r, 17, 20), u(r, 19, 22), u(r, 17, 20), u(r, 13, 16)}; // index, middle, ring, little
        boolean[] extended = switch (gesture) {
            case "fist", "thumbs_up" -> new boolean[]{false, false, false, false};
            case "point" -> new boolean[]{true, false, false, false};
            case "peace" -> new boolean[]{true, true, false, false};
            default -> new boolean[]{true, true, true, true};
        };
        double spread = gesture.equals("open") ? u(r, 6, 12) : (gesture.equals("peace") ? 12 : 2);
        double fw = pw * 0.24;
        for (int k = 0; k < 4; k++) {
            double bx = cx - pw * 0.72 + k * pw * 0.48, by = cy - ph * 0.6;
            double ang = Math.toRadians(180 + (k - 1.5) * spread);
            if (extended[k]) {
                double len = fingerLen[k] * (gesture.equals("relaxed") ? 0.9 : 1);
                double ex = bx + Math.sin(ang) * len, ey = by + Math.cos(ang) * len;
                Shape f = capsule(bx, by, ex, ey, fw, fw * 0.85);
                fillShaded(g, f, skin, light, 0.15);
                double mx = bx + Math.sin(ang) * len * 0.5, my = by + Math.cos(ang) * len * 0.5;
                stroke(g, new java.awt.geom.Line2D.Double(mx - fw * 0.5, my, mx + fw * 0.5, my), alpha(shade(skin, 0.6), 0.5), 0.6);
                fill(g, ellipse(ex, ey + fw * 0.2, fw * 0.55, fw * 0.45), alpha(shade(skin, 1.2), 0.7)); // nail
            } else {
                fillShaded(g, round(bx - fw, by - fw * 1.4, fw * 2, fw * 3.2, fw * 1.8), shade(skin, 0.95), light, 0.15);
            }
        }
        fillShaded(g, palm, skin, light, 0.2);
        // palm lines
        Color line = alpha(shade(skin, 0.55), 0.55);
        stroke(g, new java.awt.geom.QuadCurve2D.Double(cx - pw * 0.8, cy - ph * 0.15, cx, cy + ph * 0.1, cx + pw * 0.85, cy - ph * 0.3), line, 0.7);
        stroke(g, new java.awt.geom.QuadCurve2D.Double(cx - pw * 0.5, cy + ph * 0.7, cx - pw * 0.5, cy, cx - pw * 0.1, cy - ph * 0.35), line, 0.7);
        if (!extended[0] && !extended[1]) { // curled fingers drawn over the palm top
            for (int k = 0; k < 4; k++) {
                double bx = cx - pw * 0.72 + k * pw * 0.48;
                fillShaded(g, round(bx - fw, cy - ph * 0.75, fw * 2, fw * 2.6, fw * 1.6), shade(skin, 0.97), light, 0.15);
            }
        }
        // thumb
        double tAng = gesture.equals("thumbs_up") ? 180 : (gesture.equals("fist") || gesture.equals("point") || gesture.equals("peace") ? 150 : u(r, 115, 135));
        double tbx = cx + pw * 0.85, tby = cy + ph * 0.35;
        double tl = gesture.equals("thumbs_up") ? 18 : 14;
        double a = Math.toRadians(tAng);
        Shape thumb = capsule(tbx, tby, tbx + Math.sin(a) * tl, tby + Math.cos(a) * tl, fw * 1.25, fw * 0.95);
        fillShaded(g, thumb, shade(skin, 0.97), light, 0.15);
        g.setTransform(old);
    }
}

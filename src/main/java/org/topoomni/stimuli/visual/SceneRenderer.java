package org.topoomni.stimuli.visual;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.SplittableRandom;

import static org.topoomni.stimuli.visual.Drawing.*;

/**
 * Built places that fill the frame, for the fLoc "scenes" (places) condition: rooms and
 * corridors in one-point perspective (floor boards or tiles, windows, doors, pictures, lights),
 * streets receding to a vanishing point between building rows, frontal building facades with
 * grids of windows, and city skylines by day, at dusk or at night. Vanishing point, proportions,
 * materials and colours vary per exemplar.
 */
final class SceneRenderer {
    private SceneRenderer() {}

    static final String[] SCENES = {"room", "corridor", "street", "facade", "skyline"};

    static void draw(BufferedImage img, SplittableRandom r, Map<String, String> attrs) {
        String scene = SCENES[r.nextInt(SCENES.length)];
        attrs.put("scene_kind", scene);
        Graphics2D g = graphics(img);
        int w = img.getWidth(), h = img.getHeight();
        g.scale(w / 100.0, h / 100.0); // draw in a 100 x 100 frame
        switch (scene) {
            case "room" -> room(g, r, false);
            case "corridor" -> room(g, r, true);
            case "street" -> street(g, r);
            case "facade" -> facade(g, r);
            default -> skyline(g, r);
        }
        g.dispose();
    }

    /** Point at fraction t from the vanishing point (vx, vy) towards (x, y). */
    private static double[] towards(double vx, double vy, double x, double y, double t) {
        return new double[]{vx + (x - vx) * t, vy + (y - vy) * t};
    }

    static Color sky(SplittableRandom r) {
        return pick(r, new Color(120, 170, 225), new Color(160, 200, 235), new Color(200, 210, 220), new Color(240, 170, 120),
                new Color(90, 120, 180));
    }

    static void room(Graphics2D g, SplittableRandom r, boolean corridor) {
        double vx = u(r, 38, 62), vy = u(r, 38, 55);
        double bw = corridor ? u(r, 12, 22) : u(r, 38, 60), bh = corridor ? bw * u(r, 1.1, 1.5) : u(r, 34, 50);
        double bx0 = vx - bw / 2, bx1 = vx + bw / 2, by0 = vy - bh * 0.55, by1 = vy + bh * 0.45;
        Color wall = muted(r), side = shade(wall, 0.85), ceil = shade(wall, 1.15);
        Color floor = pick(r, new Color(150, 105, 65), new Color(185, 150, 110), new Color(120, 120, 125), muted(r),
                new Color(95, 70, 50));
        // Extend the back-wall corners to the frame edges.
        double far = 6; // large factor: lines reach past the frame
        double[] tl = towards(vx, vy, bx0, by0, far), tr = towards(vx, vy, bx1, by0, far);
        double[] bl = towards(vx, vy, bx0, by1, far), br = towards(vx, vy, bx1, by1, far);
        fillShaded(g, poly(bx0, by0, bx1, by0, tr[0], tr[1], tl[0], tl[1]), ceil, Math.PI / 2, 0.1);
        g.setPaint(new GradientPaint((float) vx, (float) by1, shade(floor, 0.8), (float) vx, 100f, shade(floor, 1.1)));
        Shape floorShape = poly(bx0, by1, bx1, by1, br[0], br[1], bl[0], bl[1]);
        g.fill(floorShape);
        fillShaded(g, poly(bx0, by0, bx0, by1, bl[0], bl[1], tl[0], tl[1]), side, 0, 0.12);
        fillShaded(g, poly(bx1, by0, bx1, by1, br[0], br[1], tr[0], tr[1]), shade(side, 0.92), Math.PI, 0.12);
        fillShaded(g, rect(bx0, by0, bw, bh), wall, Math.PI / 2, 0.08);

        // floor texture
        Shape oldClip = g.getClip();
        g.clip(floorShape);
        Color seam = alpha(shade(floor, 0.6), 0.6);
        boolean tiles = corridor || p(r, 0.4);
        int boards = i(r, 6, 12);
        for (int k = 0; k <= boards; k++) {
            double x = bx0 + bw * k / boards;
            double[] e = towards(vx, vy, x, by1, far);
            stroke(g, new Line2D.Double(x, by1, e[0], e[1]), seam, 0.5);
        }
        if (tiles) {
            double t = 1;
            for (int k = 0; k < 14; k++) {
                t *= 1.35;
                double y = vy + (by1 - vy) * t;
                if (y > 100) break;
                stroke(g, new Line2D.Double(0, y, 100, y), seam, 0.5);
            }
        }
        g.setClip(oldClip);
        // skirting lines
        stroke(g, new Line2D.Double(bx0, by1, bx1, by1), shade(wall, 0.6), 0.8);
        stroke(g, new Line2D.Double(bx0, by1, bl[0], bl[1]), shade(wall, 0.6), 0.8);
        stroke(g, new Line2D.Double(bx1, by1, br[0], br[1]), shade(wall, 0.6), 0.8);

        if (corridor) {
            // doors along both walls, ceiling lights
            int n = i(r, 3, 5);
            Color door = pick(r, new Color(120, 80, 45), new Color(200, 200, 195), muted(r));
            for (int side2 = -1; side2 <= 1; side2 += 2) {
                double edgeX = side2 < 0 ? bx0 : bx1;
                for (int k = 0; k < n; k++) {
                    double t0 = 1.25 + k * 0.9, t1 = t0 + 0.35;
                    double[] a0 = towards(vx, vy, edgeX, by1, t0), a1 = towards(vx, vy, edgeX, by1, t1);
                    double[] c0 = towards(vx, vy, edgeX, by0 + bh * 0.3, t0), c1 = towards(vx, vy, edgeX, by0 + bh * 0.3, t1);
                    fill(g, poly(a0[0], a0[1], a1[0], a1[1], c1[0], c1[1], c0[0], c0[1]), shade(door, 0.9 + 0.05 * k));
                }
            }
            for (int k = 0; k < 5; k++) {
                double t = 1.3 + k * 0.8;
                double[] c = towards(vx, vy, vx, by0, t);
                if (c[1] < 0) break;
                fill(g, ellipse(c[0], c[1] + 0.5, 2.5 * t, 0.7 * t), new Color(255, 252, 235));
            }
            fill(g, rect(vx - bw * 0.2, by0 + bh * 0.3, bw * 0.4, bh * 0.7), shade(wall, 0.7)); // far door
            return;
        }
        // window on the back wall
        if (p(r, 0.75)) {
            double ww = bw * u(r, 0.25, 0.5), wh = bh * u(r, 0.35, 0.55), wx = bx0 + u(r, 0.1, 0.9 - ww / bw) * bw;
            double wy = by0 + bh * u(r, 0.12, 0.25);
            Color s = sky(r);
            g.setPaint(new GradientPaint((float) wx, (float) wy, shade(s, 1.2), (float) wx, (float) (wy + wh), s));
            g.fill(rect(wx, wy, ww, wh));
            if (p(r, 0.6)) fill(g, poly(wx, wy + wh * 0.7, wx + ww * 0.4, wy + wh * 0.5, wx + ww, wy + wh * 0.75, wx + ww, wy + wh, wx, wy + wh),
                    new Color(90, 130, 80));
            Color frame = pick(r, Color.WHITE, new Color(110, 80, 50), new Color(60, 60, 60));
            stroke(g, rect(wx, wy, ww, wh), frame, 1.4);
            stroke(g, new Line2D.Double(wx + ww / 2, wy, wx + ww / 2, wy + wh), frame, 1.0);
            stroke(g, new Line2D.Double(wx, wy + wh / 2, wx + ww, wy + wh / 2), frame, 1.0);
            if (p(r, 0.5)) { // curtains
                Color cur = vivid(r);
                fill(g, rect(wx - 3, wy - 2, ww * 0.22, wh + 6), cur);
                fill(g, rect(wx + ww * 0.8 + 3, wy - 2, ww * 0.22, wh + 6), cur);
            }
        } else { // a picture
            double pw = bw * u(r, 0.2, 0.35), ph = pw * u(r, 0.6, 1.0), px = vx - pw / 2 + u(r, -bw * 0.2, bw * 0.2), py = by0 + bh * 0.2;
            fill(g, rect(px - 1.5, py - 1.5, pw + 3, ph + 3), new Color(90, 65, 40));
            fill(g, rect(px, py, pw, ph), vivid(r));
            fill(g, poly(px, py + ph, px + pw * 0.5, py + ph * 0.4, px + pw, py + ph), vivid(r));
        }
        // a door on a side wall
        if (p(r, 0.7)) {
            boolean left = r.nextBoolean();
            double edgeX = left ? bx0 : bx1;
            double t0 = u(r, 1.3, 1.8), t1 = t0 + u(r, 0.35, 0.5);
            double[] a0 = towards(vx, vy, edgeX, by1, t0), a1 = towards(vx, vy, edgeX, by1, t1);
            double[] c0 = towards(vx, vy, edgeX, by0 + bh * 0.2, t0), c1 = towards(vx, vy, edgeX, by0 + bh * 0.2, t1);
            Color door = pick(r, new Color(120, 80, 45), new Color(230, 230, 225), muted(r));
            fillShaded(g, poly(a0[0], a0[1], a1[0], a1[1], c1[0], c1[1], c0[0], c0[1]), door, left ? 0 : Math.PI, 0.15);
        }
        // a ceiling lamp, a rug, or a low table
        if (p(r, 0.5)) {
            stroke(g, new Line2D.Double(vx, by0 - 30, vx, by0 - 2), new Color(40, 40, 40), 0.6);
            fill(g, poly(vx - 6, by0 + 4, vx + 6, by0 + 4, vx + 3, by0 - 2, vx - 3, by0 - 2), vivid(r));
        }
        if (p(r, 0.5)) {
            double ry = by1 + (100 - by1) * 0.55;
            fill(g, ellipse(vx, ry, bw * 0.6, (100 - by1) * 0.22), alpha(vivid(r), 0.85));
        }
        if (p(r, 0.4)) { // a simple box: table or cabinet against the back wall
            double tw = bw * u(r, 0.25, 0.45), th = bh * u(r, 0.2, 0.35), tx = bx0 + u(r, 0.05, 0.95 - tw / bw) * bw;
            Color wood = pick(r, new Color(120, 80, 45), new Color(170, 130, 90), muted(r));
            fillShaded(g, rect(tx, by1 - th, tw, th), wood, Math.PI / 2, 0.2);
            fill(g, poly(tx, by1 - th, tx + tw, by1 - th, tx + tw + 2, by1 - th + 2, tx + 2, by1 - th + 2), shade(wood, 1.2));
        }
    }

    static void street(Graphics2D g, SplittableRandom r) {
        double vx = u(r, 35, 65), vy = u(r, 35, 50);
        Color s = sky(r);
        g.setPaint(new GradientPaint(0, 0, shade(s, 0.9), 0, (float) vy, shade(s, 1.25)));
        g.fill(rect(0, 0, 100, vy + 1));
        Color asphalt = pick(r, new Color(70, 70, 75), new Color(95, 95, 100), new Color(110, 105, 100));
        fill(g, rect(0, vy, 100, 100 - vy), asphalt);
        double roadHalf = u(r, 22, 34);
        double[] lb = {vx - roadHalf * 3, 100 + (100 - vy) * 0.0}, rb = {vx + roadHalf * 3, 100};
        Color walk = pick(r, new Color(170, 165, 155), new Color(150, 145, 140), new Color(190, 180, 165));
        fill(g, poly(vx, vy, lb[0], 100, -200, 100, -200, vy), walk);
        fill(g, poly(vx, vy, rb[0], 100, 300, 100, 300, vy), walk);
        // lane markings
        for (int k = 0; k < 8; k++) {
            double t0 = Math.pow(1.45, k) * 0.1, t1 = t0 * 1.2;
            double[] a = towards(vx, vy, vx, 100 + 20, t0), b = towards(vx, vy, vx, 120, t1);
            if (a[1] > 100) break;
            stroke(g, new Line2D.Double(a[0], a[1], b[0], b[1]), new Color(235, 225, 150), 0.4 + t0 * 2.2);
        }
        // building rows on both sides
        for (int side = -1; side <= 1; side += 2) {
            double t = 1.0;
            double edgeX = side < 0 ? -60 : 160;
            for (int k = 0; k < 7; k++) {
                double tn = t * u(r, 0.55, 0.75);
                double hgt = u(r, 30, 90);
                double[] f0 = towards(vx, vy, edgeX, 100, t), f1 = towards(vx, vy, edgeX, 100, tn);
                double[] t0 = towards(vx, vy, edgeX, 100 - hgt * 2.2, t), t1 = towards(vx, vy, edgeX, 100 - hgt * 2.2, tn);
                Color b = pick(r, muted(r), new Color(170, 90, 70), new Color(200, 190, 170), new Color(130, 130, 140));
                Shape face = poly(f0[0], f0[1], f1[0], f1[1], t1[0], t1[1], t0[0], t0[1]);
                fillShaded(g, face, b, side < 0 ? 0 : Math.PI, 0.15);
                // windows in perspective rows
                Shape oldClip = g.getClip();
                g.clip(face);
                Color win = pick(r, new Color(60, 80, 110), new Color(150, 180, 210), new Color(40, 45, 55));
                for (int row = 1; row < 8; row++) {
                    double fy = row / 8.0;
                    for (int col = 0; col < 3; col++) {
                        double ta = t + (tn - t) * (0.15 + col * 0.3), tb = ta + (tn - t) * 0.15;
                        double[] p0 = towards(vx, vy, edgeX, 100 - hgt * 2.2 * fy, ta), p1 = towards(vx, vy, edgeX, 100 - hgt * 2.2 * fy, tb);
                        double[] p2 = towards(vx, vy, edgeX, 100 - hgt * 2.2 * (fy + 0.06), tb), p3 = towards(vx, vy, edgeX, 100 - hgt * 2.2 * (fy + 0.06), ta);
                        fill(g, poly(p0[0], p0[1], p1[0], p1[1], p2[0], p2[1], p3[0], p3[1]), win);
                    }
                }
                g.setClip(oldClip);
                stroke(g, face, shade(b, 0.6), 0.3);
                t = tn;
                if (t < 0.06) break;
            }
        }
        // lamp posts or trees along the pavement
        if (p(r, 0.6)) {
            for (int k = 0; k < 4; k++) {
                double t = 0.9 * Math.pow(0.6, k);
                for (int side = -1; side <= 1; side += 2) {
                    double[] base = towards(vx, vy, vx + side * roadHalf * 3.6, 100, t);
                    double hh = 60 * t;
                    stroke(g, new Line2D.Double(base[0], base[1], base[0], base[1] - hh), new Color(40, 40, 45), Math.max(0.3, 1.5 * t));
                    fill(g, ellipse(base[0], base[1] - hh, 2.2 * t, 1.2 * t), new Color(250, 240, 190));
                }
            }
        }
    }

    static void facade(Graphics2D g, SplittableRandom r) {
        Color s = sky(r);
        g.setPaint(new GradientPaint(0, 0, s, 0, 30, shade(s, 1.2)));
        g.fill(rect(0, 0, 100, 100));
        double top = u(r, -5, 18), left = u(r, -12, 6), right = u(r, 94, 112);
        Color wall = pick(r, muted(r), new Color(175, 85, 60), new Color(210, 195, 160), new Color(150, 150, 155),
                new Color(230, 225, 215));
        fillShaded(g, rect(left, top, right - left, 100 - top), wall, Math.PI * 0.6, 0.15);
        boolean brick = p(r, 0.35);
        if (brick) {
            Color mortar = alpha(shade(wall, 1.35), 0.5);
            for (double y = top; y < 100; y += 2.2) {
                stroke(g, new Line2D.Double(left, y, right, y), mortar, 0.25);
                double off = ((int) ((y - top) / 2.2) % 2) * 2.5;
                for (double x = left + off; x < right; x += 5) stroke(g, new Line2D.Double(x, y, x, y + 2.2), mortar, 0.25);
            }
        }
        // cornice
        fill(g, rect(left - 2, top - 2, right - left + 4, u(r, 2, 5)), shade(wall, 0.75));
        int cols = i(r, 3, 6), rows = i(r, 3, 6);
        double groundFloor = u(r, 16, 24);
        double gx = (right - left) / cols, gy = (100 - groundFloor - top - 6) / rows;
        double ww = gx * u(r, 0.4, 0.65), wh = gy * u(r, 0.5, 0.7);
        Color glass = pick(r, new Color(70, 95, 130), new Color(150, 185, 215), new Color(45, 50, 60), new Color(200, 210, 215));
        Color frame = pick(r, Color.WHITE, new Color(60, 60, 60), new Color(120, 90, 60));
        boolean shutters = p(r, 0.3);
        Color shutterC = vivid(r);
        for (int row = 0; row < rows; row++) {
            for (int col = 0; col < cols; col++) {
                double x = left + col * gx + (gx - ww) / 2, y = top + 6 + row * gy + (gy - wh) / 2;
                g.setPaint(new GradientPaint((float) x, (float) y, shade(glass, 1.25), (float) (x + ww), (float) (y + wh), glass));
                g.fill(rect(x, y, ww, wh));
                stroke(g, rect(x, y, ww, wh), frame, 0.7);
                stroke(g, new Line2D.Double(x + ww / 2, y, x + ww / 2, y + wh), frame, 0.5);
                fill(g, rect(x - 1, y + wh, ww + 2, 1.2), shade(wall, 0.7));
                if (shutters) {
                    fill(g, rect(x - ww * 0.35, y, ww * 0.3, wh), shutterC);
                    fill(g, rect(x + ww * 1.05, y, ww * 0.3, wh), shutterC);
                }
            }
        }
        // ground floor: door and shop windows
        double gfTop = 100 - groundFloor;
        fill(g, rect(left, gfTop - 1, right - left, 1.5), shade(wall, 0.6));
        double dw = u(r, 9, 14), dx = u(r, 25, 75) - dw / 2;
        fillShaded(g, rect(dx, gfTop + 2, dw, groundFloor), pick(r, new Color(90, 60, 35), new Color(40, 60, 40), vivid(r)),
                Math.PI / 2, 0.2);
        fill(g, ellipse(dx + dw * 0.8, gfTop + groundFloor * 0.55, 0.7, 0.7), new Color(220, 200, 120));
        if (p(r, 0.6)) {
            fill(g, rect(dx - 22, gfTop + 4, 17, groundFloor - 6), glass);
            fill(g, rect(dx + dw + 5, gfTop + 4, 17, groundFloor - 6), glass);
            if (p(r, 0.6)) fill(g, poly(dx - 24, gfTop + 1, dx - 3, gfTop + 1, dx - 5, gfTop + 6, dx - 22, gfTop + 6), vivid(r));
        }
        fill(g, rect(-5, 97, 110, 5), new Color(150, 145, 140)); // pavement
    }

    static void skyline(Graphics2D g, SplittableRandom r) {
        int time = r.nextInt(3); // day, dusk, night
        Color top = switch (time) {
            case 0 -> new Color(90, 150, 215);
            case 1 -> new Color(70, 60, 120);
            default -> new Color(10, 15, 40);
        };
        Color bottom = switch (time) {
            case 0 -> new Color(190, 215, 240);
            case 1 -> new Color(250, 150, 90);
            default -> new Color(40, 50, 90);
        };
        g.setPaint(new GradientPaint(0, 0, top, 0, 75, bottom));
        g.fill(rect(0, 0, 100, 100));
        if (time == 2) {
            for (int k = 0; k < 30; k++) fill(g, ellipse(u(r, 0, 100), u(r, 0, 45), 0.35, 0.35), new Color(255, 255, 240, 200));
        } else if (time == 1) {
            fill(g, ellipse(u(r, 15, 85), u(r, 55, 70), 9, 9), new Color(255, 200, 120));
        }
        double ground = u(r, 72, 90);
        for (int layer = 0; layer < 3; layer++) {
            double x = u(r, -8, 0);
            Color base = time == 0 ? mix(new Color(120, 130, 150), bottom, 0.5 - layer * 0.2)
                    : mix(new Color(25, 25, 40), bottom, 0.45 - layer * 0.2);
            while (x < 100) {
                double bw = u(r, 5, 14) * (1 + layer * 0.2);
                double bh = u(r, 12, 55) * (1 - layer * 0.15) + (layer == 2 ? 0 : 10);
                Color c = jitter(base, r, 0.1);
                Shape b = rect(x, ground - bh, bw, bh + 1);
                fill(g, b, c);
                if (p(r, 0.2)) { // spire or antenna
                    stroke(g, new Line2D.Double(x + bw / 2, ground - bh, x + bw / 2, ground - bh - u(r, 4, 10)), c, 0.6);
                }
                if (layer == 2 || p(r, 0.5)) {
                    Color lit = time == 2 ? new Color(255, 220, 120) : (time == 1 ? new Color(255, 210, 150) : shade(c, 1.3));
                    for (double wy = ground - bh + 2; wy < ground - 2; wy += 2.6) {
                        for (double wx = x + 1; wx < x + bw - 1.2; wx += 2) {
                            if (time == 0 || p(r, 0.45)) fill(g, rect(wx, wy, 1, 1.3), alpha(lit, time == 0 ? 0.35 : 0.9));
                        }
                    }
                }
                x += bw + u(r, -1, 2);
            }
        }
        // water with reflections, or a ground strip
        if (r.nextBoolean()) {
            g.setPaint(new GradientPaint(0, (float) ground, shade(bottom, 0.6), 0, 100, shade(top, 0.8)));
            g.fill(rect(0, ground, 100, 100 - ground));
            for (int k = 0; k < 25; k++) {
                double y = u(r, ground + 1, 100), x = u(r, 0, 95);
                stroke(g, new Line2D.Double(x, y, x + u(r, 2, 8), y), alpha(Color.WHITE, 0.25), 0.4);
            }
        } else {
            fill(g, rect(0, ground, 100, 100 - ground), time == 0 ? new Color(90, 100, 90) : new Color(20, 22, 30));
        }
    }
}

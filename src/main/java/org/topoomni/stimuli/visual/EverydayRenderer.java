package org.topoomni.stimuli.visual;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.QuadCurve2D;
import java.util.Map;
import java.util.SplittableRandom;

import static org.topoomni.stimuli.visual.Drawing.*;

/**
 * Procedural drawings, in the 100 x 100 design box, of the everyday categories: furniture
 * (always rendered) and the categories that normally come from clip art (animals, birds,
 * insects, vehicles, food, tools, buildings, plants, flowers, instruments, clothing, sports),
 * used when their clip-art folder is missing or nearly empty. Each category has several objects
 * (e.g. vehicles: car, bus, truck, bicycle, aeroplane, boat) with varied proportions and
 * colours, so that even this fallback keeps real within-category variation.
 */
final class EverydayRenderer {
    private EverydayRenderer() {}

    static final Map<String, String[]> OBJECTS = Map.ofEntries(
            Map.entry("furniture", new String[]{"chair", "table", "sofa", "bed", "bookshelf", "wardrobe", "stool", "armchair", "desk"}),
            Map.entry("animals", new String[]{"dog", "cat", "horse", "cow", "pig", "sheep", "elephant", "giraffe", "bear", "rabbit"}),
            Map.entry("birds", new String[]{"perched", "flying", "duck", "owl", "penguin"}),
            Map.entry("insects", new String[]{"butterfly", "bee", "ladybird", "ant", "dragonfly", "beetle"}),
            Map.entry("vehicles", new String[]{"car", "bus", "truck", "bicycle", "aeroplane", "boat", "train"}),
            Map.entry("food", new String[]{"apple", "banana", "orange", "pear", "grapes", "strawberry", "pizza", "burger", "cake",
                    "bread", "ice_cream", "donut", "watermelon", "carrot"}),
            Map.entry("tools", new String[]{"hammer", "screwdriver", "wrench", "saw", "pliers", "shovel", "axe", "paintbrush"}),
            Map.entry("buildings", new String[]{"house", "tower", "church", "barn", "lighthouse", "castle"}),
            Map.entry("plants", new String[]{"tree", "conifer", "potted_plant", "cactus", "palm", "bush"}),
            Map.entry("flowers", new String[]{"daisy", "tulip", "sunflower", "rose", "bouquet"}),
            Map.entry("instruments", new String[]{"guitar", "violin", "piano", "drum", "trumpet", "flute", "xylophone", "harp"}),
            Map.entry("clothing", new String[]{"t_shirt", "trousers", "dress", "hat", "shoe", "sock", "jacket", "skirt"}),
            Map.entry("sports", new String[]{"soccer_ball", "basketball", "tennis_ball", "baseball_bat", "tennis_racket", "bowling_pin",
                    "volleyball", "golf_club"}));

    static boolean covers(String category) {
        return OBJECTS.containsKey(category);
    }

    /** Draws one exemplar of {@code category} and records which object it drew in {@code attrs} ("object_kind"). */
    static void draw(Graphics2D g, String category, SplittableRandom r, Map<String, String> attrs) {
        String[] objects = OBJECTS.get(category);
        if (objects == null) throw new IllegalArgumentException("no procedural renderer for category '" + category + "'");
        String object = objects[r.nextInt(objects.length)];
        attrs.put("object_kind", object);
        double light = u(r, 0.2 * Math.PI, 0.8 * Math.PI);
        switch (category) {
            case "furniture" -> furniture(g, r, object, light);
            case "animals" -> animal(g, r, object, light);
            case "birds" -> bird(g, r, object, light);
            case "insects" -> insect(g, r, object, light);
            case "vehicles" -> vehicle(g, r, object, light);
            case "food" -> food(g, r, object, light);
            case "tools" -> tool(g, r, object, light);
            case "buildings" -> building(g, r, object, light);
            case "plants" -> plant(g, r, object, light);
            case "flowers" -> flower(g, r, object, light);
            case "instruments" -> instrument(g, r, object, light);
            case "clothing" -> clothing(g, r, object, light);
            default -> sports(g, r, object, light);
        }
    }

    static Area union(Shape a, Shape b) {
        Area u = new Area(a);
        u.add(new Area(b));
        return u;
    }

    private static final Color[] WOODS = {new Color(120, 80, 45), new Color(165, 120, 75), new Color(95, 62, 38),
            new Color(200, 165, 120), new Color(60, 45, 35)};

    // ------------------------------------------------------------------ furniture

    static void furniture(Graphics2D g, SplittableRandom r, String object, double light) {
        Color wood = jitter(pick(r, WOODS), r, 0.1);
        Color fabric = p(r, 0.6) ? vivid(r) : muted(r);
        double d = u(r, 5, 10); // depth offset of the oblique view
        switch (object) {
            case "chair" -> {
                double sx = 32, sw = 34, sy = 55;
                for (double lx : new double[]{sx + 2, sx + sw - 5}) fillShaded(g, rect(lx, sy, 3.5, 33), shade(wood, 0.85), light, 0.2);
                for (double lx : new double[]{sx + 2 + d, sx + sw - 5 + d}) fillShaded(g, rect(lx, sy - d, 3, 30), shade(wood, 0.7), light, 0.2);
                fillShaded(g, poly(sx, sy, sx + sw, sy, sx + sw + d, sy - d, sx + d, sy - d), shade(wood, 1.1), light, 0.2);
                fillShaded(g, rect(sx, sy, sw, 4), wood, light, 0.2);
                fillShaded(g, rect(sx + d, 12, 3.5, sy - 12 - d), wood, light, 0.2);
                fillShaded(g, rect(sx + sw + d - 3.5, 12, 3.5, sy - 12 - d), wood, light, 0.2);
                int slats = i(r, 2, 4);
                for (int k = 0; k < slats; k++) fillShaded(g, rect(sx + d, 14 + k * 8, sw, 4), wood, light, 0.2);
            }
            case "stool" -> {
                fillShaded(g, ellipse(50, 36, 18, 5), shade(wood, 1.1), light, 0.2);
                for (int k = -1; k <= 1; k++) stroke(g, new Line2D.Double(50 + k * 10, 39, 50 + k * 17, 88), wood, 3.2);
                stroke(g, new Line2D.Double(38, 68, 62, 68), shade(wood, 0.8), 2);
            }
            case "table", "desk" -> {
                double tx = 18, tw = 64, ty = 45;
                fillShaded(g, poly(tx, ty, tx + tw, ty, tx + tw + d, ty - d, tx + d, ty - d), shade(wood, 1.15), light, 0.15);
                fillShaded(g, rect(tx, ty, tw, 5), wood, light, 0.2);
                if (object.equals("desk")) {
                    fillShaded(g, rect(tx + tw - 22, ty + 5, 22, 38), shade(wood, 0.95), light, 0.2);
                    for (int k = 0; k < 3; k++) {
                        stroke(g, rect(tx + tw - 20, ty + 8 + k * 12, 18, 10), shade(wood, 0.7), 0.8);
                        fill(g, rect(tx + tw - 13, ty + 12 + k * 12, 4, 1.5), new Color(200, 190, 150));
                    }
                    fillShaded(g, rect(tx + 2, ty + 5, 4, 38), shade(wood, 0.85), light, 0.2);
                } else {
                    for (double lx : new double[]{tx + 2, tx + tw - 6}) fillShaded(g, rect(lx, ty + 5, 4, 38), shade(wood, 0.85), light, 0.2);
                    for (double lx : new double[]{tx + 2 + d, tx + tw - 6 + d}) fillShaded(g, rect(lx, ty, 3.5, 38 - d + 5), shade(wood, 0.65), light, 0.2);
                }
            }
            case "sofa", "armchair" -> {
                double w = object.equals("sofa") ? 76 : 44, x = 50 - w / 2, y = 40;
                fillShaded(g, round(x + 6, y - 14, w - 12, 30, 10), shade(fabric, 0.9), light, 0.2);
                fillShaded(g, round(x + 4, y + 12, w - 8, 22, 8), fabric, light, 0.25);
                if (object.equals("sofa")) stroke(g, new Line2D.Double(50, y + 13, 50, y + 32), shade(fabric, 0.7), 0.8);
                fillShaded(g, round(x - 2, y + 2, 13, 34, 8), shade(fabric, 0.95), light, 0.25);
                fillShaded(g, round(x + w - 11, y + 2, 13, 34, 8), shade(fabric, 0.95), light, 0.25);
                fill(g, rect(x + 3, y + 36, 4, 6), new Color(50, 40, 30));
                fill(g, rect(x + w - 7, y + 36, 4, 6), new Color(50, 40, 30));
            }
            case "bed" -> {
                fillShaded(g, rect(10, 30, 8, 52), wood, light, 0.2);
                fillShaded(g, rect(82, 50, 7, 32), wood, light, 0.2);
                fillShaded(g, round(14, 52, 72, 16, 6), new Color(240, 240, 235), light, 0.15);
                fillShaded(g, round(40, 48, 46, 18, 8), fabric, light, 0.25);
                fillShaded(g, round(18, 44, 20, 10, 7), new Color(250, 250, 250), light, 0.2);
                fillShaded(g, rect(14, 66, 72, 6), wood, light, 0.2);
            }
            case "bookshelf" -> {
                double x = 26, w = 48, y = 12, h = 76;
                fillShaded(g, rect(x, y, w, h), wood, light, 0.2);
                int shelves = i(r, 3, 5);
                double sh = (h - 6) / shelves;
                for (int k = 0; k < shelves; k++) {
                    double yy = y + 3 + k * sh;
                    fill(g, rect(x + 3, yy, w - 6, sh - 3), shade(wood, 0.55));
                    double bx = x + 4;
                    while (bx < x + w - 8) {
                        double bw = u(r, 2.5, 5), bh = sh * u(r, 0.6, 0.9);
                        fillShaded(g, rect(bx, yy + sh - 3 - bh, bw, bh), vivid(r), light, 0.2);
                        bx += bw + 0.4;
                    }
                }
            }
            default -> { // wardrobe
                double x = 28, w = 44, y = 10, h = 80;
                fillShaded(g, rect(x, y, w, h), wood, light, 0.2);
                fill(g, poly(x, y, x + w, y, x + w + d, y - d, x + d, y - d), shade(wood, 1.2));
                fill(g, poly(x + w, y, x + w + d, y - d, x + w + d, y + h - d, x + w, y + h), shade(wood, 0.7));
                stroke(g, new Line2D.Double(50, y + 3, 50, y + h - 8), shade(wood, 0.6), 0.9);
                fill(g, rect(47, 45, 1.6, 7), new Color(210, 190, 130));
                fill(g, rect(51.5, 45, 1.6, 7), new Color(210, 190, 130));
                stroke(g, rect(x + 3, y + h - 14, w - 6, 10), shade(wood, 0.6), 0.8);
            }
        }
    }

    // ------------------------------------------------------------------ animals

    static void animal(Graphics2D g, SplittableRandom r, String object, double light) {
        Color fur = switch (object) {
            case "cow" -> new Color(245, 245, 240);
            case "pig" -> new Color(240, 170, 170);
            case "sheep" -> new Color(238, 235, 225);
            case "elephant" -> new Color(150, 150, 155);
            case "giraffe" -> new Color(230, 180, 90);
            case "bear" -> pick(r, new Color(100, 65, 40), new Color(40, 30, 25));
            default -> jitter(pick(r, new Color(160, 110, 60), new Color(90, 60, 40), new Color(210, 180, 130), new Color(60, 55, 50),
                    new Color(230, 225, 215), new Color(200, 120, 60)), r, 0.1);
        };
        double bodyL = switch (object) {
            case "elephant", "cow", "horse", "bear" -> u(r, 26, 30);
            case "rabbit" -> 16;
            default -> u(r, 19, 24);
        };
        double bodyH = bodyL * switch (object) {
            case "elephant" -> 0.72;
            case "pig", "sheep", "bear" -> 0.62;
            case "rabbit" -> 0.8;
            default -> 0.5;
        };
        double leg = switch (object) {
            case "giraffe", "horse" -> u(r, 24, 28);
            case "elephant", "cow" -> 20;
            case "pig", "rabbit" -> 9;
            case "sheep", "bear" -> 13;
            default -> u(r, 15, 20);
        };
        double cx = 48, cy = 86 - leg - bodyH;
        Color dark = shade(fur, 0.75);
        // far legs
        for (int k = 0; k < 2; k++) {
            double lx = cx + (k == 0 ? -bodyL * 0.6 : bodyL * 0.55) + 3;
            fillShaded(g, round(lx - 2.5, cy + bodyH * 0.3, 5, leg + bodyH * 0.4, 4), dark, light, 0.2);
        }
        // tail
        switch (object) {
            case "dog", "cat" -> stroke(g, new QuadCurve2D.Double(cx - bodyL, cy - 2, cx - bodyL - 10, cy - 14, cx - bodyL - 6, cy - 20), fur, 3.2);
            case "horse" -> fill(g, poly(cx - bodyL, cy - 4, cx - bodyL - 8, cy + 20, cx - bodyL - 3, cy + 22, cx - bodyL + 3, cy), shade(fur, 0.55));
            case "pig" -> stroke(g, new Arc2D.Double(cx - bodyL - 6, cy - 6, 6, 6, 0, 300, Arc2D.OPEN), fur, 1.2);
            default -> stroke(g, new Line2D.Double(cx - bodyL, cy, cx - bodyL - 5, cy + 12), fur, 2);
        }
        Shape body = ellipse(cx, cy + bodyH * 0.5, bodyL, bodyH);
        if (object.equals("sheep")) { // woolly body
            Area wool = new Area();
            for (int k = 0; k < 16; k++) {
                double a = k * Math.PI * 2 / 16;
                wool.add(new Area(ellipse(cx + Math.cos(a) * bodyL * 0.85, cy + bodyH * 0.5 + Math.sin(a) * bodyH * 0.8, 6, 6)));
            }
            wool.add(new Area(body));
            body = wool;
        }
        fillShaded(g, body, fur, light, 0.3);
        if (object.equals("cow") || (object.equals("dog") && p(r, 0.3))) { // patches
            Shape clip = g.getClip();
            g.clip(body);
            for (int k = 0; k < 4; k++) fill(g, ellipse(cx + u(r, -bodyL, bodyL), cy + u(r, 0, bodyH), u(r, 4, 9), u(r, 3, 7)), new Color(35, 30, 30));
            g.setClip(clip);
        }
        if (object.equals("giraffe")) {
            Shape clip = g.getClip();
            g.clip(body);
            for (int k = 0; k < 14; k++) fill(g, ellipse(cx + u(r, -bodyL, bodyL), cy + u(r, 0, bodyH), 3, 2.5), new Color(150, 90, 40));
            g.setClip(clip);
        }
        // near legs
        for (int k = 0; k < 2; k++) {
            double lx = cx + (k == 0 ? -bodyL * 0.6 : bodyL * 0.55);
            Color lc = object.equals("sheep") ? new Color(60, 55, 50) : fur;
            fillShaded(g, round(lx - 2.8, cy + bodyH * 0.5, 5.6, leg + bodyH * 0.5, 4), lc, light, 0.2);
            if (object.equals("horse") || object.equals("cow") || object.equals("giraffe")) fill(g, rect(lx - 2.8, cy + bodyH + leg - 2, 5.6, 3), new Color(40, 35, 30));
        }
        // neck and head
        double neckLen = switch (object) {
            case "giraffe" -> 34;
            case "horse" -> 16;
            default -> 6;
        };
        double hx = cx + bodyL * 0.85 + neckLen * 0.35, hy = cy - neckLen;
        if (neckLen > 6) fillShaded(g, capsule(cx + bodyL * 0.6, cy + bodyH * 0.3, hx, hy, bodyH * 0.35, 3.5), fur, light, 0.2);
        double hr = switch (object) {
            case "elephant" -> 13;
            case "bear", "cow" -> 9;
            case "rabbit" -> 7;
            default -> 7.5;
        };
        if (object.equals("elephant")) {
            fillShaded(g, ellipse(hx - 4, hy + 8, 9, 12), shade(fur, 0.85), light, 0.2); // ear
            stroke(g, new QuadCurve2D.Double(hx + 8, hy + 8, hx + 16, hy + 24, hx + 10, hy + 34), fur, 5);
            fill(g, poly(hx + 6, hy + 12, hx + 14, hy + 16, hx + 6, hy + 15), new Color(250, 250, 240));
        }
        Shape head = switch (object) {
            case "horse", "cow", "giraffe" -> capsule(hx - 3, hy, hx + hr * 1.4, hy + hr * 0.6, hr * 0.65, hr * 0.45);
            case "dog" -> capsule(hx - 2, hy, hx + hr * 1.0, hy + 2, hr * 0.8, hr * 0.45);
            case "pig" -> ellipse(hx, hy + 4, hr, hr * 0.85);
            default -> ellipse(hx, hy + 2, hr, hr * 0.9);
        };
        fillShaded(g, head, object.equals("sheep") ? new Color(60, 55, 50) : fur, light, 0.25);
        // ears
        switch (object) {
            case "cat" -> {
                fill(g, poly(hx - 6, hy - 2, hx - 3, hy - 11, hx, hy - 4), fur);
                fill(g, poly(hx + 1, hy - 4, hx + 4, hy - 11, hx + 6, hy - 2), fur);
            }
            case "rabbit" -> {
                fillShaded(g, ellipse(hx - 3, hy - 12, 2.5, 9), fur, light, 0.2);
                fillShaded(g, ellipse(hx + 2, hy - 13, 2.5, 9), fur, light, 0.2);
            }
            case "bear" -> {
                fill(g, ellipse(hx - 6, hy - 5, 3.5, 3.5), fur);
                fill(g, ellipse(hx + 5, hy - 5, 3.5, 3.5), fur);
            }
            case "dog" -> fillShaded(g, ellipse(hx - 4, hy + 3, 3.5, 7), shade(fur, 0.7), light, 0.2);
            case "horse", "giraffe", "cow" -> fill(g, poly(hx - 3, hy - 3, hx - 1, hy - 10, hx + 1, hy - 3), fur);
            case "pig" -> fill(g, poly(hx - 5, hy - 1, hx - 2, hy - 8, hx + 1, hy - 2), shade(fur, 0.9));
            default -> { }
        }
        if (object.equals("horse")) fill(g, poly(cx + bodyL * 0.6, cy - 2, hx - 4, hy - 4, hx - 6, hy + 2, cx + bodyL * 0.5, cy + 4), shade(fur, 0.5));
        if (object.equals("pig")) fill(g, ellipse(hx + hr * 0.85, hy + 5, 3, 3.5), shade(fur, 0.85));
        if (object.equals("cow") || object.equals("giraffe")) {
            stroke(g, new Line2D.Double(hx, hy - 4, hx + 1, hy - 9), new Color(90, 70, 50), 1.6);
        }
        fill(g, ellipse(hx + hr * 0.3, hy, 1.3, 1.3), new Color(20, 20, 20));
        if (!object.equals("elephant")) fill(g, ellipse(head.getBounds2D().getMaxX() - 1.2, head.getBounds2D().getCenterY() + 1, 1.3, 1.1), new Color(30, 25, 25));
    }

    // ------------------------------------------------------------------ birds, insects

    static void bird(Graphics2D g, SplittableRandom r, String object, double light) {
        Color body = switch (object) {
            case "penguin" -> new Color(30, 30, 35);
            case "duck" -> pick(r, new Color(240, 240, 235), new Color(140, 110, 70), new Color(250, 220, 60));
            case "owl" -> new Color(140, 110, 75);
            default -> vivid(r);
        };
        Color beak = object.equals("penguin") || object.equals("duck") ? new Color(240, 150, 40) : new Color(230, 180, 60);
        if (object.equals("flying")) {
            fillShaded(g, ellipse(50, 55, 16, 7), body, light, 0.3);
            Path2D wing = new Path2D.Double();
            double lift = u(r, -20, 20);
            wing.moveTo(42, 52);
            wing.quadTo(30, 30 + lift, 10, 28 + lift);
            wing.quadTo(28, 45, 50, 56);
            wing.closePath();
            fillShaded(g, wing, shade(body, 0.85), light, 0.3);
            Path2D wing2 = new Path2D.Double();
            wing2.moveTo(56, 52);
            wing2.quadTo(70, 30 + lift, 90, 26 + lift);
            wing2.quadTo(72, 45, 52, 56);
            wing2.closePath();
            fillShaded(g, wing2, shade(body, 0.9), light, 0.3);
            fill(g, poly(34, 55, 24, 50, 24, 61), shade(body, 0.8));
            fillShaded(g, ellipse(66, 52, 6, 5.5), body, light, 0.3);
            fill(g, poly(71, 51, 79, 53, 71, 55), beak);
            fill(g, ellipse(67.5, 51, 1, 1), Color.BLACK);
            return;
        }
        if (object.equals("penguin")) {
            fillShaded(g, ellipse(50, 55, 17, 30), body, light, 0.3);
            fill(g, ellipse(52, 60, 11, 22), new Color(245, 245, 240));
            fillShaded(g, ellipse(51, 26, 10, 9), body, light, 0.3);
            fill(g, poly(58, 26, 66, 28, 58, 30), beak);
            fill(g, ellipse(54, 24, 1.3, 1.3), Color.WHITE);
            fill(g, ellipse(42, 86, 6, 2.5), beak);
            fill(g, ellipse(58, 86, 6, 2.5), beak);
            fillShaded(g, ellipse(36, 55, 5, 15), shade(body, 1.3), light, 0.2);
            return;
        }
        if (object.equals("owl")) {
            fillShaded(g, ellipse(50, 56, 20, 26), body, light, 0.3);
            fill(g, ellipse(50, 62, 13, 17), new Color(220, 200, 160));
            fillShaded(g, ellipse(50, 32, 17, 14), body, light, 0.3);
            for (int s = -1; s <= 1; s += 2) {
                fill(g, ellipse(50 + s * 7, 32, 6, 6), new Color(245, 240, 220));
                fill(g, ellipse(50 + s * 7, 32, 3.5, 3.5), new Color(240, 170, 30));
                fill(g, ellipse(50 + s * 7, 32, 1.8, 1.8), Color.BLACK);
                fill(g, poly(50 + s * 8, 20, 50 + s * 14, 12, 50 + s * 14, 22), body);
            }
            fill(g, poly(48, 36, 52, 36, 50, 41), beak);
            stroke(g, new Line2D.Double(20, 82, 80, 82), new Color(100, 70, 40), 3.5);
            return;
        }
        // perched songbird or duck, side view facing +x
        double bx = 47, by = object.equals("duck") ? 58 : 52;
        if (object.equals("duck")) fill(g, ellipse(50, 74, 40, 6), new Color(90, 140, 190, 180));
        else stroke(g, new Line2D.Double(15, 78, 85, 75), new Color(100, 70, 40), 3);
        fill(g, poly(bx - 17, by, bx - 32, by - 6, bx - 30, by + 6), shade(body, 0.7)); // tail
        fillShaded(g, ellipse(bx, by + 2, 19, 13), body, light, 0.3);
        if (!object.equals("duck")) fill(g, ellipse(bx + 4, by + 8, 11, 6), shade(body, 1.4));
        fillShaded(g, ellipse(bx - 2, by, 11, 8), shade(body, 0.8), light, 0.3); // wing
        double hx = bx + 17, hy = by - 10;
        fillShaded(g, ellipse(hx, hy, 8, 7.5), object.equals("duck") && p(r, 0.5) ? new Color(40, 110, 60) : body, light, 0.3);
        if (object.equals("duck")) fill(g, round(hx + 5, hy, 10, 4, 3), beak);
        else fill(g, poly(hx + 6, hy - 2, hx + 14, hy + 0.5, hx + 6, hy + 3), beak);
        fill(g, ellipse(hx + 2.5, hy - 2, 1.3, 1.3), Color.BLACK);
        if (!object.equals("duck")) {
            stroke(g, new Line2D.Double(bx - 2, by + 14, bx - 4, 77), new Color(200, 140, 60), 1.2);
            stroke(g, new Line2D.Double(bx + 4, by + 14, bx + 4, 76), new Color(200, 140, 60), 1.2);
        }
    }

    static void insect(Graphics2D g, SplittableRandom r, String object, double light) {
        Color dark = new Color(30, 28, 28);
        switch (object) {
            case "butterfly" -> {
                Color w1 = vivid(r), w2 = vivid(r);
                for (int s = -1; s <= 1; s += 2) {
                    fillShaded(g, ellipse(50 + s * 17, 38, 17, 15), w1, light, 0.25);
                    fillShaded(g, ellipse(50 + s * 13, 63, 12, 11), shade(w1, 0.85), light, 0.25);
                    fill(g, ellipse(50 + s * 20, 36, 5, 5), w2);
                    fill(g, ellipse(50 + s * 14, 64, 3.5, 3.5), w2);
                    stroke(g, new QuadCurve2D.Double(50, 30, 50 + s * 5, 14, 50 + s * 11, 10), dark, 0.9);
                }
                fill(g, round(47.5, 30, 5, 42, 5), dark);
            }
            case "ladybird", "beetle" -> {
                Color shell = object.equals("ladybird") ? new Color(210, 30, 30) : pick(r, new Color(40, 90, 50), new Color(60, 40, 30), new Color(30, 60, 110));
                for (int s = -1; s <= 1; s += 2) {
                    for (int k = -1; k <= 1; k++) stroke(g, new Line2D.Double(50 + s * 12, 52 + k * 10, 50 + s * 28, 48 + k * 16), dark, 1.6);
                }
                fill(g, ellipse(50, 24, 9, 8), dark);
                fillShaded(g, ellipse(50, 55, 22, 27), shell, light, 0.35);
                stroke(g, new Line2D.Double(50, 30, 50, 82), dark, 1.2);
                if (object.equals("ladybird")) for (int k = 0; k < 6; k++) fill(g, ellipse(50 + (k % 2 == 0 ? -1 : 1) * u(r, 6, 15), u(r, 38, 72), 3.5, 3.5), dark);
                stroke(g, new QuadCurve2D.Double(46, 18, 42, 10, 38, 8), dark, 1);
                stroke(g, new QuadCurve2D.Double(54, 18, 58, 10, 62, 8), dark, 1);
            }
            case "bee" -> {
                for (int s = -1; s <= 1; s += 2) fill(g, ellipse(50 + s * 3, 36, 10, 14), new Color(220, 235, 250, 170));
                Shape body = ellipse(52, 56, 24, 14);
                fillShaded(g, body, new Color(240, 190, 40), light, 0.3);
                Shape clip = g.getClip();
                g.clip(body);
                for (int k = 0; k < 3; k++) fill(g, rect(40 + k * 10, 40, 5, 40), dark);
                g.setClip(clip);
                fill(g, ellipse(28, 52, 8, 8), dark);
                fill(g, poly(75, 55, 82, 57, 75, 59), dark);
                stroke(g, new QuadCurve2D.Double(26, 45, 22, 36, 18, 34), dark, 1);
            }
            case "ant" -> {
                Color c = pick(r, dark, new Color(140, 40, 20));
                fill(g, ellipse(25, 55, 8, 7), c);
                fill(g, ellipse(45, 55, 9, 6), c);
                fill(g, ellipse(70, 57, 15, 10), c);
                for (int k = -1; k <= 1; k++) {
                    stroke(g, new Line2D.Double(45, 57, 38 + k * 12, 75), c, 1.4);
                    stroke(g, new Line2D.Double(45, 53, 38 + k * 12, 36), c, 1.4);
                }
                stroke(g, new QuadCurve2D.Double(20, 50, 12, 40, 8, 38), c, 1.1);
            }
            default -> { // dragonfly
                Color body = pick(r, new Color(40, 120, 190), new Color(60, 160, 90), new Color(190, 60, 40));
                for (int s = -1; s <= 1; s += 2) {
                    fill(g, ellipse(50 + s * 18, 33, 18, 5), new Color(210, 230, 250, 170));
                    fill(g, ellipse(50 + s * 17, 43, 16, 4.5), new Color(210, 230, 250, 170));
                }
                fill(g, round(48, 36, 4, 52, 4), body);
                fillShaded(g, ellipse(50, 34, 5, 7), body, light, 0.3);
                fill(g, ellipse(50, 25, 5.5, 4.5), shade(body, 0.7));
            }
        }
    }

    // ------------------------------------------------------------------ vehicles

    static void wheel(Graphics2D g, double x, double y, double rad) {
        fill(g, ellipse(x, y, rad, rad), new Color(25, 25, 28));
        fill(g, ellipse(x, y, rad * 0.55, rad * 0.55), new Color(175, 175, 180));
        fill(g, ellipse(x, y, rad * 0.18, rad * 0.18), new Color(90, 90, 95));
    }

    static void vehicle(Graphics2D g, SplittableRandom r, String object, double light) {
        Color paint = vivid(r);
        Color glass = new Color(150, 190, 220);
        switch (object) {
            case "car" -> {
                double w = u(r, 70, 82), x = 50 - w / 2, y = 60, h = u(r, 13, 17);
                Path2D cab = new Path2D.Double();
                double roof = u(r, 16, 22);
                cab.moveTo(x + w * 0.2, y);
                cab.lineTo(x + w * 0.32, y - roof);
                cab.lineTo(x + w * 0.68, y - roof);
                cab.lineTo(x + w * 0.82, y);
                cab.closePath();
                fillShaded(g, cab, paint, light, 0.3);
                fill(g, poly(x + w * 0.24, y - 1, x + w * 0.34, y - roof + 3, x + w * 0.49, y - roof + 3, x + w * 0.49, y - 1), glass);
                fill(g, poly(x + w * 0.52, y - 1, x + w * 0.52, y - roof + 3, x + w * 0.66, y - roof + 3, x + w * 0.78, y - 1), glass);
                fillShaded(g, round(x, y - 2, w, h, 8), paint, light, 0.35);
                fill(g, rect(x + w - 5, y + 1, 5, 3), new Color(255, 240, 180));
                fill(g, rect(x, y + 1, 3, 3), new Color(220, 40, 40));
                wheel(g, x + w * 0.2, y + h - 1, 7.5);
                wheel(g, x + w * 0.8, y + h - 1, 7.5);
            }
            case "bus", "train" -> {
                double w = 84, x = 8, y = 34, h = 34;
                fillShaded(g, round(x, y, w, h, object.equals("train") ? 14 : 6), paint, light, 0.3);
                int n = object.equals("train") ? 5 : 6;
                for (int k = 0; k < n; k++) fill(g, round(x + 5 + k * (w - 10) / n, y + 5, (w - 10) / n - 3, 11, 2), glass);
                fill(g, rect(x, y + 20, w, 3), shade(paint, 1.4));
                if (object.equals("train")) {
                    stroke(g, new Line2D.Double(0, y + h + 7, 100, y + h + 7), new Color(80, 80, 80), 1.5);
                    for (int k = 0; k < 4; k++) wheel(g, x + 12 + k * 20, y + h + 2, 4.5);
                } else {
                    fill(g, rect(x + w - 14, y + 19, 9, 15), shade(glass, 0.8));
                    wheel(g, x + 16, y + h, 7);
                    wheel(g, x + w - 18, y + h, 7);
                }
            }
            case "truck" -> {
                fillShaded(g, rect(8, 30, 56, 34), p(r, 0.5) ? new Color(230, 230, 225) : vivid(r), light, 0.2);
                fillShaded(g, round(64, 40, 26, 24, 5), paint, light, 0.3);
                fill(g, round(74, 43, 13, 10, 2), glass);
                fill(g, rect(8, 62, 82, 4), new Color(50, 50, 50));
                wheel(g, 20, 68, 7);
                wheel(g, 36, 68, 7);
                wheel(g, 78, 68, 7);
            }
            case "bicycle" -> {
                Color frame = paint;
                double ry = 64;
                for (double wx : new double[]{26, 74}) {
                    stroke(g, ellipse(wx, ry, 16, 16), new Color(30, 30, 30), 2.4);
                    for (int k = 0; k < 8; k++) {
                        double a = k * Math.PI / 8;
                        stroke(g, new Line2D.Double(wx - Math.cos(a) * 15, ry - Math.sin(a) * 15, wx + Math.cos(a) * 15, ry + Math.sin(a) * 15),
                                new Color(150, 150, 150), 0.4);
                    }
                }
                stroke(g, poly(26, ry, 46, ry, 66, 44, 40, 44), frame, 2.6);
                stroke(g, new Line2D.Double(46, ry, 38, 38), frame, 2.6);
                stroke(g, new Line2D.Double(74, ry, 64, 36), frame, 2.6);
                fill(g, round(32, 35, 12, 3.5, 3), new Color(30, 30, 30));
                stroke(g, new Line2D.Double(64, 36, 70, 34), new Color(30, 30, 30), 2.2);
            }
            case "aeroplane" -> {
                Color body = p(r, 0.6) ? new Color(235, 235, 240) : paint;
                fillShaded(g, poly(40, 52, 62, 52, 36, 80, 28, 80), shade(body, 0.85), light, 0.2);
                fillShaded(g, round(8, 44, 84, 12, 12), body, light, 0.3);
                fillShaded(g, poly(40, 48, 62, 48, 34, 22, 27, 22), shade(body, 0.9), light, 0.2);
                fill(g, poly(8, 46, 18, 46, 12, 30, 6, 30), p(r, 0.5) ? paint : shade(body, 0.8));
                for (int k = 0; k < 9; k++) fill(g, ellipse(30 + k * 6, 48, 1.3, 1.6), new Color(60, 90, 130));
                fill(g, poly(84, 46, 90, 48, 88, 50, 82, 50), new Color(60, 90, 130));
            }
            default -> { // boat
                fill(g, rect(0, 70, 100, 30), new Color(70, 130, 180, 200));
                Path2D hull = new Path2D.Double();
                hull.moveTo(14, 58);
                hull.lineTo(88, 58);
                hull.lineTo(78, 74);
                hull.lineTo(24, 74);
                hull.closePath();
                fillShaded(g, hull, paint, light, 0.3);
                if (r.nextBoolean()) { // sail boat
                    stroke(g, new Line2D.Double(50, 58, 50, 12), new Color(90, 70, 50), 1.8);
                    fillShaded(g, poly(52, 14, 52, 54, 80, 54), new Color(245, 245, 240), light, 0.15);
                    fillShaded(g, poly(48, 20, 48, 54, 26, 54), new Color(235, 235, 230), light, 0.15);
                } else {
                    fillShaded(g, rect(36, 44, 34, 14), new Color(240, 240, 240), light, 0.2);
                    for (int k = 0; k < 4; k++) fill(g, ellipse(42 + k * 8, 51, 2, 2), new Color(60, 90, 130));
                    fill(g, rect(56, 34, 6, 10), shade(paint, 0.7));
                }
            }
        }
    }

    // ------------------------------------------------------------------ food

    static void food(Graphics2D g, SplittableRandom r, String object, double light) {
        Color leaf = new Color(70, 140, 50);
        switch (object) {
            case "apple", "orange", "pear" -> {
                Color c = switch (object) {
                    case "apple" -> pick(r, new Color(200, 30, 30), new Color(140, 190, 60), new Color(230, 200, 60));
                    case "orange" -> new Color(245, 145, 30);
                    default -> new Color(190, 200, 70);
                };
                Shape s = object.equals("pear")
                        ? union(ellipse(50, 62, 22, 22), ellipse(50, 38, 13, 16))
                        : ellipse(50, 55, 27, object.equals("apple") ? 25 : 27);
                fillShaded(g, s, c, light, 0.35);
                stroke(g, new QuadCurve2D.Double(50, 30 - (object.equals("pear") ? 12 : 0), 51, 24 - (object.equals("pear") ? 12 : 0), 54, 20 - (object.equals("pear") ? 12 : 0)),
                        new Color(100, 70, 40), 2);
                if (!object.equals("orange") || p(r, 0.5)) fill(g, ellipse(60, 24 - (object.equals("pear") ? 12 : 0), 8, 3.5), leaf);
                if (object.equals("orange")) for (int k = 0; k < 20; k++) fill(g, ellipse(50 + u(r, -20, 20), 55 + u(r, -20, 20), 0.5, 0.5), shade(c, 0.8));
            }
            case "banana" -> {
                Path2D b = new Path2D.Double();
                b.moveTo(20, 40);
                b.quadTo(45, 85, 84, 42);
                b.quadTo(48, 68, 20, 40);
                b.closePath();
                fillShaded(g, b, new Color(245, 215, 60), light, 0.3);
                fill(g, ellipse(20, 40, 2.5, 2.5), new Color(80, 60, 30));
                fill(g, ellipse(84, 42, 2.5, 2.5), new Color(80, 60, 30));
            }
            case "grapes" -> {
                Color c = pick(r, new Color(100, 40, 110), new Color(150, 200, 80));
                for (int row = 0; row < 6; row++) {
                    for (int k = 0; k <= 5 - row; k++) {
                        double x = 50 - (5 - row) * 5 + k * 10, y = 28 + row * 9;
                        fillShaded(g, ellipse(x, y, 6, 6), c, light, 0.35);
                    }
                }
                stroke(g, new Line2D.Double(50, 22, 52, 12), new Color(100, 70, 40), 2);
                fill(g, ellipse(60, 16, 9, 5), leaf);
            }
            case "strawberry" -> {
                Path2D s = new Path2D.Double();
                s.moveTo(24, 36);
                s.quadTo(50, 26, 76, 36);
                s.quadTo(72, 70, 50, 84);
                s.quadTo(28, 70, 24, 36);
                s.closePath();
                fillShaded(g, s, new Color(220, 30, 40), light, 0.3);
                for (int k = 0; k < 22; k++) fill(g, ellipse(u(r, 32, 68), u(r, 40, 72), 0.8, 1.1), new Color(250, 230, 120));
                for (int k = 0; k < 5; k++) {
                    double a = Math.PI + k * Math.PI / 4;
                    fill(g, poly(50, 32, 50 + Math.cos(a) * 18, 32 + Math.sin(a) * 6 + 4, 50 + Math.cos(a + 0.3) * 14, 30), leaf);
                }
            }
            case "watermelon" -> {
                Shape slice = new Arc2D.Double(14, 10, 72, 72, 180, 180, Arc2D.PIE);
                fill(g, slice, new Color(60, 140, 60));
                fill(g, new Arc2D.Double(18, 14, 64, 64, 180, 180, Arc2D.PIE), new Color(235, 245, 200));
                fillShaded(g, new Arc2D.Double(21, 17, 58, 58, 180, 180, Arc2D.PIE), new Color(235, 60, 70), light, 0.2);
                for (int k = 0; k < 9; k++) fill(g, ellipse(u(r, 32, 68), u(r, 50, 64), 1.2, 2), new Color(30, 25, 25));
            }
            case "carrot" -> {
                fillShaded(g, poly(40, 26, 60, 26, 52, 88, 49, 88), new Color(240, 130, 30), light, 0.3);
                for (int k = -1; k <= 1; k++) fill(g, poly(50, 27, 50 + k * 10 - 3, 8, 50 + k * 10 + 3, 8), leaf);
                for (int k = 0; k < 5; k++) stroke(g, new Line2D.Double(43 + k, 36 + k * 10, 48 + k * 0.3, 37 + k * 10), new Color(190, 90, 20), 0.8);
            }
            case "pizza" -> {
                Shape sl = poly(50, 88, 18, 22, 82, 22);
                fillShaded(g, sl, new Color(245, 200, 90), light, 0.2);
                fill(g, round(14, 16, 72, 10, 8), new Color(200, 140, 60));
                for (int k = 0; k < 6; k++) fill(g, ellipse(50 + u(r, -14, 14), u(r, 32, 60), 4.5, 4.5), new Color(190, 50, 40));
                for (int k = 0; k < 4; k++) fill(g, ellipse(50 + u(r, -12, 12), u(r, 30, 62), 2.5, 1.5), leaf);
            }
            case "burger" -> {
                fillShaded(g, new Arc2D.Double(18, 22, 64, 40, 0, 180, Arc2D.CHORD), new Color(215, 150, 70), light, 0.3);
                for (int k = 0; k < 7; k++) fill(g, ellipse(u(r, 30, 70), u(r, 28, 38), 1.4, 0.8), new Color(250, 240, 210));
                fill(g, round(16, 42, 68, 6, 6), new Color(90, 170, 60));
                fill(g, round(18, 47, 64, 4, 4), new Color(240, 200, 50));
                fillShaded(g, round(17, 50, 66, 10, 8), new Color(110, 60, 35), light, 0.2);
                fillShaded(g, round(18, 60, 64, 13, 8), new Color(215, 150, 70), light, 0.3);
            }
            case "cake" -> {
                Color cream = pick(r, new Color(250, 240, 230), new Color(245, 190, 210), new Color(120, 70, 40));
                fillShaded(g, rect(20, 44, 60, 36), cream, light, 0.2);
                fill(g, rect(20, 60, 60, 4), vivid(r));
                fill(g, ellipse(50, 44, 30, 7), shade(cream, 1.05));
                for (int k = 0; k < 5; k++) fill(g, ellipse(28 + k * 11, 40, 3, 3), new Color(200, 30, 40));
                if (r.nextBoolean()) {
                    fill(g, rect(48, 24, 4, 14), vivid(r));
                    fill(g, ellipse(50, 20, 2, 3.5), new Color(255, 200, 60));
                }
            }
            case "bread" -> {
                Path2D loaf = new Path2D.Double();
                loaf.moveTo(12, 70);
                loaf.curveTo(10, 30, 90, 30, 88, 70);
                loaf.closePath();
                fillShaded(g, loaf, new Color(200, 140, 70), light, 0.3);
                for (int k = 0; k < 4; k++) stroke(g, new QuadCurve2D.Double(26 + k * 14, 46, 32 + k * 14, 42, 36 + k * 14, 50), new Color(160, 100, 45), 1.5);
            }
            case "ice_cream" -> {
                fillShaded(g, poly(36, 44, 64, 44, 50, 90), new Color(220, 170, 100), light, 0.2);
                for (int k = 0; k < 4; k++) stroke(g, new Line2D.Double(38 + k * 7, 46, 48 + k * 2, 84), new Color(180, 130, 70), 0.6);
                int scoops = i(r, 1, 3);
                for (int k = 0; k < scoops; k++) fillShaded(g, ellipse(50, 38 - k * 14, 15, 12), pick(r, new Color(250, 240, 220), new Color(240, 170, 190), new Color(120, 70, 40), new Color(170, 220, 160)), light, 0.3);
            }
            default -> { // donut
                Area d = new Area(ellipse(50, 52, 30, 26));
                d.subtract(new Area(ellipse(50, 52, 10, 8)));
                fillShaded(g, d, new Color(210, 150, 80), light, 0.3);
                Area icing = new Area(ellipse(50, 50, 27, 22));
                icing.subtract(new Area(ellipse(50, 51, 12, 10)));
                fill(g, icing, pick(r, new Color(240, 160, 190), new Color(110, 60, 35), new Color(250, 245, 235)));
                for (int k = 0; k < 14; k++) {
                    double a = u(r, 0, 6.28), rr = u(r, 14, 24);
                    fill(g, round(50 + Math.cos(a) * rr, 50 + Math.sin(a) * rr * 0.85, 3, 1, 1), vivid(r));
                }
            }
        }
    }

    // ------------------------------------------------------------------ tools

    static void tool(Graphics2D g, SplittableRandom r, String object, double light) {
        Color metal = new Color(170, 172, 178), handle = pick(r, new Color(150, 100, 55), vivid(r), new Color(40, 40, 40));
        AffineTransform old = g.getTransform();
        g.rotate(Math.toRadians(u(r, -35, 35)), 50, 50);
        switch (object) {
            case "hammer" -> {
                fillShaded(g, round(46, 30, 8, 60, 4), handle, light, 0.3);
                fillShaded(g, poly(28, 18, 66, 18, 72, 24, 66, 30, 28, 30), metal, light, 0.4);
                fill(g, poly(66, 18, 80, 12, 76, 22), shade(metal, 0.8));
            }
            case "screwdriver" -> {
                fillShaded(g, round(42, 50, 16, 38, 8), handle, light, 0.3);
                for (int k = 0; k < 3; k++) stroke(g, new Line2D.Double(45 + k * 5, 54, 45 + k * 5, 84), shade(handle, 0.7), 0.7);
                fillShaded(g, rect(48, 12, 4, 40), metal, light, 0.4);
                fill(g, poly(47, 12, 53, 12, 51, 6, 49, 6), shade(metal, 0.8));
            }
            case "wrench" -> {
                Area w = new Area(round(46, 24, 8, 62, 4));
                w.add(new Area(ellipse(50, 20, 11, 11)));
                w.subtract(new Area(rect(46, 6, 8, 14)));
                w.add(new Area(ellipse(50, 86, 8, 8)));
                w.subtract(new Area(ellipse(50, 86, 4, 4)));
                fillShaded(g, w, metal, light, 0.45);
            }
            case "saw" -> {
                Path2D blade = new Path2D.Double();
                blade.moveTo(30, 30);
                blade.lineTo(88, 46);
                for (int k = 0; k < 14; k++) {
                    double t = k / 14.0;
                    blade.lineTo(88 - t * 58, 62 + t * 0 + (k % 2 == 0 ? 2.5 : 0));
                }
                blade.lineTo(30, 62);
                blade.closePath();
                fillShaded(g, blade, metal, light, 0.4);
                Area h = new Area(round(10, 26, 26, 40, 12));
                h.subtract(new Area(round(16, 34, 12, 22, 8)));
                fillShaded(g, h, handle, light, 0.3);
            }
            case "pliers" -> {
                fillShaded(g, poly(44, 50, 48, 50, 36, 92, 30, 90), handle, light, 0.3);
                fillShaded(g, poly(52, 50, 56, 50, 70, 90, 64, 92), handle, light, 0.3);
                fillShaded(g, poly(44, 52, 50, 12, 53, 14, 50, 52), metal, light, 0.4);
                fillShaded(g, poly(56, 52, 50, 12, 47, 14, 50, 52), shade(metal, 0.9), light, 0.4);
                fill(g, ellipse(50, 50, 4, 4), shade(metal, 0.6));
            }
            case "shovel" -> {
                fillShaded(g, round(47, 8, 6, 56, 3), handle, light, 0.3);
                fill(g, round(42, 6, 16, 5, 3), handle);
                Path2D blade = new Path2D.Double();
                blade.moveTo(38, 62);
                blade.lineTo(62, 62);
                blade.lineTo(62, 80);
                blade.quadTo(50, 96, 38, 80);
                blade.closePath();
                fillShaded(g, blade, metal, light, 0.4);
            }
            case "axe" -> {
                fillShaded(g, round(46, 14, 7, 76, 4), handle, light, 0.3);
                Path2D head = new Path2D.Double();
                head.moveTo(44, 16);
                head.lineTo(26, 10);
                head.quadTo(18, 24, 26, 38);
                head.lineTo(44, 30);
                head.closePath();
                fillShaded(g, head, metal, light, 0.45);
            }
            default -> { // paintbrush
                fillShaded(g, round(46, 46, 8, 44, 4), handle, light, 0.3);
                fillShaded(g, rect(44, 36, 12, 11), metal, light, 0.4);
                Color paint = vivid(r);
                fill(g, poly(44, 36, 56, 36, 57, 20, 43, 20), new Color(120, 90, 60));
                fill(g, poly(43, 26, 57, 26, 57, 20, 43, 20), paint);
            }
        }
        g.setTransform(old);
    }

    // ------------------------------------------------------------------ buildings

    static void building(Graphics2D g, SplittableRandom r, String object, double light) {
        Color wall = pick(r, new Color(230, 220, 200), new Color(190, 90, 70), new Color(200, 200, 205), muted(r), new Color(240, 230, 150));
        Color roof = pick(r, new Color(160, 60, 40), new Color(70, 70, 80), new Color(110, 80, 60));
        Color glass = new Color(130, 170, 210);
        switch (object) {
            case "house", "barn" -> {
                if (object.equals("barn")) wall = new Color(170, 40, 35);
                double x = 20, w = 60, y = 48, h = 38;
                fillShaded(g, rect(x, y, w, h), wall, light, 0.2);
                fillShaded(g, poly(x - 5, y, 50, y - u(r, 22, 32), x + w + 5, y), roof, light, 0.3);
                fill(g, rect(46, y + h - 18, 9, 18), object.equals("barn") ? new Color(240, 240, 235) : new Color(110, 70, 40));
                if (object.equals("house")) {
                    for (double wx : new double[]{x + 7, x + w - 19}) {
                        fill(g, rect(wx, y + 8, 12, 11), glass);
                        stroke(g, rect(wx, y + 8, 12, 11), Color.WHITE, 1.0);
                    }
                    if (p(r, 0.6)) fill(g, rect(x + w - 16, y - 22, 6, 14), shade(wall, 0.7));
                } else {
                    stroke(g, new Line2D.Double(46, y + h - 18, 55, y + h), Color.WHITE, 1);
                    stroke(g, new Line2D.Double(55, y + h - 18, 46, y + h), Color.WHITE, 1);
                }
            }
            case "tower" -> {
                double w = u(r, 30, 40), x = 50 - w / 2;
                fillShaded(g, rect(x, 8, w, 82), wall, light, 0.25);
                for (int row = 0; row < 10; row++) {
                    for (int col = 0; col < 3; col++) fill(g, rect(x + 3 + col * (w - 6) / 3, 12 + row * 7.5, (w - 6) / 3 - 2.5, 4.5), glass);
                }
            }
            case "church" -> {
                fillShaded(g, rect(22, 50, 56, 38), wall, light, 0.2);
                fillShaded(g, poly(18, 50, 50, 30, 82, 50), roof, light, 0.3);
                fillShaded(g, rect(42, 20, 16, 68), shade(wall, 0.95), light, 0.2);
                fillShaded(g, poly(40, 20, 50, -2, 60, 20), roof, light, 0.3);
                stroke(g, new Line2D.Double(50, -2, 50, -10), new Color(60, 60, 60), 1);
                fill(g, new Arc2D.Double(45, 68, 10, 14, 0, 180, Arc2D.CHORD), new Color(90, 60, 40));
                fill(g, rect(45, 75, 10, 13), new Color(90, 60, 40));
                fill(g, ellipse(50, 34, 4, 4), glass);
            }
            case "lighthouse" -> {
                fillShaded(g, poly(40, 88, 60, 88, 56, 26, 44, 26), new Color(245, 245, 240), light, 0.25);
                Shape clip = g.getClip();
                g.clip(poly(40, 88, 60, 88, 56, 26, 44, 26));
                for (int k = 0; k < 3; k++) fill(g, rect(30, 36 + k * 18, 40, 8), new Color(200, 40, 40));
                g.setClip(clip);
                fill(g, rect(42, 16, 16, 10), new Color(255, 230, 140));
                fill(g, poly(40, 16, 60, 16, 50, 6), new Color(200, 40, 40));
                fill(g, rect(38, 25, 24, 2), new Color(40, 40, 40));
            }
            default -> { // castle
                Color stone = new Color(170, 165, 155);
                fillShaded(g, rect(24, 46, 52, 42), stone, light, 0.2);
                for (int k = 0; k < 6; k++) fill(g, rect(24 + k * 9, 41, 5, 6), stone);
                for (double tx : new double[]{14, 74}) {
                    fillShaded(g, rect(tx, 28, 14, 60), shade(stone, 0.95), light, 0.2);
                    fill(g, poly(tx - 2, 28, tx + 7, 12, tx + 16, 28), roof);
                    fill(g, rect(tx + 5, 40, 4, 7), new Color(40, 40, 40));
                }
                fill(g, new Arc2D.Double(42, 64, 16, 16, 0, 180, Arc2D.CHORD), new Color(70, 50, 35));
                fill(g, rect(42, 72, 16, 16), new Color(70, 50, 35));
            }
        }
    }

    // ------------------------------------------------------------------ plants, flowers

    static void plant(Graphics2D g, SplittableRandom r, String object, double light) {
        Color leaf = jitter(pick(r, new Color(60, 130, 50), new Color(90, 150, 60), new Color(40, 100, 50)), r, 0.1);
        Color bark = new Color(110, 75, 45);
        switch (object) {
            case "tree" -> {
                fillShaded(g, poly(45, 90, 55, 90, 53, 50, 47, 50), bark, light, 0.3);
                for (int k = 0; k < 7; k++) fillShaded(g, ellipse(50 + u(r, -16, 16), 36 + u(r, -14, 10), u(r, 12, 18), u(r, 11, 16)), jitter(leaf, r, 0.1), light, 0.3);
                if (p(r, 0.3)) for (int k = 0; k < 6; k++) fill(g, ellipse(50 + u(r, -18, 18), 36 + u(r, -12, 12), 2.2, 2.2), new Color(210, 40, 40));
            }
            case "conifer" -> {
                fill(g, rect(47, 78, 6, 12), bark);
                for (int k = 0; k < 4; k++) {
                    double y = 24 + k * 14, w = 12 + k * 7;
                    fillShaded(g, poly(50, y - 14, 50 + w, y + 10, 50 - w, y + 10), shade(leaf, 0.8), light, 0.3);
                }
            }
            case "potted_plant" -> {
                fillShaded(g, poly(36, 62, 64, 62, 60, 88, 40, 88), pick(r, new Color(190, 100, 60), vivid(r)), light, 0.3);
                fill(g, rect(34, 60, 32, 5), new Color(170, 90, 55));
                int n = i(r, 6, 10);
                for (int k = 0; k < n; k++) {
                    double a = Math.toRadians(u(r, -70, 70)), len = u(r, 20, 38);
                    double ex = 50 + Math.sin(a) * len, ey = 60 - Math.cos(a) * len;
                    Path2D lf = new Path2D.Double();
                    lf.moveTo(50, 60);
                    lf.quadTo((50 + ex) / 2 + 6, (60 + ey) / 2, ex, ey);
                    lf.quadTo((50 + ex) / 2 - 6, (60 + ey) / 2, 50, 60);
                    fillShaded(g, lf, jitter(leaf, r, 0.15), light, 0.3);
                }
            }
            case "cactus" -> {
                fillShaded(g, poly(38, 72, 62, 72, 58, 90, 42, 90), new Color(190, 100, 60), light, 0.3);
                fillShaded(g, round(42, 20, 16, 54, 16), leaf, light, 0.3);
                fillShaded(g, round(28, 36, 10, 22, 10), leaf, light, 0.3);
                fill(g, rect(33, 52, 10, 6), leaf);
                fillShaded(g, round(62, 30, 10, 22, 10), leaf, light, 0.3);
                fill(g, rect(57, 46, 10, 6), leaf);
                for (int k = 0; k < 16; k++) fill(g, ellipse(u(r, 44, 56), u(r, 24, 70), 0.5, 0.5), new Color(240, 240, 210));
            }
            case "palm" -> {
                Path2D trunk = new Path2D.Double();
                trunk.moveTo(46, 90);
                trunk.quadTo(44, 55, 54, 26);
                trunk.lineTo(58, 27);
                trunk.quadTo(50, 55, 54, 90);
                trunk.closePath();
                fillShaded(g, trunk, new Color(150, 115, 70), light, 0.3);
                for (int k = 0; k < 7; k++) {
                    double a = Math.toRadians(-150 + k * 50 + u(r, -10, 10));
                    double ex = 56 + Math.cos(a) * 32, ey = 26 + Math.sin(a) * 16 + 14;
                    stroke(g, new QuadCurve2D.Double(56, 26, (56 + ex) / 2, Math.min(26, ey) - 10, ex, ey), leaf, 4);
                }
            }
            default -> { // bush
                for (int k = 0; k < 10; k++) fillShaded(g, ellipse(50 + u(r, -28, 28), 66 + u(r, -14, 8), u(r, 10, 16), u(r, 9, 13)), jitter(leaf, r, 0.12), light, 0.3);
            }
        }
    }

    static void flower(Graphics2D g, SplittableRandom r, String object, double light) {
        Color stem = new Color(60, 130, 50);
        Color petal = vivid(r);
        if (object.equals("bouquet")) {
            for (int k = 0; k < 7; k++) {
                double x = 50 + u(r, -22, 22), y = 34 + u(r, -14, 12);
                stroke(g, new Line2D.Double(x, y, 50, 86), stem, 1.4);
            }
            for (int k = 0; k < 7; k++) blossom(g, r, 50 + u(r, -22, 22), 34 + u(r, -14, 12), u(r, 7, 10), vivid(r), i(r, 5, 8), light);
            fill(g, poly(40, 70, 60, 70, 56, 90, 44, 90), pick(r, new Color(240, 240, 230), vivid(r)));
            return;
        }
        double cx = 50 + u(r, -6, 6), cy = 34;
        Path2D s = new Path2D.Double();
        s.moveTo(cx, cy);
        s.quadTo(cx + u(r, -8, 8), 60, 50, 92);
        stroke(g, s, stem, 2.4);
        for (int side = -1; side <= 1; side += 2) {
            double ly = u(r, 58, 76);
            Path2D lf = new Path2D.Double();
            lf.moveTo(50, ly);
            lf.quadTo(50 + side * 10, ly - 10, 50 + side * 20, ly - 6);
            lf.quadTo(50 + side * 10, ly + 2, 50, ly);
            fillShaded(g, lf, stem, light, 0.25);
        }
        switch (object) {
            case "tulip" -> {
                Path2D t = new Path2D.Double();
                t.moveTo(cx - 12, cy - 14);
                t.lineTo(cx - 6, cy - 6);
                t.lineTo(cx, cy - 16);
                t.lineTo(cx + 6, cy - 6);
                t.lineTo(cx + 12, cy - 14);
                t.quadTo(cx + 14, cy + 8, cx, cy + 8);
                t.quadTo(cx - 14, cy + 8, cx - 12, cy - 14);
                fillShaded(g, t, petal, light, 0.3);
            }
            case "sunflower" -> {
                blossom(g, r, cx, cy, 22, new Color(250, 200, 30), 16, light);
                fill(g, ellipse(cx, cy, 10, 10), new Color(100, 60, 30));
            }
            case "rose" -> {
                for (int k = 0; k < 4; k++) {
                    double rr = 13 - k * 3;
                    fillShaded(g, ellipse(cx + u(r, -1.5, 1.5), cy + u(r, -1.5, 1.5), rr, rr * 0.9), shade(petal, 1 - k * 0.08), light, 0.3);
                    stroke(g, new Arc2D.Double(cx - rr, cy - rr, 2 * rr, 2 * rr, u(r, 0, 360), 200, Arc2D.OPEN), shade(petal, 0.6), 0.8);
                }
            }
            default -> blossom(g, r, cx, cy, 17, p(r, 0.5) ? Color.WHITE : petal, i(r, 8, 14), light);
        }
    }

    static void blossom(Graphics2D g, SplittableRandom r, double cx, double cy, double rad, Color petal, int n, double light) {
        double ph = u(r, 0, Math.PI);
        for (int k = 0; k < n; k++) {
            double a = ph + k * 2 * Math.PI / n;
            AffineTransform old = g.getTransform();
            g.rotate(a, cx, cy);
            fillShaded(g, ellipse(cx + rad * 0.55, cy, rad * 0.5, rad * (n > 10 ? 0.14 : 0.24)), petal, light, 0.2);
            g.setTransform(old);
        }
        fill(g, ellipse(cx, cy, rad * 0.28, rad * 0.28), new Color(250, 200, 40));
    }

    // ------------------------------------------------------------------ instruments

    static void instrument(Graphics2D g, SplittableRandom r, String object, double light) {
        Color wood = jitter(pick(r, new Color(190, 110, 50), new Color(150, 80, 40), new Color(210, 160, 90)), r, 0.1);
        Color brass = new Color(220, 180, 70);
        AffineTransform old = g.getTransform();
        switch (object) {
            case "guitar", "violin" -> {
                boolean violin = object.equals("violin");
                g.rotate(Math.toRadians(u(r, -40, 40)), 50, 50);
                double s = violin ? 0.8 : 1.0;
                Area body = new Area(ellipse(50, 70, 20 * s, 18 * s));
                body.add(new Area(ellipse(50, 48, 15 * s, 13 * s)));
                fillShaded(g, body, violin ? new Color(150, 70, 30) : wood, light, 0.35);
                fill(g, ellipse(50, 58, 5 * s, 5 * s), new Color(40, 25, 15));
                fillShaded(g, rect(47, 4, 6, 50), violin ? new Color(30, 25, 20) : new Color(100, 65, 35), light, 0.3);
                fill(g, round(45, 0, 10, 9, 3), new Color(60, 40, 25));
                for (int k = 0; k < (violin ? 4 : 6); k++) stroke(g, new Line2D.Double(48 + k * (violin ? 1.3 : 0.8), 4, 48 + k * (violin ? 1.3 : 0.8), 78), new Color(220, 220, 210), 0.3);
                fill(g, rect(44, 76, 12, 3), new Color(40, 25, 15));
                if (violin) stroke(g, new Line2D.Double(15, 40, 85, 80), new Color(120, 80, 40), 1.2);
            }
            case "piano" -> {
                g.rotate(Math.toRadians(u(r, -15, 15)), 50, 50);
                fillShaded(g, rect(6, 30, 88, 42), new Color(25, 22, 22), light, 0.2);
                fill(g, rect(9, 46, 82, 22), Color.WHITE);
                for (int k = 0; k <= 14; k++) stroke(g, new Line2D.Double(9 + k * 82 / 14.0, 46, 9 + k * 82 / 14.0, 68), new Color(90, 90, 90), 0.5);
                for (int k = 0; k < 14; k++) {
                    int m = k % 7;
                    if (m == 2 || m == 6) continue;
                    fill(g, rect(9 + (k + 1) * 82 / 14.0 - 1.8, 46, 3.6, 13), new Color(20, 20, 20));
                }
            }
            case "drum" -> {
                Color shell = vivid(r);
                fillShaded(g, rect(22, 40, 56, 34), shell, light, 0.35);
                fill(g, ellipse(50, 74, 28, 6), shade(shell, 0.7));
                for (int k = 0; k < 6; k++) stroke(g, new Line2D.Double(24 + k * 10.4, 40, 30 + k * 10.4, 74), new Color(220, 220, 220), 0.8);
                fill(g, ellipse(50, 40, 28, 7), new Color(240, 235, 225));
                stroke(g, ellipse(50, 40, 28, 7), new Color(180, 180, 180), 1.2);
                stroke(g, new Line2D.Double(30, 14, 46, 38), new Color(200, 160, 100), 2);
                stroke(g, new Line2D.Double(72, 12, 56, 37), new Color(200, 160, 100), 2);
            }
            case "trumpet" -> {
                g.rotate(Math.toRadians(u(r, -25, 25)), 50, 50);
                fillShaded(g, rect(12, 46, 60, 5), brass, light, 0.4);
                fillShaded(g, poly(70, 48.5, 92, 36, 92, 62), brass, light, 0.4);
                fill(g, ellipse(92, 49, 3, 13), shade(brass, 0.7));
                stroke(g, round(26, 44, 34, 16, 10), brass, 3);
                for (int k = 0; k < 3; k++) fillShaded(g, rect(36 + k * 7, 34, 3.5, 12), shade(brass, 0.9), light, 0.4);
                fill(g, ellipse(12, 48.5, 3, 4), shade(brass, 0.8));
            }
            case "flute" -> {
                g.rotate(Math.toRadians(u(r, -40, 40)), 50, 50);
                fillShaded(g, round(6, 46, 88, 7, 5), new Color(200, 200, 205), light, 0.45);
                for (int k = 0; k < 8; k++) fill(g, ellipse(34 + k * 6, 49.5, 1.8, 1.8), shade(new Color(200, 200, 205), 0.6));
                fill(g, ellipse(16, 49.5, 2.2, 1.6), new Color(40, 40, 40));
            }
            case "xylophone" -> {
                g.rotate(Math.toRadians(u(r, -15, 15)), 50, 50);
                stroke(g, new Line2D.Double(12, 42, 88, 34), new Color(90, 60, 40), 2.5);
                stroke(g, new Line2D.Double(12, 78, 88, 66), new Color(90, 60, 40), 2.5);
                for (int k = 0; k < 8; k++) {
                    double x = 14 + k * 9.3, top = 40 - k * 1, bot = 80 - k * 2.6;
                    fillShaded(g, round(x, top, 7.5, bot - top, 2), hsb(k / 8.0, 0.7, 0.9), light, 0.3);
                }
            }
            default -> { // harp
                Path2D frame = new Path2D.Double();
                frame.moveTo(24, 90);
                frame.lineTo(30, 12);
                frame.quadTo(60, 6, 80, 30);
                frame.lineTo(76, 36);
                frame.quadTo(56, 20, 36, 22);
                frame.lineTo(32, 90);
                frame.closePath();
                fillShaded(g, frame, wood, light, 0.3);
                fillShaded(g, poly(24, 90, 32, 90, 80, 36, 76, 32), shade(wood, 0.85), light, 0.3);
                for (int k = 0; k < 10; k++) {
                    double x = 35 + k * 4.2;
                    double top = 22 + Math.pow((x - 35) / 42, 1.5) * 10;
                    double bot = 90 - (x - 30) * 1.1;
                    stroke(g, new Line2D.Double(x, top, x, bot), new Color(230, 225, 200), 0.4);
                }
            }
        }
        g.setTransform(old);
    }

    // ------------------------------------------------------------------ clothing, sports

    static void clothing(Graphics2D g, SplittableRandom r, String object, double light) {
        Color c = p(r, 0.7) ? vivid(r) : muted(r);
        switch (object) {
            case "t_shirt", "jacket" -> {
                boolean jacket = object.equals("jacket");
                Path2D t = new Path2D.Double();
                double sl = jacket ? 46 : 30;
                t.moveTo(36, 14);
                t.quadTo(50, 22, 64, 14);
                t.lineTo(86, 24);
                t.lineTo(92, sl);
                t.lineTo(74, sl + 4);
                t.lineTo(70, 30);
                t.lineTo(70, 86);
                t.lineTo(30, 86);
                t.lineTo(30, 30);
                t.lineTo(26, sl + 4);
                t.lineTo(8, sl);
                t.lineTo(14, 24);
                t.closePath();
                fillShaded(g, t, c, light, 0.25);
                if (jacket) {
                    stroke(g, new Line2D.Double(50, 20, 50, 86), shade(c, 0.6), 1.2);
                    for (int k = 0; k < 4; k++) fill(g, ellipse(53, 34 + k * 13, 1.4, 1.4), shade(c, 0.5));
                } else if (p(r, 0.5)) {
                    fill(g, ellipse(50, 46, 10, 8), vivid(r));
                }
                stroke(g, new QuadCurve2D.Double(38, 15, 50, 26, 62, 15), shade(c, 0.7), 1.4);
            }
            case "trousers" -> {
                fillShaded(g, poly(30, 10, 70, 10, 74, 92, 54, 92, 50, 36, 46, 92, 26, 92), c, light, 0.25);
                fill(g, rect(30, 10, 40, 6), shade(c, 0.8));
                stroke(g, new Line2D.Double(50, 16, 50, 34), shade(c, 0.6), 0.8);
            }
            case "dress", "skirt" -> {
                boolean dress = object.equals("dress");
                Path2D d = new Path2D.Double();
                if (dress) {
                    d.moveTo(38, 10);
                    d.lineTo(44, 10);
                    d.quadTo(50, 16, 56, 10);
                    d.lineTo(62, 10);
                    d.lineTo(62, 40);
                } else {
                    d.moveTo(34, 24);
                    d.lineTo(66, 24);
                }
                d.lineTo(82, 90);
                d.quadTo(50, 96, 18, 90);
                d.lineTo(dress ? 38 : 34, dress ? 40 : 24);
                d.closePath();
                fillShaded(g, d, c, light, 0.25);
                if (p(r, 0.5)) {
                    Shape clip = g.getClip();
                    g.clip(d);
                    Color dot = vivid(r);
                    for (int k = 0; k < 30; k++) fill(g, ellipse(u(r, 15, 85), u(r, 10, 95), 1.6, 1.6), dot);
                    g.setClip(clip);
                }
            }
            case "hat" -> {
                if (r.nextBoolean()) { // brimmed hat
                    fillShaded(g, ellipse(50, 62, 40, 10), shade(c, 0.9), light, 0.3);
                    fillShaded(g, round(30, 30, 40, 34, 16), c, light, 0.3);
                    fill(g, rect(30, 52, 40, 6), shade(vivid(r), 0.8));
                } else { // cap
                    fillShaded(g, new Arc2D.Double(24, 30, 52, 50, 0, 180, Arc2D.CHORD), c, light, 0.3);
                    fillShaded(g, poly(70, 55, 94, 58, 92, 62, 70, 60), shade(c, 0.8), light, 0.3);
                    fill(g, ellipse(50, 31, 2.5, 2), shade(c, 0.6));
                }
            }
            case "shoe" -> {
                Path2D s = new Path2D.Double();
                s.moveTo(14, 70);
                s.lineTo(16, 44);
                s.lineTo(40, 44);
                s.quadTo(52, 56, 76, 56);
                s.quadTo(90, 58, 88, 70);
                s.closePath();
                fillShaded(g, s, c, light, 0.3);
                fill(g, round(12, 68, 78, 7, 5), new Color(240, 240, 235));
                for (int k = 0; k < 4; k++) stroke(g, new Line2D.Double(42 + k * 5, 47 + k * 2, 46 + k * 5, 44 + k * 2), Color.WHITE, 1);
            }
            default -> { // sock
                Path2D s = new Path2D.Double();
                s.moveTo(36, 10);
                s.lineTo(58, 10);
                s.lineTo(58, 62);
                s.quadTo(80, 66, 82, 80);
                s.quadTo(80, 92, 60, 90);
                s.lineTo(42, 88);
                s.quadTo(34, 80, 36, 62);
                s.closePath();
                fillShaded(g, s, c, light, 0.25);
                Shape clip = g.getClip();
                g.clip(s);
                Color stripe = vivid(r);
                for (int k = 0; k < 4; k++) fill(g, rect(30, 14 + k * 10, 40, 4), stripe);
                g.setClip(clip);
            }
        }
    }

    static void sports(Graphics2D g, SplittableRandom r, String object, double light) {
        switch (object) {
            case "soccer_ball" -> {
                fillShaded(g, ellipse(50, 50, 34, 34), Color.WHITE, light, 0.25);
                Shape clip = g.getClip();
                g.clip(ellipse(50, 50, 34, 34));
                double[][] c = {{50, 50}, {50, 20}, {78, 42}, {68, 76}, {32, 76}, {22, 42}};
                for (double[] p : c) {
                    Path2D pent = new Path2D.Double();
                    for (int k = 0; k < 5; k++) {
                        double a = -Math.PI / 2 + k * 2 * Math.PI / 5;
                        if (k == 0) pent.moveTo(p[0] + Math.cos(a) * 8, p[1] + Math.sin(a) * 8);
                        else pent.lineTo(p[0] + Math.cos(a) * 8, p[1] + Math.sin(a) * 8);
                    }
                    pent.closePath();
                    fill(g, pent, new Color(25, 25, 25));
                }
                g.setClip(clip);
            }
            case "basketball" -> {
                fillShaded(g, ellipse(50, 50, 34, 34), new Color(225, 110, 40), light, 0.35);
                Color l = new Color(40, 25, 20);
                stroke(g, new Line2D.Double(16, 50, 84, 50), l, 1.2);
                stroke(g, new Line2D.Double(50, 16, 50, 84), l, 1.2);
                stroke(g, new Arc2D.Double(2, 22, 40, 56, -60, 120, Arc2D.OPEN), l, 1.2);
                stroke(g, new Arc2D.Double(58, 22, 40, 56, 120, 120, Arc2D.OPEN), l, 1.2);
            }
            case "tennis_ball" -> {
                fillShaded(g, ellipse(50, 50, 28, 28), new Color(210, 230, 60), light, 0.3);
                stroke(g, new Arc2D.Double(6, 26, 40, 48, -60, 120, Arc2D.OPEN), Color.WHITE, 2);
                stroke(g, new Arc2D.Double(54, 26, 40, 48, 120, 120, Arc2D.OPEN), Color.WHITE, 2);
            }
            case "volleyball" -> {
                fillShaded(g, ellipse(50, 50, 33, 33), new Color(245, 245, 240), light, 0.3);
                Color c = vivid(r);
                Shape clip = g.getClip();
                g.clip(ellipse(50, 50, 33, 33));
                for (int k = 0; k < 3; k++) {
                    AffineTransform old = g.getTransform();
                    g.rotate(k * 2 * Math.PI / 3, 50, 50);
                    stroke(g, new Arc2D.Double(30, 0, 60, 60, 180, 90, Arc2D.OPEN), c, 5);
                    g.setTransform(old);
                }
                g.setClip(clip);
            }
            case "bowling_pin" -> {
                Path2D pin = new Path2D.Double();
                pin.moveTo(50, 8);
                pin.curveTo(60, 8, 60, 24, 55, 32);
                pin.curveTo(72, 50, 66, 80, 58, 92);
                pin.lineTo(42, 92);
                pin.curveTo(34, 80, 28, 50, 45, 32);
                pin.curveTo(40, 24, 40, 8, 50, 8);
                fillShaded(g, pin, new Color(245, 245, 240), light, 0.3);
                fill(g, rect(40, 30, 20, 2.5), new Color(200, 30, 30));
                fill(g, rect(40, 35, 20, 2.5), new Color(200, 30, 30));
            }
            default -> { // bats, rackets, clubs
                AffineTransform old = g.getTransform();
                g.rotate(Math.toRadians(u(r, -45, 45)), 50, 50);
                switch (object) {
                    case "baseball_bat" -> fillShaded(g, poly(48, 92, 52, 92, 56, 12, 50, 8, 44, 12), new Color(200, 150, 90), light, 0.35);
                    case "tennis_racket" -> {
                        Color frame = vivid(r);
                        fillShaded(g, round(47, 56, 6, 36, 4), new Color(40, 40, 40), light, 0.3);
                        stroke(g, ellipse(50, 32, 18, 24), frame, 3);
                        Shape clip = g.getClip();
                        g.clip(ellipse(50, 32, 18, 24));
                        for (int k = 0; k < 12; k++) {
                            stroke(g, new Line2D.Double(32 + k * 3, 6, 32 + k * 3, 58), new Color(230, 230, 230), 0.4);
                            stroke(g, new Line2D.Double(30, 10 + k * 4, 70, 10 + k * 4), new Color(230, 230, 230), 0.4);
                        }
                        g.setClip(clip);
                    }
                    default -> { // golf club
                        stroke(g, new Line2D.Double(50, 8, 52, 84), new Color(170, 170, 175), 1.8);
                        fill(g, round(47, 6, 6, 18, 3), new Color(30, 30, 30));
                        fillShaded(g, poly(48, 82, 66, 84, 66, 90, 48, 90), new Color(150, 150, 160), light, 0.4);
                    }
                }
                g.setTransform(old);
            }
        }
    }
}

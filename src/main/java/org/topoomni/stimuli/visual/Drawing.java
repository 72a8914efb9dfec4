package org.topoomni.stimuli.visual;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Small drawing helpers shared by the renderers: random draws, colours, shaded fills, simple
 * shapes, and the placement of a drawn or clip-art figure onto a background with a soft shadow.
 * Everything is a pure function of its arguments (and of the {@link SplittableRandom} it is
 * handed), so renderers stay deterministic and thread-safe.
 */
final class Drawing {
    private Drawing() {}

    // ---------------------------------------------------------------- random draws

    static double u(SplittableRandom r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    static int i(SplittableRandom r, int lo, int hiInclusive) {
        return lo + r.nextInt(hiInclusive - lo + 1);
    }

    static boolean p(SplittableRandom r, double probability) {
        return r.nextDouble() < probability;
    }

    @SafeVarargs
    static <T> T pick(SplittableRandom r, T... options) {
        return options[r.nextInt(options.length)];
    }

    static double gauss(SplittableRandom r) {
        // Box-Muller from two uniforms: deterministic, no hidden state.
        double u1 = Math.max(1e-12, r.nextDouble()), u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    // ---------------------------------------------------------------- colours

    static Color hsb(double h, double s, double b) {
        h = h - Math.floor(h);
        return Color.getHSBColor((float) h, (float) clamp01(s), (float) clamp01(b));
    }

    static Color hsb(SplittableRandom r, double hLo, double hHi, double sLo, double sHi, double bLo, double bHi) {
        return hsb(u(r, hLo, hHi), u(r, sLo, sHi), u(r, bLo, bHi));
    }

    /** A saturated colour of any hue (clothing, toys, cars...). */
    static Color vivid(SplittableRandom r) {
        return hsb(r.nextDouble(), u(r, 0.45, 0.95), u(r, 0.45, 0.95));
    }

    /** A muted colour of any hue (backgrounds, clutter). */
    static Color muted(SplittableRandom r) {
        return hsb(r.nextDouble(), u(r, 0.04, 0.40), u(r, 0.35, 0.92));
    }

    /** Multiplies brightness: f > 1 lighter (towards white), f < 1 darker. */
    static Color shade(Color c, double f) {
        if (f >= 1) {
            double t = Math.min(1, f - 1);
            return mix(c, Color.WHITE, t);
        }
        return new Color(clamp255(c.getRed() * f), clamp255(c.getGreen() * f), clamp255(c.getBlue() * f), c.getAlpha());
    }

    static Color mix(Color a, Color b, double t) {
        t = clamp01(t);
        return new Color(clamp255(a.getRed() + (b.getRed() - a.getRed()) * t),
                clamp255(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                clamp255(a.getBlue() + (b.getBlue() - a.getBlue()) * t),
                clamp255(a.getAlpha() + (b.getAlpha() - a.getAlpha()) * t));
    }

    static Color jitter(Color c, SplittableRandom r, double amount) {
        float[] hsb = Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null);
        return hsb(hsb[0] + u(r, -amount, amount) * 0.15, hsb[1] * (1 + u(r, -amount, amount)),
                hsb[2] * (1 + u(r, -amount, amount)));
    }

    static Color alpha(Color c, double a) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), clamp255(a * 255));
    }

    static double luminance(int rgb) {
        int r = (rgb >> 16) & 255, g = (rgb >> 8) & 255, b = rgb & 255;
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255.0;
    }

    static double clamp01(double v) {
        return v < 0 ? 0 : (v > 1 ? 1 : v);
    }

    static int clamp255(double v) {
        return v < 0 ? 0 : (v > 255 ? 255 : (int) Math.round(v));
    }

    // ---------------------------------------------------------------- graphics

    static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        return g;
    }

    static BufferedImage rgb(int w, int h) {
        return new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    }

    static BufferedImage argb(int w, int h) {
        return new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    }

    /**
     * Fills {@code s} with a linear gradient along the light direction: the lit side is
     * {@code base} lightened by {@code strength}, the far side darkened by it.
     */
    static void fillShaded(Graphics2D g, Shape s, Color base, double lightAngle, double strength) {
        Rectangle2D b = s.getBounds2D();
        double cx = b.getCenterX(), cy = b.getCenterY();
        double rad = 0.5 * Math.max(1e-3, Math.hypot(b.getWidth(), b.getHeight()));
        double dx = Math.cos(lightAngle) * rad, dy = -Math.sin(lightAngle) * rad;
        g.setPaint(new GradientPaint((float) (cx + dx), (float) (cy + dy), shade(base, 1 + strength),
                (float) (cx - dx), (float) (cy - dy), shade(base, 1 - strength)));
        g.fill(s);
    }

    static void fill(Graphics2D g, Shape s, Color c) {
        g.setPaint(c);
        g.fill(s);
    }

    static void stroke(Graphics2D g, Shape s, Color c, double width) {
        g.setPaint(c);
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(s);
    }

    static Ellipse2D ellipse(double cx, double cy, double rx, double ry) {
        return new Ellipse2D.Double(cx - rx, cy - ry, 2 * rx, 2 * ry);
    }

    static Rectangle2D rect(double x, double y, double w, double h) {
        return new Rectangle2D.Double(x, y, w, h);
    }

    static RoundRectangle2D round(double x, double y, double w, double h, double arc) {
        return new RoundRectangle2D.Double(x, y, w, h, arc, arc);
    }

    static Path2D poly(double... xy) {
        Path2D p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int k = 2; k < xy.length; k += 2) p.lineTo(xy[k], xy[k + 1]);
        p.closePath();
        return p;
    }

    /** A capsule (limb) from (x1,y1) to (x2,y2) with radii r1 and r2 at its ends. */
    static Shape capsule(double x1, double y1, double x2, double y2, double r1, double r2) {
        double dx = x2 - x1, dy = y2 - y1, len = Math.max(1e-6, Math.hypot(dx, dy));
        double nx = -dy / len, ny = dx / len;
        Path2D p = new Path2D.Double();
        p.moveTo(x1 + nx * r1, y1 + ny * r1);
        p.lineTo(x2 + nx * r2, y2 + ny * r2);
        p.lineTo(x2 - nx * r2, y2 - ny * r2);
        p.lineTo(x1 - nx * r1, y1 - ny * r1);
        p.closePath();
        java.awt.geom.Area a = new java.awt.geom.Area(p);
        a.add(new java.awt.geom.Area(ellipse(x1, y1, r1, r1)));
        a.add(new java.awt.geom.Area(ellipse(x2, y2, r2, r2)));
        return a;
    }

    // ---------------------------------------------------------------- composition

    /**
     * Transform that maps a 100 x 100 design box (origin top-left, figure centred at 50,50)
     * onto the frame: scaled so the box is {@code size} pixels wide, centred at (cx, cy),
     * rotated by {@code angle} radians, mirrored when {@code flip}.
     */
    static AffineTransform place(double cx, double cy, double size, double angle, boolean flip) {
        AffineTransform t = new AffineTransform();
        t.translate(cx, cy);
        t.rotate(angle);
        t.scale(size / 100.0 * (flip ? -1 : 1), size / 100.0);
        t.translate(-50, -50);
        return t;
    }

    /** A random placement of a figure of relative size in [lo, hi] of the frame, kept mostly inside it. */
    static AffineTransform randomPlace(SplittableRandom r, int w, int h, double lo, double hi, double maxAngleDeg,
                                       boolean allowFlip) {
        double m = Math.min(w, h);
        double size = m * u(r, lo, hi);
        double slackX = Math.max(0, (w - size * 0.8) / 2), slackY = Math.max(0, (h - size * 0.8) / 2);
        double cx = w / 2.0 + u(r, -slackX, slackX), cy = h / 2.0 + u(r, -slackY, slackY);
        double angle = Math.toRadians(u(r, -maxAngleDeg, maxAngleDeg));
        return place(cx, cy, size, angle, allowFlip && r.nextBoolean());
    }

    /**
     * Draws the ARGB {@code layer} over {@code target}; with {@code shadow} &gt; 0 a soft dark copy
     * of its silhouette goes underneath first, offset by (dx, dy).
     */
    static void composite(BufferedImage target, BufferedImage layer, double shadow, int dx, int dy) {
        Graphics2D g = target.createGraphics();
        if (shadow > 0) {
            BufferedImage sh = silhouette(layer, shadow);
            g.drawImage(sh, dx, dy, null);
        }
        g.setComposite(AlphaComposite.SrcOver);
        g.drawImage(layer, 0, 0, null);
        g.dispose();
    }

    /** A blurred black silhouette of the layer's alpha, with the given opacity. */
    static BufferedImage silhouette(BufferedImage layer, double opacity) {
        int w = layer.getWidth(), h = layer.getHeight();
        int[] px = layer.getRGB(0, 0, w, h, null, 0, w);
        float[] a = new float[w * h], b = new float[w * h];
        for (int k = 0; k < px.length; k++) a[k] = (px[k] >>> 24) / 255f;
        // 3x3 box blur, twice (separable).
        for (int pass = 0; pass < 2; pass++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float s = 0;
                    int n = 0;
                    for (int d = -1; d <= 1; d++) {
                        int xx = x + d;
                        if (xx >= 0 && xx < w) { s += a[y * w + xx]; n++; }
                    }
                    b[y * w + x] = s / n;
                }
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float s = 0;
                    int n = 0;
                    for (int d = -1; d <= 1; d++) {
                        int yy = y + d;
                        if (yy >= 0 && yy < h) { s += b[yy * w + x]; n++; }
                    }
                    a[y * w + x] = s / n;
                }
            }
        }
        int[] out = new int[w * h];
        for (int k = 0; k < out.length; k++) out[k] = clamp255(a[k] * opacity * 255) << 24;
        BufferedImage sh = argb(w, h);
        sh.setRGB(0, 0, w, h, out, 0, w);
        return sh;
    }

    /**
     * Global lighting and camera variation: gain, contrast, a slight colour cast and an
     * optional vignette, applied to the whole RGB frame in place.
     */
    static void grade(BufferedImage img, SplittableRandom r, double strength) {
        int w = img.getWidth(), h = img.getHeight();
        double gain = 1 + u(r, -0.15, 0.12) * strength;
        double contrast = 1 + u(r, -0.18, 0.15) * strength;
        double cr = 1 + u(r, -0.05, 0.05) * strength, cg = 1 + u(r, -0.04, 0.04) * strength,
                cb = 1 + u(r, -0.05, 0.05) * strength;
        double vignette = p(r, 0.4) ? u(r, 0.05, 0.25) * strength : 0;
        int[] px = img.getRGB(0, 0, w, h, null, 0, w);
        double cx = (w - 1) / 2.0, cy = (h - 1) / 2.0, rmax = Math.hypot(cx, cy);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int k = y * w + x, v = px[k];
                double v0 = 1 - vignette * Math.pow(Math.hypot(x - cx, y - cy) / rmax, 2);
                double f = gain * v0;
                int rr = clamp255(((((v >> 16) & 255) - 128) * contrast + 128) * f * cr);
                int gg = clamp255(((((v >> 8) & 255) - 128) * contrast + 128) * f * cg);
                int bb = clamp255((((v & 255) - 128) * contrast + 128) * f * cb);
                px[k] = (rr << 16) | (gg << 8) | bb;
            }
        }
        img.setRGB(0, 0, w, h, px, 0, w);
    }
}

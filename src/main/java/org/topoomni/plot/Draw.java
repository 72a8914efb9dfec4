package org.topoomni.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * Text and canvas primitives shared by every figure: the fonts, a white canvas, anti-aliased
 * text (left, centred, right-aligned, vertical) and legend swatches.
 */
public final class Draw {

    private Draw() {
    }

    public static final String SANS = "DejaVu Sans";
    public static final Font TITLE = new Font(SANS, Font.BOLD, 17);
    public static final Font SUBTITLE = new Font(SANS, Font.PLAIN, 13);
    public static final Font LABEL = new Font(SANS, Font.PLAIN, 13);
    public static final Font LABEL_BOLD = new Font(SANS, Font.BOLD, 13);
    public static final Font SMALL = new Font(SANS, Font.PLAIN, 11);

    /** A white RGB image of {@code w} x {@code h} pixels. */
    public static BufferedImage canvas(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    /** A graphics context on {@code img} with anti-aliased text. */
    public static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        return g;
    }

    /** Text with its baseline's left end at (x, y). */
    public static void text(Graphics2D g, String s, Font f, int x, int y, Color c) {
        g.setFont(f);
        g.setColor(c);
        g.drawString(s, x, y);
    }

    /** Text centred on {@code cx}. */
    public static void textCentered(Graphics2D g, String s, Font f, int cx, int y, Color c) {
        g.setFont(f);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(c);
        g.drawString(s, cx - fm.stringWidth(s) / 2, y);
    }

    /** Text ending at {@code right}. */
    public static void textRight(Graphics2D g, String s, Font f, int right, int y, Color c) {
        g.setFont(f);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(c);
        g.drawString(s, right - fm.stringWidth(s), y);
    }

    /** Text rotated a quarter turn anticlockwise, its baseline at {@code x}, centred on {@code cy}. */
    public static void textVertical(Graphics2D g, String s, Font f, int x, int cy, Color c) {
        AffineTransform old = g.getTransform();
        g.setFont(f);
        int w = g.getFontMetrics().stringWidth(s);
        g.translate(x, cy + w / 2.0);
        g.rotate(-Math.PI / 2);
        g.setColor(c);
        g.drawString(s, 0, 0);
        g.setTransform(old);
    }

    /** A 16 x 14 legend swatch; {@code blackOutline} draws it as an island outline. */
    public static void swatch(Graphics2D g, int x, int y, int rgb, boolean blackOutline) {
        g.setColor(new Color(rgb));
        g.fillRect(x, y, 16, 14);
        g.setColor(blackOutline ? Color.BLACK : new Color(0x777777));
        if (blackOutline) {
            g.setStroke(new BasicStroke(2f));
            g.drawRect(x + 1, y + 1, 14, 12);
            g.setStroke(new BasicStroke(1f));
        } else {
            g.drawRect(x, y, 16, 14);
        }
    }
}

package org.topoomni.stimuli.visual;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import static org.topoomni.stimuli.visual.Drawing.*;

/**
 * Written words for the fLoc "words" condition: one real English word per image, in one of
 * several installed fonts (DejaVu Sans / Serif / Mono and Liberation Sans / Serif / Mono, in
 * regular, bold and italic), at varied size, position, slight rotation and colour, either dark
 * on a light ground or light on a dark ground, with a little texture or gradient in the ground.
 * When none of the font files can be read, the JDK's logical fonts stand in.
 */
final class WordRenderer {
    private WordRenderer() {}

    /** Font files tried, in this order; the missing ones are skipped. */
    static final List<String> FONT_FILES = List.of(
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
            "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf",
            "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
            "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
            "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf",
            "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
            "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf",
            "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf",
            "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
            "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf",
            "/usr/share/fonts/truetype/liberation2/LiberationSans-Italic.ttf",
            "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
            "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf",
            "/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf",
            "/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf",
            "/usr/share/fonts/truetype/liberation2/LiberationMono-Bold.ttf");

    /** A loaded font and the name recorded in the attributes. */
    record NamedFont(String name, Font font) {}

    private static final class Fonts { // lazy holder: loaded once, on first use, thread-safely
        static final List<NamedFont> ALL = load();

        private static List<NamedFont> load() {
            List<NamedFont> out = new ArrayList<>();
            for (String f : FONT_FILES) {
                Path p = Path.of(f);
                if (!Files.isReadable(p)) continue;
                try {
                    Font font = Font.createFont(Font.TRUETYPE_FONT, p.toFile());
                    out.add(new NamedFont(font.getFontName(Locale.ROOT), font));
                } catch (java.awt.FontFormatException | IOException e) {
                    // skip an unreadable font file
                }
            }
            if (out.isEmpty()) {
                for (String family : new String[]{Font.SANS_SERIF, Font.SERIF, Font.MONOSPACED}) {
                    for (int style : new int[]{Font.PLAIN, Font.BOLD, Font.ITALIC}) {
                        Font f = new Font(family, style, 12);
                        out.add(new NamedFont(family + (style == Font.BOLD ? " Bold" : style == Font.ITALIC ? " Italic" : ""), f));
                    }
                }
            }
            return List.copyOf(out);
        }
    }

    static List<NamedFont> fonts() {
        return Fonts.ALL;
    }

    /** Draws {@code word} over the whole image (background included). */
    static void draw(BufferedImage img, String word, SplittableRandom r, Map<String, String> attrs) {
        int w = img.getWidth(), h = img.getHeight();
        boolean darkOnLight = p(r, 0.7);
        double hue = r.nextDouble();
        Color bg = darkOnLight ? hsb(hue, u(r, 0, 0.25), u(r, 0.8, 0.98)) : hsb(hue, u(r, 0, 0.5), u(r, 0.05, 0.3));
        Color ink = darkOnLight ? hsb(r.nextDouble(), u(r, 0, 0.8), u(r, 0.0, 0.35)) : hsb(r.nextDouble(), u(r, 0, 0.5), u(r, 0.85, 1.0));
        Graphics2D g = graphics(img);
        int ground = r.nextInt(3);
        switch (ground) {
            case 0 -> fill(g, rect(0, 0, w, h), bg);
            case 1 -> {
                g.setPaint(new GradientPaint(0, 0, bg, (float) u(r, -w, w), h, jitter(bg, r, 0.15)));
                g.fillRect(0, 0, w, h);
            }
            default -> { // faint paper/cloth texture
                float[] n = Backgrounds.valueNoise(w, h, i(r, 12, 24), r);
                int[] px = new int[w * h];
                Color b2 = darkOnLight ? shade(bg, 0.93) : mix(bg, Color.WHITE, 0.08);
                for (int k = 0; k < px.length; k++) px[k] = mix(bg, b2, n[k]).getRGB();
                img.setRGB(0, 0, w, h, px, 0, w);
            }
        }
        List<NamedFont> fonts = fonts();
        NamedFont nf = fonts.get(r.nextInt(fonts.size()));
        double m = Math.min(w, h);
        double size = m * u(r, 0.16, 0.36);
        double angle = Math.toRadians(u(r, -10, 10));
        FontRenderContext frc = new FontRenderContext(null, true, true);
        Shape outline;
        Rectangle2D box;
        while (true) {
            Font f = nf.font().deriveFont((float) size);
            GlyphVector gv = f.createGlyphVector(frc, word);
            Shape raw = gv.getOutline();
            Rectangle2D rb = raw.getBounds2D();
            AffineTransform t = AffineTransform.getRotateInstance(angle);
            t.translate(-rb.getCenterX(), -rb.getCenterY());
            outline = t.createTransformedShape(raw);
            box = outline.getBounds2D();
            if ((box.getWidth() <= w * 0.92 && box.getHeight() <= h * 0.92) || size < 5) break;
            size *= 0.9;
        }
        double cx = w / 2.0 + u(r, -1, 1) * Math.max(0, (w * 0.96 - box.getWidth()) / 2);
        double cy = h / 2.0 + u(r, -1, 1) * Math.max(0, (h * 0.96 - box.getHeight()) / 2);
        g.translate(cx, cy);
        g.setPaint(ink);
        g.fill(outline);
        g.dispose();
        attrs.put("word", word);
        attrs.put("font", nf.name());
        attrs.put("font_size_px", String.format(Locale.ROOT, "%.1f", size));
        attrs.put("polarity", darkOnLight ? "dark_on_light" : "light_on_dark");
    }
}

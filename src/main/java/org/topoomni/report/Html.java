package org.topoomni.report;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

/**
 * Small pieces of a self-contained HTML page: escaping, numbers as people read them, and PNG
 * images embedded as base64 data URIs (so that one file holds the whole report).
 */
final class Html {

    private Html() {
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A fraction as a percentage ("85%", "n/a" for NaN). */
    static String pct(double fraction) {
        if (Double.isNaN(fraction)) return "n/a";
        double p = 100 * fraction;
        return (Math.abs(p - Math.rint(p)) < 0.05 || Math.abs(p) >= 10 ? String.format(Locale.ROOT, "%.0f", p)
                : String.format(Locale.ROOT, "%.1f", p)) + "%";
    }

    /** A difference of fractions in percentage points, signed ("-64 points"). */
    static String points(double diff) {
        if (Double.isNaN(diff)) return "n/a";
        return String.format(Locale.ROOT, "%+.0f points", 100 * diff).replace('-', '\u2212');
    }

    /** A number with {@code digits} decimals, "n/a" for NaN; minus as a typographic minus. */
    static String num(double v, int digits) {
        if (Double.isNaN(v)) return "n/a";
        if (Double.isInfinite(v)) return v > 0 ? "\u221e" : "\u2212\u221e";
        return String.format(Locale.ROOT, "%." + digits + "f", v).replace('-', '\u2212');
    }

    /** A number to two significant digits ("0.0043", "1.2e-05"), "n/a" for NaN. */
    static String sig(double v) {
        if (Double.isNaN(v)) return "n/a";
        return String.format(Locale.ROOT, "%.2g", v).replace('-', '\u2212');
    }

    /** Seconds as people read them: "48 s", "3.2 min", "1.4 h". */
    static String duration(double seconds) {
        if (Double.isNaN(seconds)) return "n/a";
        if (seconds < 0.1) return String.format(Locale.ROOT, "%.2f s", seconds);
        if (seconds < 90) return String.format(Locale.ROOT, "%.1f s", seconds);
        if (seconds < 5400) return String.format(Locale.ROOT, "%.1f min", seconds / 60);
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }

    static String plural(int n, String word) {
        return String.format(Locale.ROOT, "%,d %s%s", n, word, n == 1 ? "" : "s");
    }

    /** A table cell ({@code td}) with a status class. */
    static String td(String text, Status s) {
        return "<td class=\"" + s.css + "\">" + text + "</td>";
    }

    static String td(String text) {
        return "<td>" + text + "</td>";
    }

    /** A badge naming the status, or nothing where no target exists. */
    static String badge(Status s) {
        return s == Status.NONE ? "" : "<span class=\"badge " + s.css + "\">" + s.word + "</span>";
    }

    /** The PNG file as a data URI, scaled down to at most {@code maxWidth} pixels wide (0: as it is). */
    static String dataUri(Path png, int maxWidth) throws IOException {
        if (!Files.isRegularFile(png)) throw new IllegalArgumentException("no image at " + png);
        byte[] bytes = Files.readAllBytes(png);
        if (bytes.length < PNG_SIGNATURE.length || !java.util.Arrays.equals(java.util.Arrays.copyOf(bytes, PNG_SIGNATURE.length), PNG_SIGNATURE)) {
            throw new IllegalArgumentException(png + " is not a PNG image");
        }
        if (maxWidth > 0) {
            BufferedImage img = ImageIO.read(png.toFile());
            if (img == null) throw new IllegalArgumentException(png + " cannot be decoded as a PNG image");
            if (img.getWidth() > maxWidth) return dataUri(scaled(img, maxWidth));
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes);
    }

    static String dataUri(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, "png", out)) throw new IOException("no PNG writer available");
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage scaled(BufferedImage img, int width) {
        int height = Math.max(1, (int) Math.round((double) img.getHeight() * width / img.getWidth()));
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(img, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    /** An embedded image inside a figure with a caption. */
    static String figure(String dataUri, String alt, String caption) {
        StringBuilder sb = new StringBuilder("<figure><img src=\"").append(dataUri).append("\" alt=\"").append(esc(alt)).append("\">");
        if (caption != null && !caption.isEmpty()) sb.append("<figcaption>").append(caption).append("</figcaption>");
        return sb.append("</figure>").toString();
    }
}

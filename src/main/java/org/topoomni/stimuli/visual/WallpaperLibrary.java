package org.topoomni.stimuli.visual;

import org.topoomni.stimuli.Seeds;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Photographs and paintings of natural landscapes among the installed desktop wallpapers
 * (plasma-workspace-wallpapers): mountains, lakes, a forest path, hills, a beach. For each
 * wallpaper the smallest image that is still at least {@link #MIN_SIDE} pixels on its short
 * side is used, decoded once (reduced to at most {@link #WORKING_SIDE} pixels) and kept; the
 * list is scanned lazily and put in a seeded order like the clip art.
 */
final class WallpaperLibrary {
    static final Path DEFAULT_ROOT = Path.of("/usr/share/wallpapers");
    /**
     * Wallpapers that show natural landscapes (abstract and built ones are left out, and so are
     * Volna and PastelHills, whose crops look abstract).
     */
    static final List<String> NATURAL = List.of("Altai", "Autumn", "ColdRipple", "DarkestHour", "EveningGlow",
            "Path", "summer_1am");
    static final int MIN_SIDE = 400;
    static final int WORKING_SIDE = 512;
    private static final Pattern SIZE = Pattern.compile("(\\d+)x(\\d+)\\.(jpe?g|png)$", Pattern.CASE_INSENSITIVE);
    private static final BufferedImage UNREADABLE = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);

    private final Path root;
    private final long orderSeed;
    private volatile List<String> files;
    private final ConcurrentHashMap<String, BufferedImage> images = new ConcurrentHashMap<>();

    WallpaperLibrary(Path root, long orderSeed) {
        this.root = root;
        this.orderSeed = orderSeed;
    }

    Path root() {
        return root;
    }

    /** Relative paths of the chosen image of each natural wallpaper, in exemplar order. */
    List<String> files() {
        List<String> f = files;
        if (f == null) {
            synchronized (this) {
                f = files;
                if (f == null) files = f = scan();
            }
        }
        return f;
    }

    private List<String> scan() {
        List<String> out = new ArrayList<>();
        for (String name : NATURAL) {
            Path dir = root.resolve(name).resolve("contents").resolve("images");
            if (!Files.isDirectory(dir)) continue;
            String best = null;
            long bestArea = Long.MAX_VALUE;
            try (Stream<Path> st = Files.list(dir)) {
                for (Path p : (Iterable<Path>) st.sorted()::iterator) {
                    Matcher m = SIZE.matcher(p.getFileName().toString());
                    if (!m.find()) continue;
                    long a = Long.parseLong(m.group(1)), b = Long.parseLong(m.group(2));
                    if (Math.min(a, b) < MIN_SIDE) continue;
                    if (a * b < bestArea) {
                        bestArea = a * b;
                        best = root.relativize(p).toString().replace('\\', '/');
                    }
                }
            } catch (IOException | RuntimeException e) {
                continue;
            }
            if (best != null) out.add(best);
        }
        Collections.sort(out);
        SplittableRandom r = new SplittableRandom(Seeds.derive(orderSeed, "wallpapers"));
        for (int k = out.size() - 1; k > 0; k--) Collections.swap(out, k, r.nextInt(k + 1));
        return List.copyOf(out);
    }

    /** The decoded, reduced image, or null when it cannot be read. */
    BufferedImage image(String rel) {
        BufferedImage img = images.computeIfAbsent(rel, k -> {
            BufferedImage d = decode(root.resolve(k));
            return d == null ? UNREADABLE : d;
        });
        return img == UNREADABLE ? null : img;
    }

    private static BufferedImage decode(Path p) {
        try (ImageInputStream in = ImageIO.createImageInputStream(p.toFile())) {
            if (in == null) return null;
            Iterator<ImageReader> it = ImageIO.getImageReaders(in);
            if (!it.hasNext()) return null;
            ImageReader reader = it.next();
            BufferedImage src;
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0), h = reader.getHeight(0);
                int sub = Math.max(1, Math.min(w, h) / WORKING_SIDE);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(sub, sub, 0, 0);
                src = reader.read(0, param);
            } finally {
                reader.dispose();
            }
            if (src == null) return null;
            double f = Math.min(1.0, WORKING_SIDE / (double) Math.min(src.getWidth(), src.getHeight()));
            int nw = Math.max(1, (int) Math.round(src.getWidth() * f)), nh = Math.max(1, (int) Math.round(src.getHeight() * f));
            BufferedImage out = new BufferedImage(nw, nh, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = out.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(src, 0, 0, nw, nh, null);
            g.dispose();
            return out;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A random crop of {@code src} (between 50% and 100% of its short side, randomly placed,
     * sometimes mirrored) scaled to w x h in two steps to limit aliasing.
     */
    static BufferedImage crop(BufferedImage src, int w, int h, SplittableRandom r) {
        double aspect = w / (double) h;
        double side = Math.min(src.getWidth(), src.getHeight() * aspect) * Drawing.u(r, 0.5, 1.0);
        double cw = side, ch = side / aspect;
        double x = Drawing.u(r, 0, src.getWidth() - cw), y = Drawing.u(r, 0, src.getHeight() - ch);
        boolean flip = r.nextBoolean();
        int mw = Math.max(w, (int) Math.min(cw, 2.0 * w)), mh = Math.max(h, (int) Math.min(ch, 2.0 * h));
        BufferedImage mid = new BufferedImage(mw, mh, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = mid.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        int sx0 = (int) Math.round(x), sy0 = (int) Math.round(y);
        int sx1 = (int) Math.round(x + cw), sy1 = (int) Math.round(y + ch);
        if (flip) g.drawImage(src, mw, 0, 0, mh, sx0, sy0, sx1, sy1, null);
        else g.drawImage(src, 0, 0, mw, mh, sx0, sy0, sx1, sy1, null);
        g.dispose();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = out.createGraphics();
        g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g2.drawImage(mid, 0, 0, w, h, null);
        g2.dispose();
        return out;
    }
}

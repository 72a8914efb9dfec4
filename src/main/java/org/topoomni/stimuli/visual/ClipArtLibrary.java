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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Installed clip art (Debian's openclipart-png) as a source of category exemplars. Each category
 * is a curated list of {@link Source}s: folders under the clip-art root with file-name filters
 * that keep, e.g., road signs out of "vehicles" and cups out of "food". A category's files are
 * scanned once, lazily and thread-safely: sorted, de-duplicated by file name, checked by reading
 * their PNG header (unreadable files and huge ones are skipped), then put in a seeded order.
 * Exemplar {@code i} uses file {@code files(category).get(i % n)}, so indices {@code 0..n-1} use
 * {@code n} different drawings and a held-out split can be given drawings no training item saw.
 *
 * <p>Decoded images are reduced to small premultiplied ARGB thumbnails cropped to their content
 * (opaque clip art gets its flat border colour keyed out) and kept in a bounded LRU cache.
 */
public final class ClipArtLibrary {
    /** Default clip-art root (openclipart-png). */
    public static final Path DEFAULT_ROOT = Path.of("/usr/share/openclipart/png");
    /** Default longest side of a cached thumbnail, in pixels (enough for 96 x 96 stimuli). */
    public static final int DEFAULT_THUMBNAIL_SIDE = 128;
    /** Files whose longest side exceeds this are skipped: decoding them would take seconds. */
    public static final int MAX_SOURCE_SIDE = 2500;
    /** Default number of thumbnails kept in memory (at most 64 KiB each at the default side). */
    public static final int DEFAULT_CACHE_CAPACITY = 1024;

    /**
     * One folder of a category. {@code folder} is relative to the root; a trailing "/**" takes
     * sub-folders too. {@code include} (matched against the lower-case file name) and
     * {@code exclude} (found anywhere in the lower-case relative path) may be null.
     */
    public record Source(String folder, Pattern include, Pattern exclude) {
        public Source {
            Objects.requireNonNull(folder, "folder");
        }

        public static Source of(String folder) {
            return new Source(folder, null, null);
        }

        public static Source including(String folder, String includeRegex) {
            return new Source(folder, Pattern.compile(includeRegex), null);
        }

        public static Source excluding(String folder, String excludeRegex) {
            return new Source(folder, null, Pattern.compile(excludeRegex));
        }
    }

    private static final BufferedImage UNREADABLE = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);

    private final Path root;
    private final Map<String, List<Source>> catalog;
    private final long orderSeed;
    private final int cacheCapacity;
    private final int thumbnailSide;
    private final ConcurrentHashMap<String, List<String>> files = new ConcurrentHashMap<>();
    private final LinkedHashMap<String, BufferedImage> cache;

    /**
     * @param root          clip-art root (may be missing or empty: then every category has no files)
     * @param catalog       category -> folders it draws from
     * @param orderSeed     seed of the per-category file order (the same for every run)
     * @param cacheCapacity thumbnails kept in memory
     * @param thumbnailSide longest side of a thumbnail in pixels
     */
    public ClipArtLibrary(Path root, Map<String, List<Source>> catalog, long orderSeed, int cacheCapacity, int thumbnailSide) {
        this.root = Objects.requireNonNull(root, "clip-art root");
        this.catalog = Map.copyOf(catalog);
        this.orderSeed = orderSeed;
        if (cacheCapacity < 1) throw new IllegalArgumentException("cache capacity must be >= 1, got " + cacheCapacity);
        this.cacheCapacity = cacheCapacity;
        if (thumbnailSide < 16) throw new IllegalArgumentException("thumbnail side must be >= 16, got " + thumbnailSide);
        this.thumbnailSide = thumbnailSide;
        this.cache = new LinkedHashMap<>(64, 0.75f, true);
    }

    public Path root() {
        return root;
    }

    /** Whether the catalog names this category. */
    public boolean covers(String category) {
        return catalog.containsKey(category);
    }

    /**
     * The category's usable files (paths relative to the root, '/'-separated) in the order
     * exemplars use them; empty when the catalog does not name it or its folders are missing.
     */
    public List<String> files(String category) {
        List<Source> sources = catalog.get(category);
        if (sources == null) return List.of();
        return files.computeIfAbsent(category, c -> scan(c, sources));
    }

    private List<String> scan(String category, List<Source> sources) {
        TreeSet<String> found = new TreeSet<>();
        for (Source s : sources) {
            boolean recursive = s.folder().endsWith("/**");
            String folder = s.folder().replaceAll("/\\*\\*?$", "");
            Path dir = root.resolve(folder);
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> st = recursive ? Files.walk(dir) : Files.list(dir)) {
                st.filter(Files::isRegularFile).forEach(p -> {
                    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (!name.endsWith(".png")) return;
                    String rel = root.relativize(p).toString().replace('\\', '/');
                    String relLower = rel.toLowerCase(Locale.ROOT);
                    if (s.include() != null && !s.include().matcher(name).find()) return;
                    if (s.exclude() != null && s.exclude().matcher(relLower).find()) return;
                    found.add(rel);
                });
            } catch (IOException | RuntimeException e) {
                // An unreadable folder contributes nothing; the category may fall back to rendering.
            }
        }
        List<String> kept = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        for (String rel : found) { // sorted: the first of several same-named copies wins
            String name = rel.substring(rel.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            if (!names.add(name)) continue;
            if (headerOk(root.resolve(rel))) kept.add(rel);
        }
        SplittableRandom r = new SplittableRandom(Seeds.derive(orderSeed, "clipart/" + category));
        for (int k = kept.size() - 1; k > 0; k--) Collections.swap(kept, k, r.nextInt(k + 1));
        return List.copyOf(kept);
    }

    private static boolean headerOk(Path p) {
        try (ImageInputStream in = ImageIO.createImageInputStream(p.toFile())) {
            if (in == null) return false;
            Iterator<ImageReader> it = ImageIO.getImageReaders(in);
            if (!it.hasNext()) return false;
            ImageReader reader = it.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0), h = reader.getHeight(0);
                return Math.min(w, h) >= 8 && Math.max(w, h) <= MAX_SOURCE_SIDE;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The file's thumbnail: premultiplied ARGB, cropped to its visible content, longest side at
     * most the thumbnail side; null when the file cannot be decoded or shows nothing.
     */
    public BufferedImage thumbnail(String relativePath) {
        synchronized (cache) {
            BufferedImage hit = cache.get(relativePath);
            if (hit != null) return hit == UNREADABLE ? null : hit;
        }
        BufferedImage t = load(root.resolve(relativePath), thumbnailSide);
        synchronized (cache) {
            cache.put(relativePath, t == null ? UNREADABLE : t);
            if (cache.size() > cacheCapacity) {
                Iterator<String> it = cache.keySet().iterator();
                it.next();
                it.remove();
            }
        }
        return t;
    }

    /** Number of thumbnails currently cached (for tests and diagnostics). */
    public int cachedCount() {
        synchronized (cache) {
            return cache.size();
        }
    }

    static BufferedImage load(Path p, int side) {
        BufferedImage src;
        try (ImageInputStream in = ImageIO.createImageInputStream(p.toFile())) {
            if (in == null) return null;
            Iterator<ImageReader> it = ImageIO.getImageReaders(in);
            if (!it.hasNext()) return null;
            ImageReader reader = it.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0), h = reader.getHeight(0);
                if (Math.max(w, h) > MAX_SOURCE_SIDE) return null;
                int sub = Math.max(1, Math.max(w, h) / side); // decoded: between side and 2 x side
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(sub, sub, 0, 0);
                src = reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (src == null) return null;
        return prepare(src, side);
    }

    /** ARGB copy, flat border keyed out when the image is opaque, cropped, reduced. */
    static BufferedImage prepare(BufferedImage src, int side) {
        int w = src.getWidth(), h = src.getHeight();
        BufferedImage argb = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g00 = argb.createGraphics();
        g00.setComposite(java.awt.AlphaComposite.Src);
        g00.drawImage(src, 0, 0, null);
        g00.dispose();
        int[] px = ((java.awt.image.DataBufferInt) argb.getRaster().getDataBuffer()).getData();
        boolean opaque = true;
        for (int v : px) {
            if ((v >>> 24) < 250) { opaque = false; break; }
        }
        if (opaque) keyOutBorder(px, w, h);
        int x0 = w, y0 = h, x1 = -1, y1 = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if ((px[y * w + x] >>> 24) > 24) {
                    if (x < x0) x0 = x;
                    if (x > x1) x1 = x;
                    if (y < y0) y0 = y;
                    if (y > y1) y1 = y;
                }
            }
        }
        if (x1 < x0 || y1 < y0) return null;
        int cw = x1 - x0 + 1, ch = y1 - y0 + 1;
        if (cw < 4 || ch < 4) return null;
        BufferedImage cropped = new BufferedImage(cw, ch, BufferedImage.TYPE_INT_ARGB);
        cropped.setRGB(0, 0, cw, ch, px, y0 * w + x0, w);
        BufferedImage cur = new BufferedImage(cw, ch, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g0 = cur.createGraphics();
        g0.drawImage(cropped, 0, 0, null);
        g0.dispose();
        // Halve with bilinear filtering until within twice the target, then one last step.
        while (Math.max(cur.getWidth(), cur.getHeight()) > side) {
            double f = Math.max(0.5, side / (double) Math.max(cur.getWidth(), cur.getHeight()));
            int nw = Math.max(1, (int) Math.round(cur.getWidth() * f)), nh = Math.max(1, (int) Math.round(cur.getHeight() * f));
            BufferedImage next = new BufferedImage(nw, nh, BufferedImage.TYPE_INT_ARGB_PRE);
            Graphics2D g = next.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(cur, 0, 0, nw, nh, null);
            g.dispose();
            cur = next;
        }
        return cur;
    }

    /**
     * When most border pixels share one colour (a white or flat backdrop), make the region of
     * that colour connected to the border transparent.
     */
    static void keyOutBorder(int[] px, int w, int h) {
        int ref = px[0];
        int close = 0, total = 0;
        for (int x = 0; x < w; x++) {
            total += 2;
            if (near(px[x], ref)) close++;
            if (near(px[(h - 1) * w + x], ref)) close++;
        }
        for (int y = 0; y < h; y++) {
            total += 2;
            if (near(px[y * w], ref)) close++;
            if (near(px[y * w + w - 1], ref)) close++;
        }
        if (close < 0.6 * total) return;
        boolean[] seen = new boolean[w * h];
        int[] stack = new int[w * h];
        int sp = 0;
        for (int k = 0; k < w * h; k++) {
            int x = k % w, y = k / w;
            boolean border = x == 0 || y == 0 || x == w - 1 || y == h - 1;
            if (border && near(px[k], ref)) {
                seen[k] = true;
                stack[sp++] = k;
            }
        }
        while (sp > 0) {
            int k = stack[--sp];
            px[k] = px[k] & 0x00ffffff;
            int x = k % w, y = k / w;
            int[] nb = {x > 0 ? k - 1 : -1, x < w - 1 ? k + 1 : -1, y > 0 ? k - w : -1, y < h - 1 ? k + w : -1};
            for (int n : nb) {
                if (n >= 0 && !seen[n] && near(px[n], ref)) {
                    seen[n] = true;
                    stack[sp++] = n;
                }
            }
        }
    }

    private static boolean near(int a, int b) {
        int dr = ((a >> 16) & 255) - ((b >> 16) & 255), dg = ((a >> 8) & 255) - ((b >> 8) & 255), db = (a & 255) - (b & 255);
        return dr * dr + dg * dg + db * db < 24 * 24;
    }
}

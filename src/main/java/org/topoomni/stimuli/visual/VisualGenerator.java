package org.topoomni.stimuli.visual;

import org.topoomni.stimuli.Provenance;
import org.topoomni.stimuli.Seeds;
import org.topoomni.stimuli.Stimulus;
import org.topoomni.stimuli.StimulusGenerator;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The "visual" stimulus family: the six categories of an fLoc-style visual category localizer
 * (faces, bodies, objects, scenes, words, scrambled objects) and fourteen everyday categories
 * for pretraining and screening (animals, birds, insects, landscapes, vehicles, food, tools,
 * buildings, plants, flowers, instruments, furniture, clothing, sports), as RGB images
 * (default 96 x 96).
 *
 * <p>How each category is made ({@link #source(String)}):
 * <ul>
 *   <li>rendered by code: bodies (no faces), scenes, words (installed fonts, words from the
 *       system word list), furniture;</li>
 *   <li>rendered, mixed with installed clip art: faces (a quarter are clip-art portraits) and
 *       objects (a third are clip-art cups, phones, cameras, lamps, boxes...);
 *       scrambled objects are the objects with their 8 x 8 blocks permuted;</li>
 *   <li>landscapes: rendered, a third are crops of installed natural-landscape wallpapers;</li>
 *   <li>the other everyday categories: installed clip art (openclipart-png), with a quarter
 *       rendered so that each category shows both styles.</li>
 *   <li>optionally ({@link #withPhotos}): photographic cut-outs (Tux Paint's stamps) for
 *       {@value #PHOTO_PERCENT}% of the file-based exemplars of the everyday categories that
 *       have at least {@value #MIN_PHOTO_FILES} of them (animals, birds, insects, food, plants,
 *       flowers, vehicles, tools, instruments, sports), composited like the clip art; their
 *       "source_file" is {@code tuxpaint:} + the stamp's path, so the held-out split keeps
 *       photographs apart by file as it does drawings. Off unless asked for, so that the
 *       default libraries stay as they were.</li>
 * </ul>
 * Which exemplars come from files is a fixed pseudo-random function of the index (not of the
 * seed, and not periodic, so that it does not line up with round-robin run numbers). Clip art
 * is composited at a random scale, position, flip and tilt onto a random background; a
 * category whose clip-art folder is missing or has fewer than {@value #MIN_CLIPART_FILES}
 * usable files is entirely rendered.
 * Every figure category draws its backgrounds from the same distribution, so a background says
 * nothing about the category. An exemplar {@code i} that comes from a file uses
 * {@code sourceFiles(category).get(i % n)} (recorded as attribute "source_file"), so a held-out
 * split can be given drawings that no training item used.
 *
 * <p>Deterministic and thread-safe: everything random comes from a {@link SplittableRandom}
 * made from the item seed inside {@link #generate}; the clip-art, wallpaper and word lists are
 * scanned once, lazily, and sorted before a seeded shuffle that does not depend on the item.
 * The same item is byte-identical on the same JDK and platform with the same installed files
 * (Java2D's antialiasing and the JDK's math intrinsics are not specified bit for bit across
 * JDK builds).
 */
public final class VisualGenerator implements StimulusGenerator {
    public static final String FAMILY = "visual";
    public static final int DEFAULT_WIDTH = 96;
    public static final int DEFAULT_HEIGHT = 96;
    public static final Path DEFAULT_CLIPART_ROOT = ClipArtLibrary.DEFAULT_ROOT;
    public static final Path DEFAULT_WALLPAPER_ROOT = WallpaperLibrary.DEFAULT_ROOT;
    public static final Path DEFAULT_WORD_LIST = Path.of("/usr/share/dict/words");
    /** Seed of the order in which exemplars walk through source files and words; fixed across runs. */
    public static final long DEFAULT_FILE_ORDER_SEED = 0x70B0_0A11L;
    /** A clip-art category with fewer usable files than this is rendered instead. */
    public static final int MIN_CLIPART_FILES = 12;
    /** Blocks per side of the scrambled-object grid. */
    public static final int SCRAMBLE_GRID = 8;
    /** Share of faces that are clip-art portraits (when installed); the rest are rendered. */
    public static final double FACE_CLIPART_FRACTION = 0.25;
    /** Share of objects drawn from clip art (when installed); the rest are rendered. */
    public static final double OBJECT_CLIPART_FRACTION = 1.0 / 3;
    /** Share of landscapes that are wallpaper crops (when installed); the rest are rendered. */
    public static final double LANDSCAPE_WALLPAPER_FRACTION = 1.0 / 3;
    /**
     * Share of the exemplars of a clip-art category that are rendered anyway, so that every
     * category shows both drawing styles and style does not tell the categories apart.
     */
    public static final double EVERYDAY_RENDERED_FRACTION = 0.25;
    /** Default root of the photographic stamps (tuxpaint-stamps-default). */
    public static final Path DEFAULT_PHOTO_ROOT = PhotoStampCatalog.DEFAULT_ROOT;
    /** Share, in percent, of the file-based exemplars of an everyday category that are photographs when photos are on. */
    public static final int PHOTO_PERCENT = 40;
    /** An everyday category with fewer usable photographs than this gets none. */
    public static final int MIN_PHOTO_FILES = 5;
    /** Prefix of a photograph's "source_file" (the rest is its path under the stamps root). */
    public static final String PHOTO_SOURCE_PREFIX = "tuxpaint:";
    /** Words used: lower-case, alphabetic, this many letters. */
    public static final int MIN_WORD_LENGTH = 3, MAX_WORD_LENGTH = 8;

    public static final List<String> LOCALIZER_CATEGORIES =
            List.of("faces", "bodies", "objects", "scenes", "words", "scrambled_objects");
    public static final List<String> EVERYDAY_CATEGORIES = List.of("animals", "birds", "insects", "landscapes", "vehicles",
            "food", "tools", "buildings", "plants", "flowers", "instruments", "furniture", "clothing", "sports");
    public static final List<String> CATEGORIES;

    static {
        List<String> all = new ArrayList<>(LOCALIZER_CATEGORIES);
        all.addAll(EVERYDAY_CATEGORIES);
        CATEGORIES = List.copyOf(all);
    }

    /** Words used when the system word list is missing (so "words" still works). */
    static final List<String> FALLBACK_WORDS = List.of("apple", "bread", "chair", "dance", "earth", "field", "glass", "house",
            "image", "juice", "knife", "light", "money", "night", "ocean", "paper", "queen", "river", "stone", "table",
            "water", "young", "about", "black", "brown", "child", "cloud", "dream", "floor", "green", "heart", "horse",
            "lemon", "music", "north", "plant", "quiet", "round", "sheep", "smile", "train", "under", "voice", "white",
            "world", "yellow", "garden", "market", "window", "forest", "winter", "summer", "letter", "mother", "father",
            "friend", "school", "animal", "bridge", "candle", "doctor", "engine", "flower", "island", "jacket", "kitten",
            "ladder", "mirror", "number", "orange", "pencil", "rabbit", "silver", "tomato", "valley", "wonder", "cat",
            "dog", "sun", "sea", "box", "cup", "hat", "map", "pen", "red", "sky", "tree", "book", "door", "fish", "game",
            "hand", "king", "lamp", "moon", "nose", "park", "rain", "road", "ship", "song", "star", "town", "wind", "word");

    private final int width, height;
    private final ClipArtLibrary clipArt;
    private final WallpaperLibrary wallpapers;
    private final Path wordList;
    private final long fileOrderSeed;
    private final ClipArtLibrary photos; // null: no photographs
    private volatile List<String> words;

    /** Defaults: 96 x 96, installed clip art, wallpapers and word list. */
    public VisualGenerator() {
        this(DEFAULT_WIDTH, DEFAULT_HEIGHT, DEFAULT_CLIPART_ROOT, DEFAULT_WALLPAPER_ROOT, DEFAULT_WORD_LIST,
                DEFAULT_FILE_ORDER_SEED);
    }

    /** Defaults, but clip art from {@code clipArtRoot} (an empty folder forces the rendered fallbacks). */
    public VisualGenerator(Path clipArtRoot) {
        this(DEFAULT_WIDTH, DEFAULT_HEIGHT, clipArtRoot, DEFAULT_WALLPAPER_ROOT, DEFAULT_WORD_LIST, DEFAULT_FILE_ORDER_SEED);
    }

    /**
     * @param width         image width in pixels (at least 16)
     * @param height        image height in pixels (at least 16)
     * @param clipArtRoot   openclipart-png root; missing or empty means every category is rendered
     * @param wallpaperRoot desktop-wallpaper root; missing means landscapes are all rendered
     * @param wordList      one word per line (e.g. wamerican); missing means a built-in list
     * @param fileOrderSeed seed of the order of source files and words (not of the items)
     */
    public VisualGenerator(int width, int height, Path clipArtRoot, Path wallpaperRoot, Path wordList, long fileOrderSeed) {
        this(width, height, clipArtRoot, wallpaperRoot, wordList, fileOrderSeed, null);
    }

    private VisualGenerator(int width, int height, Path clipArtRoot, Path wallpaperRoot, Path wordList, long fileOrderSeed,
                            Path photoRoot) {
        if (width < 16 || height < 16) {
            throw new IllegalArgumentException("visual stimuli must be at least 16 x 16 pixels, got " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
        this.clipArt = new ClipArtLibrary(Objects.requireNonNull(clipArtRoot, "clip-art root"), ClipArtCatalog.defaults(),
                fileOrderSeed, ClipArtLibrary.DEFAULT_CACHE_CAPACITY,
                Math.max(ClipArtLibrary.DEFAULT_THUMBNAIL_SIDE, (int) Math.ceil(1.34 * Math.max(width, height))));
        this.wallpapers = new WallpaperLibrary(Objects.requireNonNull(wallpaperRoot, "wallpaper root"), fileOrderSeed);
        this.wordList = Objects.requireNonNull(wordList, "word list");
        this.fileOrderSeed = fileOrderSeed;
        this.photos = photoRoot == null ? null : new ClipArtLibrary(photoRoot, PhotoStampCatalog.defaults(),
                Seeds.derive(fileOrderSeed, "photos"), ClipArtLibrary.DEFAULT_CACHE_CAPACITY,
                Math.max(ClipArtLibrary.DEFAULT_THUMBNAIL_SIDE, (int) Math.ceil(1.34 * Math.max(width, height))));
    }

    /**
     * The same generator with photographic exemplars from the stamps under {@code stampRoot}
     * (e.g. {@link #DEFAULT_PHOTO_ROOT}); a missing folder gives no photographs.
     */
    public VisualGenerator withPhotos(Path stampRoot) {
        return new VisualGenerator(width, height, clipArt.root(), wallpapers.root(), wordList, fileOrderSeed,
                Objects.requireNonNull(stampRoot, "stamp root"));
    }

    /** The photographs (paths under the stamps root) that a category's photo exemplars cycle through; empty when none. */
    public List<String> photoFiles(String category) {
        check(category);
        return photosUsable(category) ? photos.files(category) : List.of();
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    @Override
    public String family() {
        return FAMILY;
    }

    @Override
    public List<String> categories() {
        return CATEGORIES;
    }

    /**
     * "rendered", "clipart+rendered" (clip-art categories), "rendered+clipart" (faces, objects),
     * or "rendered+wallpaper" (landscapes), according to what is installed.
     */
    @Override
    public String source(String category) {
        check(category);
        return switch (category) {
            case "faces", "objects", "scrambled_objects" -> clipArtUsable(category.equals("faces") ? "faces" : "objects")
                    ? "rendered+clipart" : "rendered";
            case "landscapes" -> wallpapers.files().isEmpty() ? "rendered" : "rendered+wallpaper";
            default -> (clipArt.covers(category) && clipArtUsable(category) ? "clipart+" : "")
                    + (photosUsable(category) ? "photo+" : "") + "rendered";
        };
    }

    /**
     * Scrambled objects share their item seed with objects: {@code scrambled_objects} item i
     * is {@code objects} item i with its blocks permuted, when the library gives both the same
     * seed (as a StimulusGenerator#seedKey hook does).
     */
    @Override
    public String seedKey(String category) {
        return "scrambled_objects".equals(category) ? "objects" : category;
    }

    /**
     * The source files (relative to the clip-art or wallpaper root) that the file-based
     * exemplars of the category cycle through, in order; empty when the category is rendered.
     */
    public List<String> sourceFiles(String category) {
        check(category);
        if (category.equals("landscapes")) return wallpapers.files();
        if (category.equals("scrambled_objects")) category = "objects";
        return clipArt.covers(category) && clipArtUsable(category) ? clipArt.files(category) : List.of();
    }

    /**
     * The source file exemplar {@code index} is planned to use, or empty when it is rendered
     * (the next file in the list is taken when the planned one turns out to be unreadable).
     */
    public Optional<String> sourceFile(String category, int index) {
        check(category);
        checkIndex(index);
        Optional<String> photo = photoFile(category, index);
        if (photo.isPresent()) return Optional.of(PHOTO_SOURCE_PREFIX + photo.get());
        List<String> files = sourceFiles(category);
        if (files.isEmpty() || !fromFile(category, index)) return Optional.empty();
        return Optional.of(files.get(index % files.size()));
    }

    /** The photograph exemplar {@code index} is planned to show, or empty. */
    private Optional<String> photoFile(String category, int index) {
        if (!photosUsable(category) || !fromFile(category, index)) return Optional.empty();
        long h = Seeds.mix(Seeds.derive(fileOrderSeed, "photo/" + category) + index * 0x9e3779b97f4a7c15L);
        if ((h >>> 11) * 0x1.0p-53 >= PHOTO_PERCENT / 100.0) return Optional.empty();
        List<String> files = photos.files(category);
        return Optional.of(files.get(index % files.size()));
    }

    /** Whether exemplar {@code index} of a category is drawn from a file, when files are installed. */
    boolean fromFile(String category, int index) {
        double share = switch (category) {
            case "faces" -> FACE_CLIPART_FRACTION;
            case "objects", "scrambled_objects" -> OBJECT_CLIPART_FRACTION;
            case "landscapes" -> LANDSCAPE_WALLPAPER_FRACTION;
            case "bodies", "scenes", "words", "furniture" -> 0;
            default -> 1 - EVERYDAY_RENDERED_FRACTION;
        };
        String key = category.equals("scrambled_objects") ? "objects" : category;
        long h = Seeds.mix(Seeds.derive(fileOrderSeed, "mix/" + key) + index * 0x9e3779b97f4a7c15L);
        return (h >>> 11) * 0x1.0p-53 < share;
    }

    /** The word exemplar {@code index} of "words" shows. */
    public String word(int index) {
        checkIndex(index);
        List<String> w = words();
        return w.get(index % w.size());
    }

    @Override
    public Stimulus generate(String category, int index, int run, long seed) {
        check(category);
        checkIndex(index);
        if (run < 1) throw new IllegalArgumentException("run must be >= 1, got " + run);
        Map<String, String> attrs = new TreeMap<>();
        Item item = render(category, index, seed, attrs);
        String id = String.format(java.util.Locale.ROOT, "%s_%04d", category, index);
        Provenance prov = new Provenance(FAMILY, seed, item.sourceFile == null ? null : item.sourceFile);
        return new Stimulus(id, category, run, item.image, null, null, attrs, prov);
    }

    private record Item(BufferedImage image, String sourceFile) {}

    private Item render(String category, int index, long seed, Map<String, String> attrs) {
        SplittableRandom r = new SplittableRandom(seed);
        Optional<String> file = sourceFile(category, index);
        switch (category) {
            case "scenes" -> {
                BufferedImage img = Drawing.rgb(width, height);
                SceneRenderer.draw(img, r, attrs);
                Drawing.grade(img, r, 1.0);
                attrs.put("source", "rendered");
                return new Item(img, null);
            }
            case "landscapes" -> {
                if (file.isPresent()) {
                    Item it = wallpaperItem(index, r, attrs);
                    if (it != null) return it;
                }
                BufferedImage img = Drawing.rgb(width, height);
                LandscapeRenderer.draw(img, r, attrs);
                Drawing.grade(img, r, 1.0);
                attrs.put("source", "rendered");
                return new Item(img, null);
            }
            case "words" -> {
                BufferedImage img = Drawing.rgb(width, height);
                WordRenderer.draw(img, word(index), r, attrs);
                Drawing.grade(img, r, 0.4);
                attrs.put("source", "rendered");
                return new Item(img, null);
            }
            case "scrambled_objects" -> {
                // The very object that "objects" makes for this index and seed, its blocks permuted.
                Item object = render("objects", index, seed, attrs);
                BufferedImage img = BlockScrambler.scramble(object.image, SCRAMBLE_GRID,
                        new SplittableRandom(Seeds.derive(seed, "scramble")));
                attrs.put("scramble_grid", Integer.toString(SCRAMBLE_GRID));
                attrs.put("source_category", "objects");
                attrs.put("source_seed", Long.toString(seed));
                return new Item(img, object.sourceFile);
            }
            default -> {
                if (photoFile(category, index).isPresent()) {
                    Item it = stampItem(photos, "photo", PHOTO_SOURCE_PREFIX, category, index, r, attrs, 0.6, 0.92);
                    if (it != null) return it;
                }
                if (file.isPresent()) {
                    double lo = category.equals("faces") ? 0.72 : 0.6, hi = category.equals("faces") ? 0.98 : 0.92;
                    Item it = clipArtItem(category, index, r, attrs, lo, hi);
                    if (it != null) return it;
                }
                return figure(category, r, attrs);
            }
        }
    }

    /** A procedural figure on a random background. */
    private Item figure(String category, SplittableRandom r, Map<String, String> attrs) {
        BufferedImage img = Drawing.rgb(width, height);
        attrs.put("background", Backgrounds.paint(img, r));
        BufferedImage layer = Drawing.argb(width, height);
        Graphics2D g = Drawing.graphics(layer);
        AffineTransform place = switch (category) {
            case "faces" -> Drawing.randomPlace(r, width, height, 0.85, 1.25, 12, false);
            case "bodies" -> Drawing.randomPlace(r, width, height, 0.8, 1.05, 10, true);
            case "objects" -> Drawing.randomPlace(r, width, height, 0.72, 1.02, 20, true);
            default -> Drawing.randomPlace(r, width, height, 0.72, 1.0, 12, true);
        };
        g.setTransform(place);
        switch (category) {
            case "faces" -> FaceRenderer.draw(g, r, attrs);
            case "bodies" -> BodyRenderer.draw(g, r, attrs);
            case "objects" -> ObjectRenderer.draw(g, r, attrs);
            default -> EverydayRenderer.draw(g, category, r, attrs);
        }
        g.dispose();
        shadowAndGrade(img, layer, r);
        attrs.put("source", "rendered");
        return new Item(img, null);
    }

    private void shadowAndGrade(BufferedImage img, BufferedImage layer, SplittableRandom r) {
        double shadow = Drawing.p(r, 0.6) ? Drawing.u(r, 0.2, 0.45) : 0;
        int off = Math.max(1, Math.round(Math.min(width, height) / 48f));
        Drawing.composite(img, layer, shadow, off * Drawing.i(r, -1, 2), off * Drawing.i(r, 1, 2));
        Drawing.grade(img, r, 1.0);
    }

    /**
     * A clip-art drawing composited on a random background; {@code slot} picks the file
     * (slot mod n, then the following files when that one cannot be decoded). Null when no
     * file of the category can be decoded.
     */
    private Item clipArtItem(String category, int slot, SplittableRandom r, Map<String, String> attrs, double lo, double hi) {
        return stampItem(clipArt, "clipart", "", category, slot, r, attrs, lo, hi);
    }

    /**
     * A cut-out from {@code library} (clip art or photographs) composited on a random
     * background; {@code source} names it in the attributes, {@code prefix} goes before
     * the file in "source_file".
     */
    private Item stampItem(ClipArtLibrary library, String source, String prefix, String category, int slot, SplittableRandom r,
                           Map<String, String> attrs, double lo, double hi) {
        List<String> files = library.files(category);
        int n = files.size();
        BufferedImage art = null;
        String used = null;
        for (int k = 0; k < n && art == null; k++) {
            used = files.get((slot + k) % n);
            art = library.thumbnail(used);
        }
        if (art == null) return null;
        BufferedImage img = Drawing.rgb(width, height);
        attrs.put("background", Backgrounds.paint(img, r));
        BufferedImage layer = Drawing.argb(width, height);
        Graphics2D g = layer.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        double m = Math.min(width, height);
        double longest = m * Drawing.u(r, lo, hi);
        double scale = longest / Math.max(art.getWidth(), art.getHeight());
        double dw = art.getWidth() * scale, dh = art.getHeight() * scale;
        double cx = width / 2.0 + Drawing.u(r, -1, 1) * Math.max(0, (width - dw) / 2);
        double cy = height / 2.0 + Drawing.u(r, -1, 1) * Math.max(0, (height - dh) / 2);
        boolean flip = r.nextBoolean();
        double angle = Math.toRadians(Drawing.u(r, -8, 8));
        AffineTransform t = new AffineTransform();
        t.translate(cx, cy);
        t.rotate(angle);
        t.scale(flip ? -scale : scale, scale);
        t.translate(-art.getWidth() / 2.0, -art.getHeight() / 2.0);
        g.drawImage(art, t, null);
        g.dispose();
        shadowAndGrade(img, layer, r);
        attrs.put("source", source);
        attrs.put("source_file", prefix + used);
        attrs.put(source + "_folder", used.contains("/") ? used.substring(0, used.lastIndexOf('/')) : "");
        attrs.put("flipped", Boolean.toString(flip));
        return new Item(img, source + ":" + used);
    }

    private Item wallpaperItem(int slot, SplittableRandom r, Map<String, String> attrs) {
        List<String> files = wallpapers.files();
        int n = files.size();
        for (int k = 0; k < n; k++) {
            String rel = files.get((slot + k) % n);
            BufferedImage src = wallpapers.image(rel);
            if (src == null) continue;
            BufferedImage img = WallpaperLibrary.crop(src, width, height, r);
            Drawing.grade(img, r, 1.0);
            attrs.put("source", "wallpaper");
            attrs.put("source_file", rel);
            return new Item(img, "wallpaper:" + rel);
        }
        return null;
    }

    private boolean clipArtUsable(String category) {
        return clipArt.files(category).size() >= MIN_CLIPART_FILES;
    }

    private boolean photosUsable(String category) {
        return photos != null && EVERYDAY_CATEGORIES.contains(category) && photos.covers(category)
                && photos.files(category).size() >= MIN_PHOTO_FILES;
    }

    private List<String> words() {
        List<String> w = words;
        if (w == null) {
            synchronized (this) {
                w = words;
                if (w == null) words = w = loadWords();
            }
        }
        return w;
    }

    private List<String> loadWords() {
        TreeSet<String> set = new TreeSet<>();
        if (Files.isReadable(wordList)) {
            try (Stream<String> lines = Files.lines(wordList, StandardCharsets.UTF_8)) {
                lines.map(String::strip)
                        .filter(s -> s.length() >= MIN_WORD_LENGTH && s.length() <= MAX_WORD_LENGTH)
                        .filter(s -> s.chars().allMatch(c -> c >= 'a' && c <= 'z'))
                        .forEach(set::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                set.clear();
            }
        }
        if (set.size() < 100) set.addAll(FALLBACK_WORDS);
        List<String> list = new ArrayList<>(set);
        SplittableRandom r = new SplittableRandom(Seeds.derive(fileOrderSeed, "words"));
        for (int k = list.size() - 1; k > 0; k--) Collections.swap(list, k, r.nextInt(k + 1));
        return List.copyOf(list);
    }

    private static void check(String category) {
        if (category == null || !CATEGORIES.contains(category)) {
            throw new IllegalArgumentException("unknown visual category '" + category + "'; known: " + CATEGORIES);
        }
    }

    private static void checkIndex(int index) {
        if (index < 0) throw new IllegalArgumentException("exemplar index must be >= 0, got " + index);
    }
}

package org.topoomni.stimuli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The one way into stimuli on disk, whatever made them: {@link #open(Path)} takes a generated
 * library (a folder of stimulus sets, the output of {@code stimuli generate}), one stimulus set
 * (a folder with {@code manifest.json}), or a lab's own folder of images, sounds, texts and
 * videos (read by {@link StimulusLoader}: category folders as in fLoc, {@code on/} + {@code off/},
 * or a flat collection for screening; runs and metadata from an optional {@code stimuli.csv}),
 * and gives the same thing for all three: items with an id, a category, a run, attributes and
 * their source file (and, for a clip cut from a longer file, its time span), each
 * {@linkplain Item#load() loaded} only when it is used.
 *
 * <p>Typical uses:
 * <pre>
 * List&lt;Stimulus&gt; s = StimulusFolder.open(dir).loadAll();                         // localizers
 * StimulusFolder pool = StimulusFolder.open(dir, StimulusLoader.screening());       // 2-s clips
 * pool.stimuli().forEach(...);                                                       // one clip at a time
 * </pre>
 */
public final class StimulusFolder {

    /** The category of every file of a collection (a folder of files without category folders): the screening pool's. */
    public static final String POOL_CATEGORY = ScreeningPool.CATEGORY;

    /** What a folder is. */
    public enum Kind {
        /** A folder of stimulus sets ({@code stimuli generate}'s output). */
        LIBRARY,
        /** One stimulus set (a folder with {@code manifest.json}). */
        SET,
        /** A lab's own folder of files. */
        FOLDER
    }

    /** The part of a source file a clip covers, in seconds from the start of the file. */
    public record Span(double start, double end) {
        public Span {
            if (!(start >= 0) || !(end > start)) throw new IllegalArgumentException("a clip needs 0 <= start < end, got " + start + " - " + end);
        }

        public double seconds() {
            return end - start;
        }
    }

    /** One stimulus of the folder, not yet decoded. */
    public static final class Item {
        private final String id, category, set, medium;
        private final int run;
        private final Map<String, String> attributes;
        private final Path file;
        private final Span span;
        private final Supplier<Stimulus> loader;

        Item(String id, String category, int run, Map<String, String> attributes, Path file, Span span, String medium, String set,
             Supplier<Stimulus> loader) {
            this.id = id;
            this.category = category;
            this.run = run;
            this.attributes = attributes == null ? Map.of() : Map.copyOf(new TreeMap<>(attributes));
            this.file = file;
            this.span = span;
            this.medium = medium;
            this.set = set;
            this.loader = loader;
        }

        public String id() { return id; }

        public String category() { return category; }

        public int run() { return run; }

        /** The item's attributes, as its stimulus will carry them (for a file: "file"; for a clip also "start_s", "end_s"). */
        public Map<String, String> attributes() { return attributes; }

        /** Its source file (for an item of a set: its image, else its sound, else its text file). */
        public Path file() { return file; }

        /** The time span of a clip cut from a longer file, or null for a whole file. */
        public Span span() { return span; }

        /** "image", "audio", "text" or "video" ("audiovisual" for a set's item with an image and a sound). */
        public String medium() { return medium; }

        /** The stimulus set it comes from (a library's family name), or null for a lab's folder. */
        public String set() { return set; }

        /** Decodes the item; a file that cannot be read is a {@link StimulusException} naming it. */
        public Stimulus load() {
            Stimulus s = loader.get();
            return s.id().equals(id) ? s : s.withId(id);
        }

        /** The same item under another id (pooling several libraries). */
        public Item withId(String newId) {
            return new Item(newId, category, run, attributes, file, span, medium, set, loader);
        }
    }

    private final Path path;
    private final Kind kind;
    private final String layout;
    private final List<Item> items;
    private final List<String> notes;

    StimulusFolder(Path path, Kind kind, String layout, List<Item> items, List<String> notes) {
        this.path = path;
        this.kind = kind;
        this.layout = layout;
        this.items = List.copyOf(items);
        this.notes = List.copyOf(notes);
    }

    /** Opens a library, a set or a lab's folder with the default loader (4 runs, 16 kHz, whole files). */
    public static StimulusFolder open(Path dir) {
        return open(dir, new StimulusLoader());
    }

    /** Opens a library, a set or a lab's folder; {@code loader} says how a lab's folder is read (runs, rates, clips). */
    public static StimulusFolder open(Path dir, StimulusLoader loader) {
        if (dir == null) throw new IllegalArgumentException("no stimulus folder given");
        if (loader == null) throw new IllegalArgumentException("loader must not be null");
        Path root = dir.toAbsolutePath().normalize();
        Kind k = kindOf(root);
        return switch (k) {
            case SET -> fromSets(root, Kind.SET, List.of(StimulusSet.load(root)), List.of());
            case LIBRARY -> library(root);
            case FOLDER -> {
                Path parent = root.getParent();
                if (parent != null && Files.isRegularFile(parent.resolve(Manifest.FILE_NAME))) {
                    throw new StimulusException(root, "is a category folder inside the stimulus set " + parent
                            + "; open the set (or its library) instead");
                }
                StimulusLoader.Scan scan = loader.scan(root);
                yield new StimulusFolder(root, Kind.FOLDER, scan.layout(), scan.items(), scan.notes());
            }
        };
    }

    /** SET if the folder has a manifest.json, LIBRARY if some sub-folder has one, else FOLDER (also for a path that does not exist). */
    public static Kind kindOf(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        if (Files.isRegularFile(root.resolve(Manifest.FILE_NAME))) return Kind.SET;
        if (!Files.isDirectory(root)) return Kind.FOLDER;
        try (Stream<Path> s = Files.list(root)) {
            return s.anyMatch(p -> Files.isRegularFile(p.resolve(Manifest.FILE_NAME))) ? Kind.LIBRARY : Kind.FOLDER;
        } catch (IOException e) {
            throw new StimulusException(root, "cannot list the folder (" + e.getMessage() + ")", e);
        }
    }

    private static StimulusFolder library(Path root) {
        List<Path> sets = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.sorted(Comparator.comparing((Path p) -> familyIndex(p.getFileName().toString()))
                    .thenComparing(p -> p.getFileName().toString())).toList()) {
                String n = p.getFileName().toString();
                if (!Files.isDirectory(p) || n.startsWith(".") || n.equals(StimulusInspector.FOLDER)) continue;
                if (Files.isRegularFile(p.resolve(Manifest.FILE_NAME))) sets.add(p);
                else notes.add(n + ": no manifest.json (an incomplete set; generate it again), left out");
            }
        } catch (IOException e) {
            throw new StimulusException(root, "cannot list the folder (" + e.getMessage() + ")", e);
        }
        List<StimulusSet> loaded = new ArrayList<>();
        for (Path p : sets) loaded.add(StimulusSet.load(p));
        return fromSets(root, Kind.LIBRARY, loaded, notes);
    }

    private static int familyIndex(String name) {
        int i = Families.ORDER.indexOf(name);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static StimulusFolder fromSets(Path root, Kind kind, List<StimulusSet> sets, List<String> notes) {
        List<Item> items = new ArrayList<>();
        for (StimulusSet set : sets) {
            String name = set.dir().getFileName().toString();
            for (StimulusSet.Item it : set.items()) {
                Path img = it.file("image"), wav = it.file("audio"), txt = it.file("text");
                String medium = img != null && wav != null ? "audiovisual" : img != null ? "image" : wav != null ? "audio" : "text";
                items.add(new Item(it.id(), it.category(), it.run(), it.attributes(), img != null ? img : wav != null ? wav : txt, null,
                        medium, name, it::load));
            }
        }
        String layout = kind == Kind.SET ? "set" : "library";
        return new StimulusFolder(root, kind, layout, items, notes);
    }

    public Path path() { return path; }

    public Kind kind() { return kind; }

    /** "library", "set", or for a lab's folder "categories", "on/off" or "collection". */
    public String layout() { return layout; }

    public List<Item> items() { return items; }

    /** Items of one category, in order. */
    public List<Item> items(String category) {
        return items.stream().filter(i -> i.category().equals(category)).toList();
    }

    /** Category names in item order. */
    public List<String> categories() {
        Set<String> seen = new LinkedHashSet<>();
        for (Item it : items) seen.add(it.category());
        return List.copyOf(seen);
    }

    /** Things worth knowing that are not errors (files left out, videos without sound, incomplete sets), one line each. */
    public List<String> notes() { return notes; }

    public int size() { return items.size(); }

    /** The highest run number. */
    public int runs() {
        int r = 0;
        for (Item it : items) r = Math.max(r, it.run());
        return r;
    }

    /** Items per run of a category: element r is the count in run r (element 0 unused). */
    public int[] perRun(String category) {
        int[] out = new int[runs() + 1];
        for (Item it : items) if (it.category().equals(category)) out[it.run()]++;
        return out;
    }

    /** The items of these stimulus sets of a library, in the order named (sets it lacks are skipped); a lab's folder or a set is returned as it is. */
    public StimulusFolder families(List<String> families) {
        if (kind != Kind.LIBRARY) return this;
        List<Item> out = new ArrayList<>();
        for (String f : families) for (Item it : items) if (f.equals(it.set())) out.add(it);
        return new StimulusFolder(path, kind, layout, out, notes);
    }

    /** The same folder without the items of these categories. */
    public StimulusFolder withoutCategories(Collection<String> categories) {
        return new StimulusFolder(path, kind, layout, items.stream().filter(i -> !categories.contains(i.category())).toList(), notes);
    }

    /** The same folder with every id prefixed "&lt;folder name&gt;/" ({@link StimulusLibrary#pooledId}), for pooling folders. */
    public StimulusFolder pooled() {
        return new StimulusFolder(path, kind, layout, items.stream().map(i -> i.withId(StimulusLibrary.pooledId(path, i.id()))).toList(), notes);
    }

    /** Decodes the items one at a time, in order, as the stream is consumed. */
    public Stream<Stimulus> stimuli() {
        return items.stream().map(Item::load);
    }

    /** Decodes every item. */
    public List<Stimulus> loadAll() {
        List<Stimulus> out = new ArrayList<>(items.size());
        for (Item it : items) out.add(it.load());
        return out;
    }

    /**
     * Checks that each of {@code categories} has at least {@code min} items, else one
     * {@link StimulusException} naming the category (its folder, for a lab's folder), how many
     * it has and how many are needed, and why ({@code why}, e.g. "the Welch t-test needs 2 per
     * group"). A category with no items at all is reported the same way.
     */
    public void requireAtLeast(int min, Collection<String> categories, String why) {
        Map<String, Integer> n = new LinkedHashMap<>();
        for (String c : categories) n.put(c, 0);
        for (Item it : items) n.computeIfPresent(it.category(), (c, v) -> v + 1);
        for (Map.Entry<String, Integer> e : n.entrySet()) {
            if (e.getValue() < min) {
                Path where = kind == Kind.FOLDER && Files.isDirectory(path.resolve(e.getKey())) ? path.resolve(e.getKey()) : path;
                throw new StimulusException(where, "category '" + e.getKey() + "' has " + e.getValue() + " item" + (e.getValue() == 1 ? "" : "s")
                        + "; at least " + min + " are needed" + (why == null || why.isBlank() ? "" : " (" + why + ")"));
            }
        }
    }

    /** Writes a table of the items (id, category, run, kind (the medium), file, start_s, end_s) as CSV, atomically. */
    public void writeItems(Path csv) {
        StringBuilder sb = new StringBuilder("id,category,run,kind,file,start_s,end_s\n");
        for (Item it : items) {
            String file = it.file() == null ? "" : (it.file().startsWith(path) ? path.relativize(it.file()).toString() : it.file().toString());
            sb.append(csvField(it.id())).append(',').append(csvField(it.category())).append(',').append(it.run()).append(',')
                    .append(it.medium()).append(',').append(csvField(file.replace('\\', '/'))).append(',')
                    .append(it.span() == null ? "" : seconds(it.span().start())).append(',')
                    .append(it.span() == null ? "" : seconds(it.span().end())).append('\n');
        }
        org.topoomni.io.AtomicFiles.writeUnchecked(csv, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    private static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Ids must be unique: a folder whose files give the same id twice is a loader bug, not a user error. */
    static void checkUniqueIds(List<Item> items) {
        Set<String> ids = new HashSet<>();
        for (Item it : items) if (!ids.add(it.id())) throw new IllegalStateException("two stimuli have the id '" + it.id() + "'");
    }
}

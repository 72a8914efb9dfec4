package org.topoomni.stimuli;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A stimulus set on disk: a folder with {@code manifest.json} and the files it lists (see
 * {@link Manifest}, written by {@link StimulusSetWriter}). Loading reads and checks the
 * manifest; pixels, samples and texts are read only when an item is {@linkplain Item#load()
 * loaded}. Every file path is checked to stay inside the set folder: absolute paths, ".." and
 * symbolic links that lead out are rejected with a message naming the manifest and the item.
 */
public final class StimulusSet {
    private final Path dir;
    private final Manifest manifest;
    private final List<Item> items;

    private StimulusSet(Path dir, Manifest manifest, List<Item> items) {
        this.dir = dir;
        this.manifest = manifest;
        this.items = items;
    }

    /** Loads a set without checking file hashes (see {@link #verify()}). */
    public static StimulusSet load(Path dir) {
        return load(dir, false);
    }

    /** Loads a set; with {@code verifyHashes} every file's SHA-256 is checked as well. */
    public static StimulusSet load(Path dir, boolean verifyHashes) {
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) throw new StimulusException(root, "no such folder");
        Path mf = root.resolve(Manifest.FILE_NAME);
        if (!Files.isRegularFile(mf)) {
            throw new StimulusException(root, "no " + Manifest.FILE_NAME
                    + ": not a stimulus set, or an incomplete one (its generation was interrupted; generate it again)");
        }
        Manifest m;
        try {
            m = org.topoomni.io.Json.mapper().readValue(Files.readAllBytes(mf), Manifest.class);
        } catch (JsonProcessingException e) {
            throw new StimulusException(mf, "not a valid stimulus manifest (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new StimulusException(mf, "cannot read (" + e.getMessage() + ")", e);
        }
        if (m == null || m.format() == null || !m.format().startsWith("topo-omni-stimulus-set/")) {
            throw new StimulusException(mf, "not a topo-omni stimulus manifest (format is "
                    + (m == null ? "missing" : "'" + m.format() + "'") + ", expected '" + Manifest.FORMAT + "')");
        }
        if (m.items() == null) throw new StimulusException(mf, "the manifest has no 'items'");
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new StimulusException(root, "cannot resolve the folder (" + e.getMessage() + ")", e);
        }
        List<Item> items = new ArrayList<>(m.items().size());
        Set<String> ids = new HashSet<>();
        for (Manifest.Item it : m.items()) {
            if (it == null || it.id() == null || it.category() == null) {
                throw new StimulusException(mf, "an item has no id or category");
            }
            if (!ids.add(it.id())) throw new StimulusException(mf, "duplicate item id '" + it.id() + "'");
            if (it.run() < 1) throw new StimulusException(mf, "item '" + it.id() + "' has run " + it.run() + "; runs start at 1");
            if (it.files() == null || it.files().isEmpty()) {
                throw new StimulusException(mf, "item '" + it.id() + "' lists no files");
            }
            Map<String, Path> files = new LinkedHashMap<>();
            for (Manifest.FileRef f : it.files()) {
                if (f == null || f.medium() == null) throw new StimulusException(mf, "item '" + it.id() + "' has a file without kind");
                if (!(f.medium().equals("image") || f.medium().equals("audio") || f.medium().equals("text"))) {
                    throw new StimulusException(mf, "item '" + it.id() + "' has a file of unknown kind '" + f.medium() + "'");
                }
                if (files.put(f.medium(), inside(root, realRoot, f.path(), mf, it.id())) != null) {
                    throw new StimulusException(mf, "item '" + it.id() + "' lists two " + f.medium() + " files");
                }
            }
            items.add(new Item(it, Collections.unmodifiableMap(files)));
        }
        StimulusSet set = new StimulusSet(root, m, Collections.unmodifiableList(items));
        if (verifyHashes) set.verify();
        return set;
    }

    /** Resolves a manifest path, refusing anything that would leave the set folder. */
    static Path inside(Path root, Path realRoot, String rel, Path mf, String id) {
        String where = "item '" + id + "': file path '" + rel + "' ";
        if (rel == null || rel.isBlank()) throw new StimulusException(mf, "item '" + id + "' has a file without path");
        if (rel.indexOf('\\') >= 0) throw new StimulusException(mf, where + "contains '\\'; manifest paths use '/'");
        Path p;
        try {
            p = Path.of(rel);
        } catch (InvalidPathException e) {
            throw new StimulusException(mf, where + "is not a valid path (" + e.getMessage() + ")");
        }
        if (p.isAbsolute() || rel.startsWith("/")) {
            throw new StimulusException(mf, where + "is absolute; paths must be relative to the set folder");
        }
        for (Path part : p) {
            if (part.toString().equals("..")) {
                throw new StimulusException(mf, where + "contains '..' and would escape the set folder");
            }
        }
        Path resolved = root.resolve(p).normalize();
        if (!resolved.startsWith(root)) throw new StimulusException(mf, where + "escapes the set folder");
        if (Files.exists(resolved, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Path real = resolved.toRealPath();
                if (!real.startsWith(realRoot)) {
                    throw new StimulusException(mf, where + "is a symbolic link (or under one) that leads outside the set folder, to " + real);
                }
            } catch (IOException e) {
                throw new StimulusException(mf, where + "cannot be resolved (" + e.getMessage() + ")", e);
            }
        }
        return resolved;
    }

    /** Checks that every file exists and has the SHA-256 the manifest records. */
    public void verify() {
        for (Item it : items) {
            for (Manifest.FileRef f : it.entry.files()) {
                Path p = it.files.get(f.medium());
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(p);
                } catch (IOException e) {
                    throw new StimulusException(p, "listed in the manifest (item '" + it.id() + "') but cannot be read ("
                            + e.getMessage() + ")", e);
                }
                String actual = StimulusSetWriter.sha256(bytes);
                if (!actual.equals(f.sha256())) {
                    throw new StimulusException(p, "SHA-256 mismatch: the manifest says " + f.sha256() + ", the file has "
                            + actual + " (the file was changed or damaged; regenerate the set)");
                }
            }
        }
    }

    public Path dir() { return dir; }

    public Manifest manifest() { return manifest; }

    public String name() { return manifest.name(); }

    public List<Item> items() { return items; }

    /** Items of one category, in manifest order. */
    public List<Item> items(String category) {
        return items.stream().filter(i -> i.category().equals(category)).toList();
    }

    /** Category names in manifest order. */
    public List<String> categories() {
        Set<String> seen = new java.util.LinkedHashSet<>();
        for (Item it : items) seen.add(it.category());
        return List.copyOf(seen);
    }

    /** Loads every item, in manifest order, as it is consumed. */
    public Stream<Stimulus> stimuli() {
        return items.stream().map(Item::load);
    }

    /** One manifest entry and its resolved files; {@link #load()} reads them. */
    public static final class Item {
        private final Manifest.Item entry;
        private final Map<String, Path> files;

        Item(Manifest.Item entry, Map<String, Path> files) {
            this.entry = entry;
            this.files = files;
        }

        public Manifest.Item entry() { return entry; }

        public String id() { return entry.id(); }

        public String category() { return entry.category(); }

        public int run() { return entry.run(); }

        public Map<String, String> attributes() { return entry.attributes() == null ? Map.of() : entry.attributes(); }

        /** The file of a medium ("image", "audio", "text"), or null. */
        public Path file(String medium) { return files.get(medium); }

        /** Reads the item's files into a stimulus. */
        public Stimulus load() {
            Path img = files.get("image"), wav = files.get("audio"), txt = files.get("text");
            String text = null;
            if (txt != null) {
                try {
                    text = Files.readString(txt, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new StimulusException(txt, "cannot read (" + e.getMessage() + ")", e);
                }
            }
            return new Stimulus(entry.id(), entry.category(), entry.run(),
                    img == null ? null : Images.read(img),
                    wav == null ? null : Wav.read(wav),
                    text, attributes(), entry.provenance());
        }
    }
}

package org.topoomni.stimuli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * Writes stimuli as a stimulus set: {@code <dir>/<category>/<id>.png|.wav|.txt} (an
 * audiovisual item has several files) and then {@code <dir>/manifest.json}. Every file is
 * written atomically (temporary file + rename) and the manifest last, so an interrupted write
 * leaves a folder without manifest, which readers treat as incomplete. Items can be made on
 * several threads; the output does not depend on the thread count or timing, because every
 * item's bytes depend only on the item and the manifest lists items in task order.
 *
 * <p>Ids and categories must be file-name safe: a letter or digit, then letters, digits and
 * {@code . _ + -} (at most 128 characters).
 */
public final class StimulusSetWriter {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,127}");

    private final Path dir;
    private String name;
    private String family = "files";
    private long seed;
    private String createdBy = "topo-omni";
    private int runs = 1;
    private Integer perCategory;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private int threads = 1;
    private Progress.Task progress;
    private Runnable beforeManifest;

    public StimulusSetWriter(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        this.name = this.dir.getFileName() == null ? "set" : this.dir.getFileName().toString();
    }

    public StimulusSetWriter name(String name) { this.name = name; return this; }

    public StimulusSetWriter family(String family) { this.family = family; return this; }

    public StimulusSetWriter seed(long seed) { this.seed = seed; return this; }

    public StimulusSetWriter createdBy(String createdBy) { this.createdBy = createdBy; return this; }

    /** Number of runs recorded in the manifest (at least the highest run of any item). */
    public StimulusSetWriter runs(int runs) {
        if (runs < 1) throw new IllegalArgumentException("runs must be >= 1, got " + runs);
        this.runs = runs;
        return this;
    }

    public StimulusSetWriter perCategory(Integer perCategory) { this.perCategory = perCategory; return this; }

    /** Records how a category was made (default "generated", or "file" for family "files"). */
    public StimulusSetWriter source(String category, String how) { sources.put(category, how); return this; }

    /** Threads that make and write items (default 1). */
    public StimulusSetWriter threads(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
        return this;
    }

    /** Stepped once per written item. */
    public StimulusSetWriter progress(Progress.Task progress) { this.progress = progress; return this; }

    /** Runs after all item files and before the manifest (e.g. to write a side file). */
    public StimulusSetWriter beforeManifest(Runnable hook) { this.beforeManifest = hook; return this; }

    public Path dir() { return dir; }

    /** Writes ready-made stimuli. */
    public Manifest write(List<Stimulus> stimuli) {
        List<Callable<Stimulus>> tasks = new ArrayList<>(stimuli.size());
        for (Stimulus s : stimuli) tasks.add(() -> s);
        return writeTasks(tasks);
    }

    /**
     * Makes each stimulus by calling its task (on {@link #threads} threads), writes its files,
     * then writes the manifest with the items in task order.
     */
    public Manifest writeTasks(List<? extends Callable<Stimulus>> tasks) {
        if (tasks.isEmpty()) throw new IllegalArgumentException("stimulus set " + dir + " would be empty");
        Path manifestFile = dir.resolve(Manifest.FILE_NAME);
        Set<String> previousFiles = previousFiles(manifestFile);
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(manifestFile); // from now on the set is incomplete until the new manifest lands
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir + ": " + e.getMessage(), e);
        }
        Map<String, Boolean> ids = new ConcurrentHashMap<>();
        Manifest.Item[] items = new Manifest.Item[tasks.size()];
        if (threads == 1 || tasks.size() == 1) {
            for (int i = 0; i < tasks.size(); i++) items[i] = writeOne(tasks.get(i), i, ids);
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "stimuli-" + name);
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<Manifest.Item>> futures = new ArrayList<>(tasks.size());
                for (int i = 0; i < tasks.size(); i++) {
                    final int k = i;
                    futures.add(pool.submit(() -> writeOne(tasks.get(k), k, ids)));
                }
                for (int i = 0; i < futures.size(); i++) items[i] = await(futures.get(i));
            } finally {
                pool.shutdownNow();
            }
        }
        Manifest manifest = manifest(List.of(items));
        if (beforeManifest != null) beforeManifest.run();
        org.topoomni.io.AtomicFiles.writeUnchecked(manifestFile, org.topoomni.io.Json.bytes(manifest));
        removeStale(previousFiles, manifest);
        return manifest;
    }

    private static Manifest.Item await(Future<Manifest.Item> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing stimuli; the set has no manifest and is incomplete", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error er) throw er;
            throw new IllegalStateException(c.getMessage(), c);
        }
    }

    private Manifest.Item writeOne(Callable<Stimulus> task, int position, Map<String, Boolean> ids) {
        Stimulus s;
        try {
            s = task.call();
        } catch (RuntimeException e) {
            throw new IllegalStateException("making item " + position + " of set '" + name + "' failed: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("making item " + position + " of set '" + name + "' failed: " + e, e);
        }
        if (s == null) throw new IllegalStateException("item " + position + " of set '" + name + "' is null");
        checkName("id", s.id(), s.id());
        checkName("category", s.category(), s.id());
        if (ids.putIfAbsent(s.id(), Boolean.TRUE) != null) {
            throw new IllegalArgumentException("duplicate stimulus id '" + s.id() + "' in set '" + name + "'");
        }
        List<Manifest.FileRef> files = new ArrayList<>(3);
        String base = s.category() + "/" + s.id();
        if (s.hasImage()) {
            byte[] png = Png.encode(s.image());
            files.add(put(base + ".png", "image", png, s.image().getWidth(), s.image().getHeight(), null, null));
        }
        if (s.hasAudio()) {
            byte[] wav = Wav.encode16(s.audio());
            files.add(put(base + ".wav", "audio", wav, null, null, s.audio().sampleRate(), s.audio().samples().length));
        }
        if (s.hasText()) {
            byte[] txt = s.text().getBytes(StandardCharsets.UTF_8);
            files.add(put(base + ".txt", "text", txt, null, null, null, null));
        }
        if (progress != null) progress.step();
        Map<String, String> attributes = new TreeMap<>(s.attributes());
        return new Manifest.Item(s.id(), s.category(), s.run(), attributes, s.provenance(), List.copyOf(files));
    }

    private Manifest.FileRef put(String rel, String medium, byte[] bytes, Integer w, Integer h, Integer rate, Integer n) {
        org.topoomni.io.AtomicFiles.writeUnchecked(dir.resolve(rel), bytes);
        return new Manifest.FileRef(medium, rel, sha256(bytes), bytes.length, w, h, rate, n);
    }

    private void checkName(String what, String value, String id) {
        if (!SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException("stimulus '" + id + "': " + what + " '" + value
                    + "' cannot be a file name (use letters, digits and . _ + -, starting with a letter or digit)");
        }
    }

    private Manifest manifest(List<Manifest.Item> items) {
        int maxRun = runs;
        for (Manifest.Item it : items) maxRun = Math.max(maxRun, it.run());
        Map<String, int[]> perRun = new LinkedHashMap<>();
        for (Manifest.Item it : items) perRun.computeIfAbsent(it.category(), c -> new int[0]);
        final int nRuns = maxRun;
        perRun.replaceAll((c, v) -> new int[nRuns]);
        for (Manifest.Item it : items) perRun.get(it.category())[it.run() - 1]++;
        Map<String, Manifest.Category> cats = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : perRun.entrySet()) {
            Map<String, Integer> runsMap = new LinkedHashMap<>();
            int total = 0;
            for (int r = 0; r < nRuns; r++) {
                runsMap.put(Integer.toString(r + 1), e.getValue()[r]);
                total += e.getValue()[r];
            }
            String how = sources.getOrDefault(e.getKey(), family.equals("files") ? "file" : "generated");
            cats.put(e.getKey(), new Manifest.Category(total, how, runsMap));
        }
        return new Manifest(Manifest.FORMAT, name, family, seed, createdBy, nRuns, perCategory, cats, items);
    }

    private Set<String> previousFiles(Path manifestFile) {
        if (!Files.exists(manifestFile)) return Set.of();
        try {
            Manifest old = StimulusSet.load(dir).manifest();
            Set<String> paths = new HashSet<>();
            for (Manifest.Item it : old.items()) for (Manifest.FileRef f : it.files()) paths.add(f.path());
            return paths;
        } catch (RuntimeException e) {
            return Set.of(); // unreadable old manifest: leave its files alone
        }
    }

    private void removeStale(Set<String> previous, Manifest now) {
        if (previous.isEmpty()) return;
        Set<String> keep = new HashSet<>();
        for (Manifest.Item it : now.items()) for (Manifest.FileRef f : it.files()) keep.add(f.path());
        for (String p : previous) {
            if (keep.contains(p)) continue;
            try {
                Files.deleteIfExists(dir.resolve(p));
            } catch (IOException ignored) {
                // a stale file that cannot be removed is harmless: the manifest does not list it
            }
        }
    }

    /** SHA-256 of bytes as lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

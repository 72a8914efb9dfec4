package org.topoomni.stimuli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Generates the stimulus library: one stimulus set per family under {@code out}
 * ({@code out/visual}, {@code out/retinotopy}, {@code out/auditory}, {@code out/tonotopy},
 * {@code out/text}, {@code out/audiovisual}, {@code out/pool}). Item {@code i} of category
 * {@code c} is made from seed {@code Seeds.item(seed, family, seedKey(c), i)} and assigned run
 * {@code i % runs + 1} (default 4 runs, so an even/odd split has two runs each), so the output is
 * the same whatever the thread count. Items are made on several threads (default: all cores),
 * with a progress bar per family. A family whose complete manifest already matches (same
 * family, seed, per-category count, runs and category counts, every file present with its size)
 * is skipped, so an interrupted run resumes by running it again.
 */
public final class StimulusLibrary {

    /**
     * The id an item of a further library gets when it is pooled with a first library's items
     * ({@code localize --more-stimuli}, {@code perturb --more-images}): "&lt;library folder&gt;/&lt;id&gt;",
     * so two libraries made by the same generator never share an id.
     */
    public static String pooledId(Path library, String id) {
        return library.toAbsolutePath().normalize().getFileName() + "/" + id;
    }
    public static final int DEFAULT_RUNS = 4;
    public static final int DEFAULT_PER_CATEGORY = 64;

    private final Families families;
    private int runs = DEFAULT_RUNS;
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private String createdBy = "topo-omni";

    /** The outcome for one family. */
    public record Result(String family, Path dir, int items, long bytes, boolean skipped, long millis) {}

    public StimulusLibrary(Families families) {
        if (families == null) throw new IllegalArgumentException("families must not be null");
        this.families = families;
    }

    public StimulusLibrary runs(int runs) {
        if (runs < 1) throw new IllegalArgumentException("runs must be >= 1, got " + runs);
        this.runs = runs;
        return this;
    }

    public StimulusLibrary threads(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
        return this;
    }

    /** Recorded in each manifest, e.g. "topo-omni 0.1.0". */
    public StimulusLibrary createdBy(String createdBy) {
        this.createdBy = createdBy;
        return this;
    }

    /**
     * Writes one set per requested family.
     *
     * @param families the families to make; empty means every available one
     * @return per family, in generation order
     */
    public Map<String, Result> generate(Path out, long seed, int perCategory, Set<String> families, Progress progress) {
        if (out == null) throw new IllegalArgumentException("output folder must be given");
        if (perCategory < 1) throw new IllegalArgumentException("per-category count must be >= 1, got " + perCategory);
        Progress prog = progress == null ? Progress.NONE : progress;
        List<String> todo = new ArrayList<>();
        if (families == null || families.isEmpty()) {
            todo.addAll(this.families.available());
        } else {
            for (String f : families) {
                if (!this.families.isAvailable(f)) throw this.families.notAvailable(f);
            }
            for (String f : this.families.available()) if (families.contains(f)) todo.add(f);
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + out + ": " + e.getMessage(), e);
        }
        Map<String, Result> results = new LinkedHashMap<>();
        for (String family : todo) {
            long t0 = System.nanoTime();
            Path dir = out.resolve(family);
            Map<String, Integer> expected;
            Manifest m;
            boolean skipped;
            if (family.equals(ScreeningPool.FAMILY)) {
                ScreeningPool pool = this.families.pool();
                expected = Map.of(ScreeningPool.CATEGORY, pool.size(perCategory));
                skipped = complete(dir, family, seed, perCategory, expected)
                        && Files.isRegularFile(dir.resolve(ScreeningPool.LABELS));
                if (!skipped) {
                    try (Progress.Task task = prog.start(family, pool.size(perCategory))) {
                        m = pool.write(dir, seed, perCategory, runs, threads, createdBy, task);
                    }
                }
            } else {
                StimulusGenerator g = this.families.generator(family);
                expected = new LinkedHashMap<>();
                for (String c : g.categories()) expected.put(c, g.count(c, perCategory));
                Map<String, String> sources = new LinkedHashMap<>();
                for (String c : g.categories()) sources.put(c, g.source(c));
                skipped = complete(dir, family, seed, perCategory, expected) && sameSources(dir, sources);
                if (!skipped) {
                    List<Callable<Stimulus>> tasks = tasks(g, seed, perCategory);
                    StimulusSetWriter w = new StimulusSetWriter(dir).name(family).family(family).seed(seed).runs(runs)
                            .perCategory(perCategory).createdBy(createdBy).threads(threads);
                    for (String c : g.categories()) w.source(c, g.source(c));
                    try (Progress.Task task = prog.start(family, tasks.size())) {
                        w.progress(task);
                        m = w.writeTasks(tasks);
                    }
                }
            }
            m = StimulusSet.load(dir).manifest();
            long bytes = 0;
            for (Manifest.Item it : m.items()) for (Manifest.FileRef f : it.files()) bytes += f.bytes();
            results.put(family, new Result(family, dir, m.items().size(), bytes, skipped,
                    (System.nanoTime() - t0) / 1_000_000));
        }
        return results;
    }

    /** The tasks of one family: every category, index order. */
    List<Callable<Stimulus>> tasks(StimulusGenerator g, long seed, int perCategory) {
        List<Callable<Stimulus>> tasks = new ArrayList<>();
        String family = g.family();
        for (String c : g.categories()) {
            int n = g.count(c, perCategory);
            String key = g.seedKey(c);
            for (int i = 0; i < n; i++) {
                final int index = i, run = i % runs + 1;
                final long itemSeed = Seeds.item(seed, family, key, i);
                tasks.add(() -> {
                    Stimulus s = g.generate(c, index, run, itemSeed);
                    if (s == null || !c.equals(s.category()) || s.run() != run) {
                        throw new IllegalStateException(family + " generator returned " + (s == null ? "null"
                                : "category '" + s.category() + "' run " + s.run()) + " for " + c + " #" + index + " run " + run);
                    }
                    return s;
                });
            }
        }
        return tasks;
    }

    /** Whether {@code dir} holds a complete set made with these settings. */
    boolean complete(Path dir, String family, long seed, int perCategory, Map<String, Integer> expected) {
        if (!Files.isRegularFile(dir.resolve(Manifest.FILE_NAME))) return false;
        StimulusSet set;
        try {
            set = StimulusSet.load(dir);
        } catch (RuntimeException e) {
            return false;
        }
        Manifest m = set.manifest();
        if (!family.equals(m.family()) || m.seed() != seed || m.runs() != runs
                || m.perCategory() == null || m.perCategory() != perCategory || m.categories() == null) {
            return false;
        }
        if (m.categories().size() != expected.size()) return false;
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            Manifest.Category c = m.categories().get(e.getKey());
            if (c == null || c.count() != e.getValue()) return false;
        }
        try {
            for (StimulusSet.Item it : set.items()) {
                for (Manifest.FileRef f : it.entry().files()) {
                    Path p = it.file(f.medium());
                    if (!Files.isRegularFile(p) || Files.size(p) != f.bytes()) return false;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return true;
    }

    /**
     * Whether the set in {@code dir} records the sources the generator would use now: a set made
     * without photographs (or clip art) is not reused when they are asked for, and the reverse.
     */
    static boolean sameSources(Path dir, Map<String, String> sources) {
        Manifest m = StimulusSet.load(dir).manifest();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Manifest.Category c = m.categories().get(e.getKey());
            if (c == null || !java.util.Objects.equals(c.source(), e.getValue())) return false;
        }
        return true;
    }

    /** Requested family names from a comma-separated list ("visual,auditory"); blank means all. */
    public static Set<String> parseFamilies(String list) {
        Set<String> out = new java.util.LinkedHashSet<>();
        if (list == null) return out;
        for (String s : list.split(",")) {
            String t = s.strip().toLowerCase(java.util.Locale.ROOT);
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }
}

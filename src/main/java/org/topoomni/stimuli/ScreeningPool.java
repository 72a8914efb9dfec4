package org.topoomni.stimuli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.BiPredicate;

/**
 * The screening pool: an unlabeled mix of many categories (every category of the source
 * generators, including ones no localizer names: animals, landscapes, vehicles, food...), for
 * screening the sheet for new clusters. It is written as one stimulus set whose items all have
 * category "pool", ids "pool_00000", "pool_00001"... in a seeded random order, no attributes and
 * a provenance that names only the pool, so nothing in the set reveals a label. The hidden labels
 * (family, category, exemplar index, the item's attributes) go to {@code labels.json} beside the
 * manifest, for evaluation only. Exemplars are new ones (seeds derived from "pool"), not copies
 * of the training sets.
 */
public final class ScreeningPool {
    public static final String FAMILY = "pool", CATEGORY = "pool", LABELS = "labels.json";
    public static final String LABELS_FORMAT = "topo-omni-pool-labels/1";

    /** One source category of the pool. */
    public record Source(StimulusGenerator generator, String category) {}

    /** The hidden label of one pool item. */
    @JsonPropertyOrder({"family", "category", "index", "attributes"})
    public record Label(String family, String category, int index, Map<String, String> attributes) {}

    /** The labels file. */
    @JsonPropertyOrder({"format", "seed", "labels"})
    public record Labels(String format, long seed, Map<String, Label> labels) {}

    private final List<Source> sources;

    /** Every category of every generator. */
    public ScreeningPool(List<? extends StimulusGenerator> generators) {
        this(generators, (family, category) -> true);
    }

    /** The categories of {@code generators} that {@code include} accepts (family, category). */
    public ScreeningPool(List<? extends StimulusGenerator> generators, BiPredicate<String, String> include) {
        List<Source> s = new ArrayList<>();
        for (StimulusGenerator g : generators) {
            for (String c : g.categories()) if (include.test(g.family(), c)) s.add(new Source(g, c));
        }
        if (s.isEmpty()) throw new IllegalArgumentException("the screening pool has no source categories");
        sources = List.copyOf(s);
    }

    public List<Source> sources() { return sources; }

    /** Number of items for {@code perCategory} exemplars of each source category. */
    public int size(int perCategory) {
        return Math.multiplyExact(sources.size(), perCategory);
    }

    /**
     * Writes the pool set to {@code dir}: items, then labels.json, then the manifest.
     *
     * @return the manifest
     */
    public Manifest write(Path dir, long seed, int perCategory, int runs, int threads, String createdBy,
                          Progress.Task progress) {
        if (perCategory < 1) throw new IllegalArgumentException("perCategory must be >= 1, got " + perCategory);
        int n = size(perCategory);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        SplittableRandom r = new SplittableRandom(Seeds.derive(seed, "pool/order"));
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        long poolSeed = Seeds.derive(seed, FAMILY);
        int digits = Math.max(5, Integer.toString(n - 1).length());
        Label[] labels = new Label[n];
        String[] ids = new String[n];
        List<Callable<Stimulus>> tasks = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            final int pos = p;
            Source src = sources.get(order[p] % sources.size());
            int index = order[p] / sources.size();
            int run = p % runs + 1;
            String id = CATEGORY + "_" + String.format(java.util.Locale.ROOT, "%0" + digits + "d", p);
            ids[p] = id;
            StimulusGenerator g = src.generator();
            long itemSeed = Seeds.item(poolSeed, g.family(), g.seedKey(src.category()), index);
            tasks.add(() -> {
                Stimulus s = g.generate(src.category(), index, run, itemSeed);
                labels[pos] = new Label(g.family(), src.category(), index, new TreeMap<>(s.attributes()));
                return new Stimulus(id, CATEGORY, run, s.image(), s.audio(), s.text(), Map.of(),
                        Provenance.generated(FAMILY, itemSeed));
            });
        }
        StimulusSetWriter w = new StimulusSetWriter(dir).name(FAMILY).family(FAMILY).seed(seed).runs(runs)
                .perCategory(perCategory).createdBy(createdBy).threads(threads).source(CATEGORY, "mixed")
                .progress(progress);
        w.beforeManifest(() -> {
            Map<String, Label> m = new LinkedHashMap<>();
            for (int p = 0; p < n; p++) m.put(ids[p], labels[p]);
            org.topoomni.io.AtomicFiles.writeUnchecked(w.dir().resolve(LABELS), org.topoomni.io.Json.bytes(new Labels(LABELS_FORMAT, seed, m)));
        });
        return w.writeTasks(tasks);
    }

    /** Reads the hidden labels of a pool set folder, by item id. */
    public static Map<String, Label> readLabels(Path dir) {
        Path f = dir.resolve(LABELS);
        if (!Files.isRegularFile(f)) throw new StimulusException(f, "no hidden labels file (is this a screening pool?)");
        try {
            Labels l = org.topoomni.io.Json.mapper().readValue(Files.readAllBytes(f), Labels.class);
            if (l == null || l.labels() == null) throw new StimulusException(f, "the labels file has no 'labels'");
            return l.labels();
        } catch (IOException e) {
            throw new StimulusException(f, "not a valid labels file (" + e.getMessage() + ")", e);
        }
    }
}

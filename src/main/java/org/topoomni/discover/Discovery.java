package org.topoomni.discover;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import org.topoomni.io.Json;
import org.topoomni.map.Contrast;
import org.topoomni.map.SelectivityAnalysis;
import org.topoomni.map.SelectivityMap;
import org.topoomni.map.SmoothedResponses;
import org.topoomni.model.CorticalModel;
import org.topoomni.results.ScreeningSummary;
import org.topoomni.sheet.SheetLayout;
import org.topoomni.sheet.SheetResponses;
import org.topoomni.stats.IslandMoransI;
import org.topoomni.stimuli.Manifest;
import org.topoomni.stimuli.Stimulus;
import org.topoomni.stimuli.StimulusFolder;
import org.topoomni.stimuli.StimulusLoader;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Screening an unlabeled pool for clusters on the sheet (METHOD.md section 7), end to end:
 * <ol>
 * <li>the topographic model's sheet responses to every pool item, smoothed as the localizers
 * smooth them, and, from the same forward passes, every item's embedding from the base
 * backbone ({@link PoolEmbedder}); the embeddings' Ward tree ({@link WardTree});</li>
 * <li>the top-down walk ({@link ClusterWalk}): the clusters;</li>
 * <li>per cluster: its selectivity map (members &gt; all other items, with the localizer's
 * statistics: Welch t, BH-FDR over the whole sheet, island Moran's I; {@link SelectivityAnalysis}),
 * and, only if hidden labels are given, its most common label and purity (the walk never sees
 * labels).</li>
 * </ol>
 * Output folder:
 * <pre>
 * OUT/summary.json          pool, settings, timings, clusters [{id, size, score, island_morans_i, n_islands,
 *                           top_label, purity, members_file, collage, map, ...}], per-label best cluster
 * OUT/cluster-NN/           members.csv collage.png map.png tmap.npy qmap.npy dmap.npy mask.npy summary.json
 * OUT/dendrogram.png        the Ward tree down to the clusters, clusters coloured
 * OUT/walk.csv              every node the walk visited: size, score, best child score, decision
 * OUT/embeddings.npy items.csv linkage.npy   the embeddings (rows in items.csv order) and the Ward linkage
 * </pre>
 * Clusters are numbered by score, 1 = highest. {@link #analyse} and {@link #summary} compute;
 * {@link DiscoveryFiles} writes the folder; {@link #run} does both, for the command line.
 */
public final class Discovery {
    public static final String FORMAT = ScreeningSummary.FORMAT;

    private Discovery() {
    }

    /**
     * Settings of a screening.
     *
     * @param minSize      smallest cluster; 0: the paper's 10 of 2,572 items scaled to the pool
     * @param maxSize      largest cluster; 0: the paper's 500 of 2,572 items scaled to the pool
     * @param fwhm         smoothing FWHM in sheet units; NaN: the localizers' default for the sheet
     * @param q            FDR threshold of the cluster maps
     * @param permutations permutations per island for Moran's I
     * @param seed         seed of the permutations and of the collage samples
     * @param batchSize    items per forward pass
     */
    public record Settings(int minSize, int maxSize, double fwhm, double q, int permutations, long seed, int batchSize) {
        public Settings {
            if (minSize < 0 || maxSize < 0) throw new IllegalArgumentException("cluster sizes must be positive (0 = the default), got " + minSize + " and " + maxSize);
            if (minSize > 0 && maxSize > 0 && minSize > maxSize) {
                throw new IllegalArgumentException("the minimum cluster size (" + minSize + ") is larger than the maximum (" + maxSize + ")");
            }
            if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
            new SelectivityAnalysis.Settings(fwhm, q, permutations, IslandMoransI.DEFAULT_MIN_SIZE, seed); // validates the rest
        }

        /** Scaled paper sizes, the localizers' FWHM, q &lt; 0.001, 999 permutations, seed 0, batches of 64. */
        public static Settings defaults() {
            return new Settings(0, 0, Double.NaN, 0.001, IslandMoransI.DEFAULT_PERMUTATIONS, 0, 64);
        }

        public Settings withSizes(int min, int max) {
            return new Settings(min, max, fwhm, q, permutations, seed, batchSize);
        }

        public Settings withSeed(long s) {
            return new Settings(minSize, maxSize, fwhm, q, permutations, s, batchSize);
        }

        public Settings withPermutations(int p) {
            return new Settings(minSize, maxSize, fwhm, q, p, seed, batchSize);
        }

        public Settings withFwhm(double f) {
            return new Settings(minSize, maxSize, f, q, permutations, seed, batchSize);
        }

        /** The walk's sizes for a pool of {@code items}: given ones, the scaled paper ones otherwise. */
        public ClusterWalk.Settings sizesFor(int items) {
            ClusterWalk.Settings d = ClusterWalk.Settings.defaults(items);
            int min = minSize > 0 ? minSize : d.minSize(), max = maxSize > 0 ? maxSize : d.maxSize();
            if (min > max) {
                throw new IllegalArgumentException("the minimum cluster size (" + min + (minSize > 0 ? "" : ", the default for " + items + " items")
                        + ") is larger than the maximum (" + max + (maxSize > 0 ? "" : ", the default for " + items + " items") + ")");
            }
            return new ClusterWalk.Settings(min, max);
        }

        /** The statistics of the cluster maps. */
        public SelectivityAnalysis.Settings analysis() {
            return new SelectivityAnalysis.Settings(fwhm, q, permutations, IslandMoransI.DEFAULT_MIN_SIZE, seed);
        }
    }

    /**
     * One discovered cluster.
     *
     * @param id          1 = highest score
     * @param cluster     its node, members (item rows) and score
     * @param map         its selectivity map (members &gt; all other items)
     * @param labelCounts hidden labels of its members, most common first (empty without labels)
     */
    public record Found(int id, ClusterWalk.Cluster cluster, SelectivityMap map, Map<String, Integer> labelCounts) {
        /** The most common label among the members (null without labels). */
        public String topLabel() {
            return labelCounts.isEmpty() ? null : labelCounts.keySet().iterator().next();
        }

        /** Share of the members that carry the top label (NaN without labels). */
        public double purity() {
            return labelCounts.isEmpty() ? Double.NaN : (double) labelCounts.values().iterator().next() / cluster.size();
        }

        public String name() {
            return String.format(Locale.ROOT, "cluster-%02d", id);
        }
    }

    /**
     * The computed screening.
     *
     * @param ids        item ids, in row order
     * @param embeddings n x dim embeddings the tree was built from
     * @param dim        embedding width
     * @param fwhm     smoothing used
     * @param tree     the Ward tree of the embeddings
     * @param walk     the walk
     * @param clusters the clusters by score, highest first
     * @param labelMaps evaluation only, with hidden labels: per label, the map of ALL its items
     *                  (members = the label, compared as a cluster would be), i.e. the best a
     *                  walk could find for that category; empty without labels
     * @param seconds  time per stage
     */
    public record Analysis(List<String> ids, double[] embeddings, int dim, double fwhm, WardTree tree, ClusterWalk.Result walk, List<Found> clusters,
                           Map<String, LabelMap> labelMaps, Map<String, Double> seconds) {}

    /**
     * The map of every pool item that carries one hidden label, scored and mapped exactly as a
     * cluster of those items would be: whether the sheet holds a region for the category at all,
     * apart from whether the walk finds it.
     *
     * @param size  items with the label
     * @param score the walk's score of that item set (median t)
     * @param map   its selectivity map
     */
    public record LabelMap(int size, double score, SelectivityMap map) {}

    /**
     * The statistics half: smoothing, Ward tree, walk and cluster maps, from the sheet responses
     * and embeddings of the same items (same row order).
     *
     * @param raw        the topographic model's sheet responses to the pool
     * @param embeddings n x dim embeddings (row-major)
     * @param dim        embedding width
     * @param labels     hidden labels by item id, for evaluation only (null: none)
     */
    public static Analysis analyse(SheetResponses raw, double[] embeddings, int dim, Map<String, String> labels, Settings s, PrintStream log) {
        return analyse(raw, null, embeddings, dim, labels, s, log);
    }

    /**
     * {@link #analyse(SheetResponses, double[], int, Map, Settings, PrintStream)} for a pool whose
     * items have input modalities ({@link #modalities}): a group of one modality is compared with
     * the other items of that modality, in the walk's scores and in the cluster maps ({@link GroupVsRest}).
     *
     * @param modalities each item's modality 0..k-1, in row order (null: all of one modality)
     */
    public static Analysis analyse(SheetResponses raw, int[] modalities, double[] embeddings, int dim, Map<String, String> labels, Settings s,
                                   PrintStream log) {
        if (raw == null || embeddings == null) throw new IllegalArgumentException("responses and embeddings are both needed");
        PrintStream lg = log == null ? new PrintStream(OutputStream.nullOutputStream()) : log;
        int n = raw.stimuli();
        if (dim <= 0 || (long) n * dim != embeddings.length) {
            throw new IllegalArgumentException("embeddings hold " + embeddings.length + " values, expected " + n + " items x " + dim);
        }
        if (n < 4) throw new IllegalArgumentException("the pool has " + n + " item" + (n == 1 ? "" : "s") + "; screening needs at least 4");
        ClusterWalk.Settings sizes = s.sizesFor(n);
        Map<String, Double> seconds = new LinkedHashMap<>();
        SheetLayout layout = raw.layout();
        double fwhm = s.analysis().fwhmFor(layout);

        long t0 = System.nanoTime();
        SmoothedResponses smoothed = SmoothedResponses.of(raw, fwhm);
        seconds.put("smooth", since(t0));
        t0 = System.nanoTime();
        WardTree tree = WardTree.of(embeddings, n, dim);
        seconds.put("ward", since(t0));
        t0 = System.nanoTime();
        GroupVsRest groups = new GroupVsRest(smoothed.responses().data(), raw.units(), modalities);
        ClusterWalk.Result walk = ClusterWalk.walk(tree, groups, sizes);
        seconds.put("walk", since(t0));
        lg.printf(Locale.ROOT, "walk: %d clusters of %d-%d items, %d of %d items in none (smoothing %.1f s, Ward %.1f s, walk %.1f s)%n",
                walk.clusters().size(), walk.minSize(), walk.maxSize(), walk.unassigned(), n, seconds.get("smooth"), seconds.get("ward"), seconds.get("walk"));

        t0 = System.nanoTime();
        List<ClusterWalk.Cluster> ranked = new ArrayList<>(walk.clusters());
        ranked.sort(Comparator.comparingDouble((ClusterWalk.Cluster c) -> Double.isNaN(c.score()) ? Double.NEGATIVE_INFINITY : c.score()).reversed());
        List<Found> found = new ArrayList<>();
        for (int k = 0; k < ranked.size(); k++) {
            ClusterWalk.Cluster c = ranked.get(k);
            String name = String.format(Locale.ROOT, "cluster-%02d", k + 1);
            SelectivityMap m = clusterMap(smoothed, c.members(), comparedWith(groups, modalities, c.members()), name, s.analysis());
            found.add(new Found(k + 1, c, m, labelCounts(c.members(), raw, labels)));
        }
        seconds.put("maps", since(t0));
        t0 = System.nanoTime();
        Map<String, LabelMap> labelMaps = labels == null ? Map.of() : labelMaps(raw, labels, modalities, smoothed, groups, s);
        if (labels != null) {
            seconds.put("label_maps", since(t0));
            lg.printf(Locale.ROOT, "maps of all items of each of the %d hidden labels (evaluation only) in %.1f s%n", labelMaps.size(), seconds.get("label_maps"));
        }
        List<String> ids = raw.rows().stream().map(SheetResponses.Row::id).toList();
        return new Analysis(ids, embeddings, dim, fwhm, tree, walk, List.copyOf(found), labelMaps, seconds);
    }

    /** Per hidden label (sorted), the map of all its items; labels with fewer than 2 items, or covering all but one item, are left out. */
    static Map<String, LabelMap> labelMaps(SheetResponses raw, Map<String, String> labels, int[] modalities, SmoothedResponses smoothed,
                                           GroupVsRest groups, Settings s) {
        Map<String, List<Integer>> rows = new TreeMap<>();
        for (int i = 0; i < raw.stimuli(); i++) rows.computeIfAbsent(labels.getOrDefault(raw.rows().get(i).id(), UNLABELLED), k -> new ArrayList<>()).add(i);
        Map<String, LabelMap> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Integer>> e : rows.entrySet()) {
            int[] members = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            if (members.length < 2 || members.length > raw.stimuli() - 2) continue;
            double score = GroupVsRest.median(groups.t(groups.sums(members)));
            SelectivityMap m = clusterMap(smoothed, members, comparedWith(groups, modalities, members),
                    "label-" + e.getKey().replaceAll("[^A-Za-z0-9_.-]", "_"), s.analysis());
            out.put(e.getKey(), new LabelMap(members.length, score, m));
        }
        return out;
    }

    /**
     * Which items a group is compared with: those of its modality when {@link GroupVsRest#reference}
     * says so, else null (all other items).
     */
    static boolean[] comparedWith(GroupVsRest groups, int[] modalities, int[] members) {
        if (modalities == null) return null;
        GroupVsRest.Sums g = groups.sums(members);
        int k = g.modality();
        if (groups.reference(g) == groups.total()) return null;
        boolean[] with = new boolean[modalities.length];
        for (int i = 0; i < modalities.length; i++) with[i] = modalities[i] == k;
        return with;
    }

    /**
     * The selectivity map of a group of items against the others, on responses already smoothed.
     *
     * @param comparedWith the items the group may be compared with (the group's own items are
     *                     ignored here); null: all
     */
    public static SelectivityMap clusterMap(SmoothedResponses smoothed, int[] members, boolean[] comparedWith, String name,
                                            SelectivityAnalysis.Settings settings) {
        SheetResponses r = smoothed.responses();
        if (comparedWith != null && comparedWith.length != r.stimuli()) {
            throw new IllegalArgumentException("the comparison set covers " + comparedWith.length + " items, the responses " + r.stimuli());
        }
        boolean[] in = new boolean[r.stimuli()];
        for (int m : members) in[m] = true;
        List<SheetResponses.Row> rows = new ArrayList<>(r.stimuli());
        for (int i = 0; i < r.stimuli(); i++) {
            SheetResponses.Row row = r.rows().get(i);
            String label = in[i] ? name : comparedWith == null || comparedWith[i] ? OTHERS : OTHER_MODALITY;
            rows.add(new SheetResponses.Row(row.id(), label, row.run()));
        }
        SmoothedResponses relabelled = new SmoothedResponses(new SheetResponses(r.layout(), r.data(), rows), smoothed.fwhm());
        return SelectivityAnalysis.run(relabelled, Contrast.of(name, List.of(name), List.of(OTHERS)), settings, null);
    }

    static final String OTHERS = "others", OTHER_MODALITY = "(other kind)", UNLABELLED = "(unlabelled)";

    /**
     * Each stimulus's modality: the index, in sorted order, of its input modalities ("image",
     * "sound", "text", joined by "+" for items with several).
     */
    public static int[] modalities(List<Stimulus> stimuli) {
        List<String> names = stimuli.stream().map(Discovery::modality).toList();
        List<String> distinct = names.stream().distinct().sorted().toList();
        return names.stream().mapToInt(distinct::indexOf).toArray();
    }

    static String modality(Stimulus st) {
        List<String> m = new ArrayList<>();
        if (st.hasImage()) m.add("image");
        if (st.hasAudio()) m.add("sound");
        if (st.hasText()) m.add("text");
        return String.join("+", m);
    }

    /** Counts of the members' labels, most common first (ties by name); empty without labels. */
    static Map<String, Integer> labelCounts(int[] members, SheetResponses raw, Map<String, String> labels) {
        if (labels == null) return Map.of();
        Map<String, Integer> counts = new TreeMap<>();
        for (int m : members) counts.merge(labels.getOrDefault(raw.rows().get(m).id(), UNLABELLED), 1, Integer::sum);
        List<Map.Entry<String, Integer>> e = new ArrayList<>(counts.entrySet());
        e.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> x : e) out.put(x.getKey(), x.getValue());
        return out;
    }

    // ------------------------------------------------------------------ the whole run

    /**
     * Screens a pool with a model and writes everything under {@code out}.
     *
     * @param model  the topographic model (a train output: adaptors on a base checkpoint); its
     *               backbone without the adaptors is the embedder
     * @param pool   the pool's stimulus set folder (or a library folder holding {@code pool/})
     * @param labels the pool's hidden labels file ({@code labels.json}), for evaluation only; null: none
     * @return the summary written to {@code out/summary.json}
     */
    public static ScreeningSummary run(NDManager manager, CorticalModel model, Path pool, Path labels, Path out, Settings s,
                                       PrintStream log) throws IOException {
        if (model == null) throw new IllegalArgumentException("model is missing (null)");
        if (out == null) throw new IllegalArgumentException("output folder is missing (null)");
        PrintStream lg = log == null ? new PrintStream(OutputStream.nullOutputStream()) : log;
        long start = System.nanoTime();
        StimulusFolder set = loadPool(pool);
        Map<String, String> hidden = labels == null ? null : readLabels(labels);
        List<StimulusFolder.Item> items = set.items();
        s.sizesFor(items.size()); // bad sizes fail before the forward passes
        if (model.adaptors() == null) {
            lg.println("warning: " + model.name() + " has no cortical adaptors; its sheet is the backbone's own hidden states, "
                    + "the same network that embeds the pool");
        }
        long t0 = System.nanoTime();
        // decoded when used (a lab's collection of films may not fit in memory at once): the forward
        // passes decode a chunk at a time, the collages only the members they show
        List<Stimulus> stimuli = new java.util.AbstractList<>() {
            @Override
            public Stimulus get(int i) {
                return items.get(i).load();
            }

            @Override
            public int size() {
                return items.size();
            }
        };
        double load = since(t0);
        t0 = System.nanoTime();
        PoolEmbedder.Recorded rec = PoolEmbedder.record(manager, model, stimuli, s.batchSize(), lg);
        double forward = since(t0) + load;
        lg.printf(Locale.ROOT, "recorded %d pool items on the %d x %d sheet and their base embeddings (%d dimensions) in %.1f s%n",
                rec.sheet().stimuli(), rec.sheet().layout().rows(), rec.sheet().layout().cols(), rec.dim(), forward);

        Analysis a = analyse(rec.sheet(), modalitiesOf(items), rec.embeddings(), rec.dim(), hidden, s, lg);
        t0 = System.nanoTime();
        DiscoveryFiles.writeFolder(out, a, set, stimuli, hidden, s.seed(), lg);
        Map<String, Double> timings = new LinkedHashMap<>();
        timings.put("load", load);
        timings.put("forward", forward);
        timings.putAll(a.seconds());
        timings.put("write", since(t0));
        timings.put("total", since(start));
        ScreeningSummary summary = summary(a, model.name(), set.path().toString(), labels == null ? null : labels.toAbsolutePath().normalize().toString(),
                items, hidden, s, timings);
        summary.write(out.resolve(ScreeningSummary.FILE));
        return summary;
    }

    /** {@link #run} with progress on stdout. */
    public static ScreeningSummary run(NDManager manager, CorticalModel model, Path pool, Path labels, Path out, Settings s) throws IOException {
        return run(manager, model, pool, labels, out, s, System.out);
    }

    /**
     * The pool: a generated screening pool (a stimulus set folder, or a library folder holding
     * {@code pool/}), or a lab's own folder of images, sounds, texts and videos, whose sounds and
     * videos are cut into 2-second clips (METHOD.md section 7; {@link StimulusLoader#screening()}),
     * each clip an item with its source file and time span.
     */
    public static StimulusFolder loadPool(Path dir) {
        if (dir == null) throw new IllegalArgumentException("pool folder is missing (null)");
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("pool folder not found: " + dir);
        Path d = dir;
        if (!Files.isRegularFile(d.resolve(Manifest.FILE_NAME)) && Files.isRegularFile(d.resolve("pool").resolve(Manifest.FILE_NAME))) {
            d = d.resolve("pool");
        }
        StimulusFolder set = Files.isRegularFile(d.resolve(Manifest.FILE_NAME)) ? StimulusFolder.open(d) : StimulusFolder.open(d, StimulusLoader.screening());
        if (set.items().isEmpty()) throw new IllegalArgumentException("the pool " + set.path() + " has no items");
        return set;
    }

    /** Each item's modality (as {@link #modalities}), from what its media are, without decoding them. */
    public static int[] modalitiesOf(List<StimulusFolder.Item> items) {
        List<String> names = items.stream().map(it -> switch (it.medium()) {
            case "image" -> "image";
            case "audio" -> "sound";
            case "text" -> "text";
            case "video", "audiovisual" -> "none".equals(it.attributes().get("sound")) ? "image" : "image+sound";
            default -> it.medium();
        }).toList();
        List<String> distinct = names.stream().distinct().sorted().toList();
        return names.stream().mapToInt(distinct::indexOf).toArray();
    }

    /** Hidden labels (item id to category) from a pool's labels.json. */
    public static Map<String, String> readLabels(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("labels file not found: " + file);
        JsonNode root = Json.read(file);
        JsonNode l = root.get("labels");
        if (l == null || !l.isObject()) throw new IllegalArgumentException(file + " has no \"labels\" object (expected a pool's labels.json)");
        Map<String, String> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = l.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode c = e.getValue().get("category");
            if (c == null || !c.isTextual()) throw new IllegalArgumentException(file + ": the label of " + e.getKey() + " has no \"category\"");
            out.put(e.getKey(), c.asText());
        }
        return out;
    }

    // ------------------------------------------------------------------ the summary

    /**
     * What a screening found, as summary.json holds it.
     *
     * @param model      the model's name
     * @param pool       the pool's folder
     * @param labelsFile the hidden labels file (null: none)
     * @param items      the pool's items, in row order
     * @param labels     the hidden labels (null: none)
     * @param timings    seconds per stage
     */
    public static ScreeningSummary summary(Analysis a, String model, String pool, String labelsFile, List<StimulusFolder.Item> items, Map<String, String> labels,
                                           Settings s, Map<String, Double> timings) {
        List<ScreeningSummary.Cluster> entries = new ArrayList<>();
        for (Found f : a.clusters()) entries.add(entry(f));
        ScreeningSummary.Settings settings = new ScreeningSummary.Settings(a.walk().minSize(), a.walk().maxSize(),
                s.minSize() > 0 && s.maxSize() > 0 ? "given"
                        : "paper's 10-500 of 2572 clips scaled to the pool: max(2, round(10 n / 2572)) - round(500 n / 2572), at most n - 2",
                "median over all sheet units of the Welch t (members vs the other items of their modality) of the smoothed sheet responses",
                "a cluster whose items share one input modality (image, sound, text) is compared with the other items "
                        + "of that modality, in its score and in its map; a cluster that mixes modalities, or holds all but one item of its "
                        + "modality, with all other items",
                "split a node in range when the better of its in-range children scores at least as high; "
                        + "too-small children never justify a split and are left out when their sibling does",
                a.fwhm(), s.q(), s.permutations(), IslandMoransI.DEFAULT_MIN_SIZE, s.seed());
        return new ScreeningSummary(FORMAT, model, pool, labelsFile, a.ids().size(),
                (int) items.stream().filter(it -> !it.medium().equals("audio") && !it.medium().equals("text")).count(),
                (int) items.stream().filter(it -> it.medium().equals("audio") || (it.medium().equals("video") || it.medium().equals("audiovisual")) && !"none".equals(it.attributes().get("sound"))).count(),
                "base backbone (no adaptors): mean over tokens of the last block's output of the item's encoder "
                        + "(vision for images, audio for sounds, language for texts), each block and the whole vector L2-normalised",
                settings, a.clusters().size(), a.walk().unassigned(), entries, labels == null ? null : categories(a, labels), timings);
    }

    /** A cluster's entry: its numbers and the paths of its files (relative to the screening folder). */
    static ScreeningSummary.Cluster entry(Found f) {
        return new ScreeningSummary.Cluster(f.id(), f.cluster().size(), f.cluster().score(), f.map().islands().meanI(), f.map().islands().nIslands(),
                f.map().islands().nSignificantIslands(), f.map().nSignificant(), f.topLabel(), f.purity(), f.labelCounts(), f.cluster().node(),
                f.name() + "/" + DiscoveryFiles.MEMBERS, f.name() + "/" + DiscoveryFiles.COLLAGE, f.name() + "/" + DiscoveryFiles.MAP,
                f.name() + "/" + DiscoveryFiles.TMAP);
    }

    /**
     * Per hidden label: how many items, the cluster holding most of them, its share of them
     * (recall) and its purity, and the map of all the label's items ({@code all_items_map}: what
     * a perfect walk would report for the category).
     */
    static Map<String, ScreeningSummary.Category> categories(Analysis a, Map<String, String> labels) {
        Map<String, Integer> totals = new TreeMap<>();
        for (String id : a.ids()) totals.merge(labels.getOrDefault(id, UNLABELLED), 1, Integer::sum);
        Map<String, ScreeningSummary.Category> out = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> t : totals.entrySet()) {
            Found best = null;
            int bestCount = 0;
            for (Found f : a.clusters()) {
                int c = f.labelCounts().getOrDefault(t.getKey(), 0);
                if (c > bestCount) {
                    best = f;
                    bestCount = c;
                }
            }
            LabelMap lm = a.labelMaps().get(t.getKey());
            ScreeningSummary.LabelMap m = lm == null ? null : new ScreeningSummary.LabelMap(lm.score(), lm.map().nSignificant(),
                    lm.map().islands().meanI(), lm.map().islands().nIslands(), lm.map().islands().nSignificantIslands());
            out.put(t.getKey(), new ScreeningSummary.Category(t.getValue(), best == null ? null : best.id(), (double) bestCount / t.getValue(),
                    best == null ? Double.NaN : (double) bestCount / best.cluster().size(), best != null && t.getKey().equals(best.topLabel()), m));
        }
        return out;
    }

    static double since(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}

package org.topoomni.discover;

import org.topoomni.io.AtomicFiles;
import org.topoomni.io.Csv;
import org.topoomni.map.MapFiles;
import org.topoomni.io.Npy;
import org.topoomni.plot.SheetMapFigure;
import org.topoomni.stimuli.Stimulus;
import org.topoomni.stimuli.StimulusFolder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A screening as files (every one written atomically), beside the {@code summary.json} that
 * {@link org.topoomni.results.ScreeningSummary} writes:
 * <pre>
 * OUT/cluster-NN/           members.csv collage.png map.png tmap.npy qmap.npy dmap.npy mask.npy summary.json
 * OUT/dendrogram.png        the Ward tree down to the clusters, clusters coloured
 * OUT/walk.csv              every node the walk visited: size, score, best child score, decision
 * OUT/embeddings.npy items.csv linkage.npy   the embeddings (rows in items.csv order) and the Ward linkage
 * </pre>
 */
public final class DiscoveryFiles {
    static final String MEMBERS = "members.csv", COLLAGE = "collage.png", MAP = "map.png", TMAP = "tmap.npy";

    /** The files a cluster folder holds. */
    static final List<String> CLUSTER_FILES = List.of(MEMBERS, COLLAGE, MAP, TMAP, "qmap.npy", "dmap.npy", "mask.npy", "summary.json");

    private DiscoveryFiles() {
    }

    /**
     * Writes every cluster's folder, the dendrogram, the walk and the embeddings into {@code out},
     * after removing the cluster folders of an earlier screening there; logs one line per cluster.
     *
     * @param labels hidden labels (null: none); members.csv then has a label column
     * @param seed   seed of the collages' samples
     */
    public static void writeFolder(Path out, Discovery.Analysis a, StimulusFolder set, List<Stimulus> stimuli, Map<String, String> labels, long seed,
                                   PrintStream log) throws IOException {
        Files.createDirectories(out);
        removeOldClusters(out);
        for (Discovery.Found f : a.clusters()) {
            Path dir = out.resolve(f.name());
            Files.createDirectories(dir);
            writeMembers(dir.resolve(MEMBERS), f, set, a.ids(), labels);
            MapFiles.writeSelectivity(dir, f.map());
            AtomicFiles.writePng(dir.resolve(MAP), SheetMapFigure.selectivity(f.map().figure(), title(f)));
            AtomicFiles.writePng(dir.resolve(COLLAGE), DiscoveryFigures.collage(set, stimuli, f, seed));
            log.printf(Locale.ROOT, "%s %4d items, score %7.3f, island Moran's I %s over %d island%s%s%n", f.name(), f.cluster().size(),
                    f.cluster().score(), Double.isNaN(f.map().islands().meanI()) ? " n/a " : String.format(Locale.ROOT, "%5.3f", f.map().islands().meanI()),
                    f.map().islands().nIslands(), f.map().islands().nIslands() == 1 ? "" : "s",
                    labels == null ? "" : String.format(Locale.ROOT, ", top label %s (purity %.2f)", f.topLabel(), f.purity()));
        }
        AtomicFiles.writePng(out.resolve("dendrogram.png"), DiscoveryFigures.dendrogram(a, labels != null));
        writeWalk(out.resolve("walk.csv"), a.walk());
        int n = a.ids().size();
        Npy.writeAsFloat32(out.resolve("embeddings.npy"), a.embeddings(), n, a.dim());
        double[] link = new double[(n - 1) * 4];
        double[][] z = a.tree().linkage();
        for (int k = 0; k < n - 1; k++) System.arraycopy(z[k], 0, link, 4 * k, 4);
        Npy.write(out.resolve("linkage.npy"), link, n - 1, 4);
        StringBuilder ids = new StringBuilder("row,id\n");
        for (int i = 0; i < n; i++) ids.append(i).append(',').append(Csv.quote(a.ids().get(i))).append('\n');
        AtomicFiles.writeString(out.resolve("items.csv"), ids.toString());
    }

    /**
     * Removes the cluster folders of an earlier screening into the same folder (only our own
     * files, and a folder only once it is empty), so that no stale cluster outlives a rerun.
     */
    static void removeOldClusters(Path out) throws IOException {
        try (var dirs = Files.newDirectoryStream(out, "cluster-*")) {
            for (Path d : dirs) {
                if (!Files.isDirectory(d) || !d.getFileName().toString().matches("cluster-\\d+") || !Files.isRegularFile(d.resolve(MEMBERS))) continue;
                for (String f : CLUSTER_FILES) Files.deleteIfExists(d.resolve(f));
                try (var left = Files.list(d)) {
                    if (left.findAny().isEmpty()) Files.delete(d);
                }
            }
        }
    }

    /** The members: their order, row, id and file; for a clip of a longer file, its span (start_s, end_s); with labels, each one's label. */
    static void writeMembers(Path file, Discovery.Found f, StimulusFolder set, List<String> ids, Map<String, String> labels) throws IOException {
        boolean spans = set.items().stream().anyMatch(it -> it.span() != null);
        StringBuilder sb = new StringBuilder("order,row,id,file" + (spans ? ",start_s,end_s" : "") + (labels == null ? "\n" : ",label\n"));
        Map<String, StimulusFolder.Item> byId = new LinkedHashMap<>();
        for (StimulusFolder.Item it : set.items()) byId.put(it.id(), it);
        Path root = set.path().toAbsolutePath().normalize();
        int k = 0;
        for (int m : f.cluster().members()) {
            String id = ids.get(m);
            StimulusFolder.Item it = byId.get(id);
            Path p = it == null || it.file() == null ? null : it.file().toAbsolutePath().normalize();
            sb.append(k++).append(',').append(m).append(',').append(Csv.quote(id)).append(',')
                    .append(p == null ? "" : Csv.quote((p.startsWith(root) ? root.relativize(p) : p).toString()));
            if (spans) {
                sb.append(',').append(it == null || it.span() == null ? "" : String.format(java.util.Locale.ROOT, "%.3f", it.span().start()))
                        .append(',').append(it == null || it.span() == null ? "" : String.format(java.util.Locale.ROOT, "%.3f", it.span().end()));
            }
            if (labels != null) sb.append(',').append(Csv.quote(labels.getOrDefault(id, Discovery.UNLABELLED)));
            sb.append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    static void writeWalk(Path file, ClusterWalk.Result w) throws IOException {
        StringBuilder sb = new StringBuilder("node,size,score,best_child_score,decision\n");
        for (ClusterWalk.Step st : w.steps()) {
            sb.append(st.node()).append(',').append(st.size()).append(',').append(num(st.score())).append(',')
                    .append(num(st.bestChild())).append(',').append(st.decision().id()).append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    static String title(Discovery.Found f) {
        String label = f.topLabel() == null ? "" : String.format(Locale.ROOT, "  (hidden labels: %.0f%% %s)", 100 * f.purity(), f.topLabel());
        return String.format(Locale.ROOT, "%s: %d items, score %.2f%s", f.name(), f.cluster().size(), f.cluster().score(), label);
    }

    static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}

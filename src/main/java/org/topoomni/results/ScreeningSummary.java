package org.topoomni.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.topoomni.io.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code discover}'s {@code summary.json}: the pool, the settings, every cluster the walk found
 * (numbered by score, 1 = highest) and, only with hidden labels, per label the cluster holding most
 * of its items and the map of all of them.
 *
 * @param format      the file format's name and version
 * @param model       the topographic model's name
 * @param pool        the pool's folder
 * @param labels      the hidden labels file (null: none given)
 * @param nItems      pool items
 * @param nImages     items with an image
 * @param nSounds     items with a sound
 * @param embedder    how items were embedded, in words
 * @param settings    the screening's settings
 * @param nClusters   clusters found
 * @param nUnassigned items in no cluster
 * @param clusters    the clusters by score, highest first
 * @param categories  per hidden label (null, and absent from the file, without labels)
 * @param timings     seconds per stage
 */
public record ScreeningSummary(
        @JsonProperty("format") String format,
        @JsonProperty("model") String model,
        @JsonProperty("pool") String pool,
        @JsonProperty("labels") String labels,
        @JsonProperty("n_items") int nItems,
        @JsonProperty("n_images") int nImages,
        @JsonProperty("n_sounds") int nSounds,
        @JsonProperty("embedder") String embedder,
        @JsonProperty("settings") Settings settings,
        @JsonProperty("n_clusters") int nClusters,
        @JsonProperty("n_unassigned") int nUnassigned,
        @JsonProperty("clusters") List<Cluster> clusters,
        @JsonProperty("categories") @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Category> categories,
        @JsonProperty("timings_s") Map<String, Double> timings) {

    /** The file name in a screening's folder. */
    public static final String FILE = "summary.json";
    /** The format this version writes. */
    public static final String FORMAT = "topo-omni-discover/1";

    /**
     * @param minSize       smallest cluster
     * @param maxSize       largest cluster
     * @param sizeRule      where the sizes came from
     * @param score         a node's score, in words
     * @param comparison    what a cluster is compared with, in words
     * @param splitRule     when the walk splits a node
     * @param fwhm          smoothing FWHM
     * @param qThreshold    FDR threshold of the cluster maps
     * @param permutations  permutations per island
     * @param minIslandSize smallest island
     * @param seed          seed of the permutations and the collages
     */
    public record Settings(@JsonProperty("min_size") int minSize, @JsonProperty("max_size") int maxSize,
                           @JsonProperty("size_rule") String sizeRule, @JsonProperty("score") String score,
                           @JsonProperty("comparison") String comparison, @JsonProperty("split_rule") String splitRule,
                           @JsonProperty("fwhm") double fwhm, @JsonProperty("q_threshold") double qThreshold,
                           @JsonProperty("permutations") int permutations, @JsonProperty("min_island_size") int minIslandSize,
                           @JsonProperty("seed") long seed) {}

    /**
     * One discovered cluster.
     *
     * @param id                  1 = highest score
     * @param size                items
     * @param score               median over the sheet of the Welch t against the other items of its modality
     * @param islandMoransI       mean island Moran's I of its map (NaN without islands)
     * @param nIslands            islands of its map
     * @param nSignificantIslands islands with a permutation p &lt; 0.05
     * @param nSignificant        significant units of its map
     * @param topLabel            most common hidden label (null without labels)
     * @param purity              share of the items with the top label (NaN without labels)
     * @param labelCounts         hidden labels of its items, most common first (absent without labels)
     * @param node                its node in the Ward tree
     * @param membersFile         its members.csv, relative to the screening folder
     * @param collage             its collage.png, relative
     * @param map                 its map.png, relative
     * @param tmap                its tmap.npy, relative
     */
    public record Cluster(@JsonProperty("id") int id, @JsonProperty("size") int size, @JsonProperty("score") double score,
                          @JsonProperty("island_morans_i") double islandMoransI, @JsonProperty("n_islands") int nIslands,
                          @JsonProperty("n_significant_islands") int nSignificantIslands, @JsonProperty("n_significant") int nSignificant,
                          @JsonProperty("top_label") String topLabel, @JsonProperty("purity") double purity,
                          @JsonProperty("label_counts") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Integer> labelCounts,
                          @JsonProperty("node") int node, @JsonProperty("members_file") String membersFile,
                          @JsonProperty("collage") String collage, @JsonProperty("map") String map, @JsonProperty("tmap") String tmap) {}

    /**
     * One hidden label (evaluation only).
     *
     * @param nItems      items with the label
     * @param bestCluster the cluster holding most of them (null: none holds any)
     * @param recall      its share of the label's items
     * @param precision   the label's share of its items (NaN without a best cluster)
     * @param isTopLabel  whether the label is that cluster's top label
     * @param allItemsMap the map of all the label's items, scored and mapped as a cluster (null: too few or too many items)
     */
    public record Category(@JsonProperty("n_items") int nItems, @JsonProperty("best_cluster") Integer bestCluster,
                           @JsonProperty("recall") double recall, @JsonProperty("precision") double precision,
                           @JsonProperty("is_top_label") boolean isTopLabel,
                           @JsonProperty("all_items_map") @JsonInclude(JsonInclude.Include.NON_NULL) LabelMap allItemsMap) {}

    /** The map of all of a label's items: score, significant units, island Moran's I, islands. */
    public record LabelMap(@JsonProperty("score") double score, @JsonProperty("n_significant") int nSignificant,
                           @JsonProperty("island_morans_i") double islandMoransI, @JsonProperty("n_islands") int nIslands,
                           @JsonProperty("n_significant_islands") int nSignificantIslands) {}

    /**
     * Reads a screening summary.
     *
     * @throws IllegalArgumentException naming the file when it is not one
     */
    public static ScreeningSummary read(Path file) throws IOException {
        ScreeningSummary s = Json.read(file, ScreeningSummary.class);
        if (s.clusters() == null) throw new IllegalArgumentException(file + " has no \"clusters\" list");
        return s;
    }

    public void write(Path file) throws IOException {
        Json.write(file, this);
    }
}

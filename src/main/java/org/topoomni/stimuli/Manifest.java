package org.topoomni.stimuli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/**
 * The {@code manifest.json} of a stimulus set: what the set is (name, family, seed, the program
 * that made it), its categories with counts per run, and one entry per item with its files and
 * their SHA-256. File paths are relative to the set folder, with '/' separators, and never leave
 * it. The manifest is written last, so a folder without one is an incomplete set.
 *
 * @param format      {@link #FORMAT}
 * @param name        set name (e.g. "visual")
 * @param family      generator family, or "files" for an imported set
 * @param seed        the run seed the set was generated from (0 for imported sets)
 * @param createdBy   program and version, e.g. "topo-omni 0.1.0"
 * @param runs        number of runs
 * @param perCategory exemplars asked for per category, or null
 * @param categories  per category, in the order of the items
 * @param items       every item, grouped by category, in index order
 */
@JsonPropertyOrder({"format", "name", "family", "seed", "createdBy", "runs", "perCategory", "categories", "items"})
public record Manifest(String format, String name, String family, long seed, String createdBy, int runs,
                       Integer perCategory, Map<String, Category> categories, List<Item> items) {

    public static final String FORMAT = "topo-omni-stimulus-set/1";
    public static final String FILE_NAME = "manifest.json";

    /**
     * @param count   number of items
     * @param source  how they were made ("rendered", "espeak-ng", "template", "file"...)
     * @param perRun  items per run, keys "1", "2"... in run order
     */
    @JsonPropertyOrder({"count", "source", "perRun"})
    public record Category(int count, String source, Map<String, Integer> perRun) {}

    @JsonPropertyOrder({"id", "category", "run", "attributes", "provenance", "files"})
    public record Item(String id, String category, int run, Map<String, String> attributes,
                       Provenance provenance, List<FileRef> files) {}

    /**
     * One file of an item.
     *
     * @param medium     "image" (PNG), "audio" (WAV) or "text" (UTF-8)
     * @param path       relative to the set folder, e.g. "faces/faces_0003.png"
     * @param sha256     lower-case hex
     * @param bytes      file size
     * @param width      image width, or null
     * @param height     image height, or null
     * @param sampleRate audio sample rate, or null
     * @param samples    audio length in samples, or null
     */
    @JsonPropertyOrder({"kind", "path", "sha256", "bytes", "width", "height", "sampleRate", "samples"})
    public record FileRef(@JsonProperty("kind") String medium, String path, String sha256, long bytes, Integer width, Integer height,
                          Integer sampleRate, Integer samples) {}
}

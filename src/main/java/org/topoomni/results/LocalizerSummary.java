package org.topoomni.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import org.topoomni.io.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code localize}'s {@code summary.json}: the model, the sheet, the statistics' settings and
 * every contrast, retinotopy/tonotopy design and response profile of one localizer run.
 *
 * @param model     the model's name
 * @param libraries the stimulus libraries pooled (absent from the file when not recorded)
 * @param sheet     the sheet's size
 * @param settings  the statistics' settings
 * @param nStimuli  stimuli recorded
 * @param contrasts per contrast, in run order
 * @param maps      per retinotopy or tonotopy design
 * @param profiles  the response profiles
 * @param reference the paper's and the human brain's island Moran's I of the voice contrast (the shipped reference file)
 */
public record LocalizerSummary(
        @JsonProperty("model") String model,
        @JsonProperty("libraries") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> libraries,
        @JsonProperty("sheet") Sheet sheet,
        @JsonProperty("settings") Settings settings,
        @JsonProperty("n_stimuli") int nStimuli,
        @JsonProperty("contrasts") Map<String, ContrastSummary> contrasts,
        @JsonProperty("maps") Map<String, PreferenceSummary> maps,
        @JsonProperty("profiles") Profiles profiles,
        @JsonProperty("reference") JsonNode reference) {

    /** The file name in a localizer run's folder. */
    public static final String FILE = "summary.json";

    public LocalizerSummary {
        libraries = libraries == null ? List.of() : List.copyOf(libraries);
        maps = maps == null ? Map.of() : maps;
        profiles = profiles == null ? new Profiles(Map.of(), null) : profiles;
    }

    /** The sheet: rows x cols = units. */
    public record Sheet(@JsonProperty("rows") int rows, @JsonProperty("cols") int cols, @JsonProperty("units") int units) {}

    /**
     * @param fwhm          smoothing FWHM used (sheet units)
     * @param fwhmRule      how it was chosen
     * @param qThreshold    FDR threshold
     * @param permutations  permutations per island for Moran's I
     * @param minIslandSize smallest island
     * @param seed          seed of the permutations
     * @param fdrFamily     what one FDR family covers
     * @param profileKPercent            top units of a profile, percent of the region: sensory and cognitive contrasts
     * @param profileCognitiveFwhmFactor the cognitive profiles' FWHM as a multiple of {@code fwhm}
     */
    public record Settings(@JsonProperty("fwhm") double fwhm, @JsonProperty("fwhm_rule") String fwhmRule,
                           @JsonProperty("q_threshold") double qThreshold, @JsonProperty("permutations") int permutations,
                           @JsonProperty("min_island_size") int minIslandSize, @JsonProperty("seed") long seed,
                           @JsonProperty("fdr_family") String fdrFamily, @JsonProperty("profile_k_percent") KPercent profileKPercent,
                           @JsonProperty("profile_cognitive_fwhm_factor") double profileCognitiveFwhmFactor) {}

    /** Top units of a profile, percent of the region, for sensory and for cognitive contrasts. */
    public record KPercent(@JsonProperty("sensory") double sensory, @JsonProperty("cognitive") double cognitive) {}

    /**
     * Reads a localizer summary.
     *
     * @throws IllegalArgumentException naming the file when it is not a localize summary
     */
    public static LocalizerSummary read(Path file) throws IOException {
        LocalizerSummary s = Json.read(file, LocalizerSummary.class);
        if (s.contrasts() == null) throw new IllegalArgumentException(file + " has no \"contrasts\": is it a localize summary?");
        return s;
    }

    public void write(Path file) throws IOException {
        Json.write(file, this);
    }

    /**
     * The categories the localizers name: the ON and OFF conditions of every contrast (quilted
     * speech or scrambled objects are localizer stimuli too).
     */
    public Set<String> categories() {
        Set<String> out = new LinkedHashSet<>();
        for (ContrastSummary c : contrasts.values()) {
            if (c.on() != null) out.addAll(c.on());
            if (c.off() != null) out.addAll(c.off());
        }
        return out;
    }
}

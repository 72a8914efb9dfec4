package org.topoomni.results;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.topoomni.io.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A base model's {@code metrics.json}: the held-out numbers its pretraining measured. Every key is
 * optional (a recipe of another architecture may measure less): an absent number reads as NaN, an
 * absent count or map as null, and neither is written back. Keys this record does not know are
 * kept in {@code other} and written back after the known ones.
 *
 * @param visualAccuracy      held-out images whose greedy answer names the right category
 * @param visualItems         held-out images
 * @param auditoryAccuracy    the same for sounds
 * @param auditoryItems       held-out sounds
 * @param perplexity          perplexity on held-out text
 * @param unigramPerplexity   the unigram baseline's perplexity on the same text
 * @param heldOutTextTokens   tokens of the held-out text
 * @param seconds             multitask training time
 * @param evalSeconds         evaluation time
 * @param wallSeconds         the whole command
 * @param trainItems          training items
 * @param heldOutItems        held-out items
 * @param parameters          parameters of the model
 * @param steps               multitask training steps
 * @param batchSize           batch size
 * @param learningRate        peak learning rate
 * @param seed                the pretraining seed (it decides the held-out split)
 * @param encoderSteps        steps of the encoder phase (0: none)
 * @param encoderLearningRate the encoder phase's learning rate
 * @param encoderSeconds      the encoder phase's time
 * @param encoderHeadAccuracy held-out accuracy of the encoder phase's category heads per family
 * @param accuracyByFamily    held-out accuracy per family (visual, auditory)
 * @param accuracyByCategory  held-out accuracy per "family/category"
 * @param other               keys of the file this record does not know
 */
@JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Json.Absent.class)
public record PretrainMetrics(
        @JsonProperty("visual_accuracy") double visualAccuracy,
        @JsonProperty("visual_items") Integer visualItems,
        @JsonProperty("auditory_accuracy") double auditoryAccuracy,
        @JsonProperty("auditory_items") Integer auditoryItems,
        @JsonProperty("perplexity") double perplexity,
        @JsonProperty("unigram_perplexity") double unigramPerplexity,
        @JsonProperty("heldout_text_tokens") Long heldOutTextTokens,
        @JsonProperty("seconds") double seconds,
        @JsonProperty("eval_seconds") double evalSeconds,
        @JsonProperty("wall_seconds") double wallSeconds,
        @JsonProperty("train_items") Integer trainItems,
        @JsonProperty("heldout_items") Integer heldOutItems,
        @JsonProperty("parameters") Long parameters,
        @JsonProperty("steps") Integer steps,
        @JsonProperty("batch_size") Integer batchSize,
        @JsonProperty("learning_rate") double learningRate,
        @JsonProperty("seed") Long seed,
        @JsonProperty("encoder_steps") Integer encoderSteps,
        @JsonProperty("encoder_learning_rate") double encoderLearningRate,
        @JsonProperty("encoder_seconds") double encoderSeconds,
        @JsonProperty("encoder_head_accuracy") Map<String, Double> encoderHeadAccuracy,
        @JsonProperty("accuracy_by_kind") Map<String, Double> accuracyByFamily,
        @JsonProperty("accuracy_by_category") Map<String, Double> accuracyByCategory,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

    /** The file name in a base model's folder. */
    public static final String FILE = "metrics.json";

    public PretrainMetrics {
        other = other == null ? new LinkedHashMap<>() : other;
    }

    public static PretrainMetrics read(Path file) throws IOException {
        return Json.read(file, PretrainMetrics.class);
    }

    public void write(Path file) throws IOException {
        Json.write(file, this);
    }
}

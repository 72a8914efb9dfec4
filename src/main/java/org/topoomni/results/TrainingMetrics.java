package org.topoomni.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.topoomni.io.Json;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code train}'s {@code metrics.json}: what a topographic (or control) training run measured on
 * held-out items.
 *
 * @param heldOutSpatialLoss     spatial correlation loss of held-out stimuli
 * @param heldOutTextSpatialLoss spatial loss of held-out corpus texts over neighbourhoods in the
 *                               language stack; NaN (and absent from the file) without a text corpus
 * @param textItems              texts in the text batches (0 without)
 * @param textWeight             weight of the text batches' spatial loss
 * @param answerAgreement        share of held-out answers identical to the base model's
 * @param accuracy               held-out category accuracy with the adaptors
 * @param baseAccuracy           the same without them
 * @param seconds                training time
 * @param stepsPerSecond         training speed
 * @param worstConditionNumber   largest condition number over the adaptor matrices
 * @param trainItems             training items
 * @param evalItems              held-out items
 * @param mode                   "cached" or "full"
 * @param alpha                  weight of the spatial loss (0: the control)
 * @param radius                 neighbourhood radius in sheet units
 */
public record TrainingMetrics(
        @JsonProperty("heldout_spatial_loss") double heldOutSpatialLoss,
        @JsonProperty("heldout_text_spatial_loss") @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Json.Absent.class)
        double heldOutTextSpatialLoss,
        @JsonProperty("text_items") int textItems,
        @JsonProperty("text_weight") double textWeight,
        @JsonProperty("answer_agreement") double answerAgreement,
        @JsonProperty("accuracy") double accuracy,
        @JsonProperty("base_accuracy") double baseAccuracy,
        @JsonProperty("seconds") double seconds,
        @JsonProperty("steps_per_second") double stepsPerSecond,
        @JsonProperty("worst_condition_number") double worstConditionNumber,
        @JsonProperty("train_items") int trainItems,
        @JsonProperty("eval_items") int evalItems,
        @JsonProperty("mode") String mode,
        @JsonProperty("alpha") double alpha,
        @JsonProperty("radius") double radius) {

    /** The file name in a training run's folder. */
    public static final String FILE = "metrics.json";

    public static TrainingMetrics read(Path file) throws IOException {
        return Json.read(file, TrainingMetrics.class);
    }

    public void write(Path file) throws IOException {
        Json.write(file, this);
    }
}

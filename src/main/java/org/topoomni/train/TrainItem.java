package org.topoomni.train;

import org.topoomni.model.ModelInput;

/**
 * One training or evaluation item of the topographic training: the backbone's input (with its
 * target answer, for the self-distillation items), the category it shows (for judging answers),
 * its family ("visual", "auditory", "audiovisual", "text") and its reference answer.
 */
public record TrainItem(String id, ModelInput input, String family, String category, String answer) {}

package org.topoomni.train;

import org.topoomni.model.Example;

/**
 * One training or evaluation item: the model input with its target answer, the category it
 * shows (for judging answers) and its kind ("visual", "auditory", "audiovisual", "text",
 * "arithmetic").
 */
public record TrainItem(String id, Example example, String kind, String category, String answer) {}

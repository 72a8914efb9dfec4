package org.topoomni.backbones.tinyomni;

/**
 * One pretraining or evaluation item of TinyOmni: the input with its target answer, the
 * category it shows (for judging answers) and its family ("visual", "auditory", "audiovisual",
 * "text", "arithmetic").
 */
public record PretrainItem(String id, Example example, String family, String category, String answer) {}

package org.topoomni.backbones.qwen;

import org.topoomni.model.ModelInput;

/** A Qwen2.5-Omni model input: the thinker's row (token ids, images, clips), made by {@link QwenOmniProcessor}. */
record QwenInput(QwenThinker.Input row, boolean plainText) implements ModelInput {
    @Override
    public boolean hasImage() {
        return !row.images().isEmpty();
    }

    @Override
    public boolean hasAudio() {
        return !row.clips().isEmpty();
    }

    static QwenInput of(ModelInput input) {
        if (input instanceof QwenInput q) return q;
        throw new IllegalArgumentException("Qwen2.5-Omni cannot read an input made by another backbone's processor: " + input.getClass().getSimpleName());
    }
}

package org.topoomni.sheet;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Named layouts of known backbones, all computed by {@link SheetLayout#of} (the code every backbone's sheet comes from). */
public final class SheetPresets {
    private SheetPresets() {}

    public static final String QWEN25_OMNI_3B = "qwen2.5-omni-3b";
    public static final String TINYOMNI = "tinyomni";
    public static final String PRETRAINED_OMNI = "pretrained-omni";

    private static final Map<String, Supplier<SheetLayout>> PRESETS = new TreeMap<>();

    static {
        PRESETS.put(QWEN25_OMNI_3B, SheetPresets::qwen25Omni3b);
        PRESETS.put(TINYOMNI, SheetPresets::tinyOmni);
        PRESETS.put(PRETRAINED_OMNI, SheetPresets::pretrainedOmni);
    }

    /**
     * Qwen2.5-Omni-3B's Thinker: vision encoder 32 x 1280, audio encoder 32 x 1280, language
     * model 36 x 2048 - the paper's 304 x 512 sheet.
     */
    public static SheetLayout qwen25Omni3b() {
        return SheetLayout.of(List.of(LayerStack.uniform("vision", Modality.VISION, Placement.SENSORY, 32, 1280),
                LayerStack.uniform("audio", Modality.AUDIO, Placement.SENSORY, 32, 1280),
                LayerStack.uniform("language", Modality.LANGUAGE, Placement.SHARED, 36, 2048)));
    }

    /**
     * The from-scratch baseline (architecture tinyomni): vision encoder 6 x 128, audio encoder 6 x 128, language
     * model 6 x 256 - a 48 x 64 sheet, 4 rows per layer band (the model package checks that its
     * default config gives this same layout).
     */
    public static SheetLayout tinyOmni() {
        return SheetLayout.of(List.of(LayerStack.uniform("vision", Modality.VISION, Placement.SENSORY, 6, 128),
                LayerStack.uniform("audio", Modality.AUDIO, Placement.SENSORY, 6, 128),
                LayerStack.uniform("language", Modality.LANGUAGE, Placement.SHARED, 6, 256)));
    }

    /**
     * The embedded default (architecture pretrained-omni): the MobileNetV3's 17 sites and the
     * vision adapter (widths 16-600), the audio encoder 6 x 128, the MiniLM 6 x 384 and the
     * thinker 5 x 256 - an 80 x 80 sheet (the model package checks that its default config and
     * the CNN's real widths give this same layout).
     */
    public static SheetLayout pretrainedOmni() {
        int[] vision = {16, 16, 24, 24, 32, 32, 32, 64, 64, 64, 64, 88, 88, 120, 120, 120, 480, 600};
        return SheetLayout.of(List.of(new LayerStack("vision", Modality.VISION, Placement.SENSORY, vision),
                LayerStack.uniform("audio", Modality.AUDIO, Placement.SENSORY, 6, 128),
                LayerStack.uniform("text", Modality.LANGUAGE, Placement.SENSORY, 6, 384),
                LayerStack.uniform("thinker", Modality.LANGUAGE, Placement.SHARED, 5, 256)));
    }

    public static SheetLayout get(String name) {
        Supplier<SheetLayout> s = PRESETS.get(name);
        if (s == null) throw new IllegalArgumentException("unknown sheet preset '" + name + "'; known: " + names());
        return s.get();
    }

    public static java.util.Set<String> names() {
        return PRESETS.keySet();
    }
}

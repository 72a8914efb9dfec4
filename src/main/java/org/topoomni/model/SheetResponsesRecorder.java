package org.topoomni.model;

import ai.djl.ndarray.NDManager;
import org.topoomni.sheet.SheetResponses;
import org.topoomni.stimuli.Stimulus;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs stimuli through a model and records the sheet's response to each: every layer's cortical
 * units averaged over the stimulus's tokens (image patches, audio frames, or the prompt's
 * tokens up to the answer), placed on the one sheet. Images are asked "What do you see?",
 * sounds "What do you hear?"; a text is given as the prompt itself.
 */
public final class SheetResponsesRecorder {
    public static final String SEE = "What do you see?", HEAR = "What do you hear?", DESCRIBE = "Describe this.";

    private SheetResponsesRecorder() {}

    /** The model input for a stimulus, as the localizers present it. */
    public static Example input(Backbone model, Stimulus s) {
        OmniConfig cfg = model.config();
        float[] img = s.hasImage() ? Preprocess.image(s.image(), cfg.imageSize()) : null;
        float[] mel = s.hasAudio() ? Preprocess.audio(s.audio(), cfg.audioFrames(), cfg.melBands()) : null;
        String prompt = img != null && mel != null ? DESCRIBE : img != null ? SEE : mel != null ? HEAR : s.text().strip();
        if ((img != null || mel != null) && s.hasText() && !s.text().isBlank()) prompt = s.text().strip();
        int[] ids = model.tokenizer().encode(prompt);
        int room = cfg.maxPositions() - 3 - (img != null ? cfg.imageTokens() : 0) - (mel != null ? cfg.audioTokens() : 0);
        if (ids.length > room) ids = java.util.Arrays.copyOfRange(ids, ids.length - room, ids.length); // keep the end (the question)
        return Example.chat(img, mel, ids, new int[0]);
    }

    public static SheetResponses record(NDManager manager, CorticalModel model, List<Stimulus> stimuli, int batchSize) {
        Backbone bb = model.backbone();
        var layout = bb.sheet();
        List<LayerSite> sites = new ArrayList<>();
        for (var st : bb.stacks()) for (int l = 0; l < st.layers(); l++) sites.add(new LayerSite(st.name(), l));
        SheetRecorder rec = new SheetRecorder(layout, sites);
        float[] data = new float[stimuli.size() * layout.units()];
        List<SheetResponses.Row> rows = new ArrayList<>();
        for (int i = 0; i < stimuli.size(); i += batchSize) {
            List<Stimulus> part = stimuli.subList(i, Math.min(stimuli.size(), i + batchSize));
            List<Example> ex = new ArrayList<>();
            for (Stimulus s : part) {
                ex.add(input(bb, s));
                rows.add(new SheetResponses.Row(s.id(), s.category(), s.run()));
            }
            try (NDManager m = manager.newSubManager()) {
                rec.reset(part.size());
                bb.forward(m, new Batch(bb.config(), ex, false), model.hook(rec));
                float[] sheet = rec.sheet(m).toFloatArray();
                System.arraycopy(sheet, 0, data, i * layout.units(), sheet.length);
            }
        }
        return new SheetResponses(layout, data, rows);
    }
}

package org.topoomni.model;

import ai.djl.ndarray.NDManager;
import org.topoomni.sheet.SheetResponses;
import org.topoomni.stimuli.Stimulus;
import org.topoomni.task.Prompts;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs stimuli through a model and records the sheet's response to each: every layer's cortical
 * units averaged over the stimulus's tokens (image patches, audio frames, or the prompt's
 * tokens up to the answer: each backbone marks which tokens count), placed on the one sheet.
 * Each stimulus is asked the localizers' question ({@link Prompts#forStimulus}): images "What do
 * you see?", sounds "What do you hear?"; a text is given as the prompt itself.
 */
public final class ResponseRecorder {

    private ResponseRecorder() {}

    /** The model input for a stimulus, as the localizers present it. */
    public static ModelInput input(Backbone model, Stimulus s) {
        return model.processor().chat(s, Prompts.forStimulus(s));
    }

    public static SheetResponses record(NDManager manager, CorticalModel model, List<Stimulus> stimuli, int batchSize) {
        Backbone bb = model.backbone();
        var layout = model.sheet();
        SheetTap rec = new SheetTap(layout, bb.sites());
        float[] data = new float[stimuli.size() * layout.units()];
        List<SheetResponses.Row> rows = new ArrayList<>();
        for (int i = 0; i < stimuli.size(); i += batchSize) {
            List<Stimulus> part = stimuli.subList(i, Math.min(stimuli.size(), i + batchSize));
            List<ModelInput> ex = new ArrayList<>();
            for (Stimulus s : part) {
                ex.add(input(bb, s));
                rows.add(new SheetResponses.Row(s.id(), s.category(), s.run()));
            }
            try (NDManager m = manager.newSubManager()) {
                rec.reset(part.size());
                bb.forward(m, ex, model.hook(rec));
                float[] sheet = rec.sheet(m).toFloatArray();
                System.arraycopy(sheet, 0, data, i * layout.units(), sheet.length);
            }
        }
        return new SheetResponses(layout, data, rows);
    }
}

package org.topoomni.discover;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.topoomni.model.CorticalModel;
import org.topoomni.model.ResponseRecorder;
import org.topoomni.sheet.SheetResponses;
import org.topoomni.stimuli.Stimulus;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PoolEmbedderTest {

    @Test
    void onePassGivesTheSheetAndTheBaseBackbonesEmbeddings() {
        List<Stimulus> items = TinyModels.stimuli(6, 3);
        try (NDManager m = NDManager.newBaseManager(); CorticalModel model = TinyModels.topographic(m, 5)) {
            PoolEmbedder.Recorded rec = PoolEmbedder.record(m, model, items, 4, null);
            SheetResponses sheet = ResponseRecorder.record(m, model, items, 4);
            assertArrayEquals(sheet.data(), rec.sheet().data(), 1e-4f, "the tap leaves the sheet as it is");
            assertEquals(sheet.rows(), rec.sheet().rows());

            double[] bare = PoolEmbedder.embed(m, model.backbone(), items, 4);
            int d = rec.dim();
            assertEquals(16 + 16 + 32, d);
            assertEquals(items.size() * d, rec.embeddings().length);
            for (int i = 0; i < bare.length; i++) assertEquals(bare[i], rec.embeddings()[i], 2e-4, "embedding value " + i);

            double[] ofSheet = PoolEmbedder.fromBareResponses(sheet, items); // what the adaptors' Z would give
            double diff = 0;
            for (int i = 0; i < bare.length; i++) diff = Math.max(diff, Math.abs(ofSheet[i] - bare[i]));
            assertTrue(diff > 0.05, "the embeddings are the backbone's X, not the sheet's Z = X W (max difference " + diff + ")");

            for (int i = 0; i < items.size(); i++) {
                double norm = 0, vision = 0, audio = 0, language = 0;
                for (int k = 0; k < d; k++) {
                    double v = rec.embeddings()[i * d + k];
                    norm += v * v;
                    if (k < 16) vision += v * v;
                    else if (k < 32) audio += v * v;
                    else language += v * v;
                }
                assertEquals(1, norm, 1e-9, "unit length");
                assertEquals(0, language, 0, "images and sounds are embedded by their encoders");
                if (items.get(i).hasImage()) assertEquals(0, audio, 0, "an image has no audio block");
                else assertEquals(0, vision, 0, "a sound has no vision block");
            }
        }
    }
}

package org.topoomni.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class LossesTest {

    @Test
    void itemMeanWeighsEveryItemEquallyAndTokenMeanEveryToken() {
        OmniConfig cfg = OmniConfig.testTiny();
        Tokenizer tok = TinyOmniTest.tokenizer();
        List<Example> ex = List.of(
                Example.text(tok.encode("what do you see what do you see a dog barking music speech")), // a long text
                Example.chat(null, null, tok.encode("what do you see"), tok.encode(" a face"))); // a short answer
        try (NDManager m = NDManager.newBaseManager()) {
            Batch batch = new Batch(cfg, ex, true);
            // logits: random, fixed
            java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
            float[] v = new float[batch.size * batch.length * tok.vocabSize()];
            for (int i = 0; i < v.length; i++) v[i] = (float) rng.nextGaussian();
            NDArray logits = m.create(v, new ai.djl.ndarray.types.Shape(batch.size, batch.length, tok.vocabSize()));
            // reference, by hand
            double[] itemSum = new double[batch.size];
            int[] itemN = new int[batch.size];
            double all = 0;
            int allN = 0;
            for (int b = 0; b < batch.size; b++) {
                for (int t = 0; t < batch.length; t++) {
                    if (batch.lossMask[b * batch.length + t] == 0) continue;
                    int base = (b * batch.length + t) * tok.vocabSize();
                    double max = Double.NEGATIVE_INFINITY, z = 0;
                    for (int k = 0; k < tok.vocabSize(); k++) max = Math.max(max, v[base + k]);
                    for (int k = 0; k < tok.vocabSize(); k++) z += Math.exp(v[base + k] - max);
                    double nll = -(v[base + batch.targets[b * batch.length + t]] - max - Math.log(z));
                    itemSum[b] += nll;
                    itemN[b]++;
                    all += nll;
                    allN++;
                }
            }
            assertTrue(itemN[0] > 3 * itemN[1], "the text has many more learned tokens than the answer");
            double itemMean = (itemSum[0] / itemN[0] + itemSum[1] / itemN[1]) / 2;
            assertEquals(itemMean, Losses.itemMeanCrossEntropy(logits, batch).getFloat(), 1e-4);
            assertEquals(all / allN, Losses.answerCrossEntropy(logits, batch).getFloat(), 1e-4);
        }
    }
}

package org.topoomni.backbones.tinyomni;

import org.topoomni.model.LayerHook;
import org.topoomni.task.AnswerScores;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What pretraining reached, on held-out items: the share of answers that name the right
 * category (visual and auditory families separately, judged by {@link AnswerScores}), and the
 * language model's perplexity on held-out text against a unigram model of the training text.
 */
public final class PretrainEvaluation {

    public record Result(double visualAccuracy, int visualItems, double auditoryAccuracy, int auditoryItems,
                         Map<String, Double> accuracyByFamily, Map<String, Double> accuracyByCategory,
                         double perplexity, double unigramPerplexity, int heldOutTextTokens, List<AnswerScores.Judged> answers) {}

    private PretrainEvaluation() {}

    /** A text's tokens and the end token: what the language model predicts. */
    private static int[] withEos(int[] ids) {
        int[] out = java.util.Arrays.copyOf(ids, ids.length + 1);
        out[ids.length] = Tokenizer.EOS_ID;
        return out;
    }

    public static Result evaluate(NDManager manager, TinyOmni model, List<PretrainItem> heldOut, List<PretrainItem> train,
                                  List<String> categories, int batchSize) {
        Tokenizer tok = model.tokenizer();
        List<AnswerScores.Judged> judged = new ArrayList<>();
        List<PretrainItem> chat = heldOut.stream().filter(t -> !t.example().plainText() && !t.family().equals("arithmetic")).toList();
        for (int i = 0; i < chat.size(); i += batchSize) {
            List<PretrainItem> part = chat.subList(i, Math.min(chat.size(), i + batchSize));
            List<int[]> out = model.generateIds(manager, part.stream().map(PretrainItem::example).toList(), 8, LayerHook.NONE);
            for (int k = 0; k < part.size(); k++) {
                PretrainItem t = part.get(k);
                judged.add(AnswerScores.judge(t.id(), t.family(), t.category(), t.answer(), tok.decode(out.get(k)).strip(), categories));
            }
        }
        AnswerScores.Summary sum = AnswerScores.summarise(judged);

        // Perplexity of held-out text, and of a unigram model (add-one) fitted to the training text.
        List<PretrainItem> text = heldOut.stream().filter(t -> t.example().plainText()).toList();
        double nll = 0;
        long tokens = 0;
        for (int i = 0; i < text.size(); i += batchSize) {
            List<Example> part = text.subList(i, Math.min(text.size(), i + batchSize)).stream().map(PretrainItem::example).toList();
            Batch b = new Batch(model.config(), part, true);
            float n = 0;
            for (float v : b.lossMask) n += v;
            try (NDManager m = manager.newSubManager()) {
                NDArray logits = model.forward(m, b, LayerHook.NONE);
                nll += Losses.answerCrossEntropy(logits, b).getFloat() * n;
            }
            tokens += (long) n;
        }
        List<int[]> trainText = new ArrayList<>(), heldText = new ArrayList<>();
        for (PretrainItem t : train) if (t.example().plainText()) trainText.add(withEos(t.example().prompt()));
        for (PretrainItem t : text) heldText.add(withEos(t.example().prompt()));
        double uniNll = AnswerScores.unigramNll(trainText, heldText, tok.vocabSize());
        double ppl = tokens == 0 ? Double.NaN : Math.exp(nll / tokens);
        double uniPpl = tokens == 0 ? Double.NaN : Math.exp(uniNll / tokens);
        return new Result(sum.visualAccuracy(), sum.visualItems(), sum.auditoryAccuracy(), sum.auditoryItems(), sum.byFamily(), sum.byCategory(),
                ppl, uniPpl, (int) tokens, judged);
    }
}

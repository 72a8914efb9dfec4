package org.topoomni.backbones.tinyomni;

import org.topoomni.model.LayerHook;
import org.topoomni.task.Answers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What pretraining reached, on held-out items: the share of answers that name the right
 * category (visual and auditory families separately, judged by {@link Answers}), and the
 * language model's perplexity on held-out text against a unigram model of the training text.
 */
public final class PretrainEvaluation {

    /** One judged answer. */
    public record Judged(String id, String kind, String category, String answer, String judgedAs, boolean correct) {}

    public record Result(double visualAccuracy, int visualItems, double auditoryAccuracy, int auditoryItems,
                         Map<String, Double> accuracyByKind, Map<String, Double> accuracyByCategory,
                         double perplexity, double unigramPerplexity, int heldOutTextTokens, List<Judged> answers) {}

    private PretrainEvaluation() {}

    public static Result evaluate(NDManager manager, TinyOmni model, List<PretrainItem> heldOut, List<PretrainItem> train,
                                  List<String> categories, int batchSize) {
        Tokenizer tok = model.tokenizer();
        List<Judged> judged = new ArrayList<>();
        List<PretrainItem> chat = heldOut.stream().filter(t -> !t.example().plainText() && !t.kind().equals("arithmetic")).toList();
        for (int i = 0; i < chat.size(); i += batchSize) {
            List<PretrainItem> part = chat.subList(i, Math.min(chat.size(), i + batchSize));
            List<int[]> out = model.generateIds(manager, part.stream().map(PretrainItem::example).toList(), 8, LayerHook.NONE);
            for (int k = 0; k < part.size(); k++) {
                PretrainItem t = part.get(k);
                String answer = tok.decode(out.get(k)).strip();
                boolean correct;
                String as;
                if (t.kind().equals("audiovisual")) {
                    as = answer;
                    correct = answer.equalsIgnoreCase(t.answer().strip());
                } else {
                    as = Answers.classify(answer, categories);
                    correct = as != null && Answers.phrase(as).equals(Answers.phrase(t.category()));
                }
                judged.add(new Judged(t.id(), t.kind(), t.category(), answer, as, correct));
            }
        }
        Map<String, int[]> byKind = new TreeMap<>(), byCat = new TreeMap<>();
        for (Judged j : judged) {
            byKind.computeIfAbsent(j.kind(), k -> new int[2]);
            byKind.get(j.kind())[0] += j.correct() ? 1 : 0;
            byKind.get(j.kind())[1]++;
            byCat.computeIfAbsent(j.kind() + "/" + j.category(), k -> new int[2]);
            byCat.get(j.kind() + "/" + j.category())[0] += j.correct() ? 1 : 0;
            byCat.get(j.kind() + "/" + j.category())[1]++;
        }
        Map<String, Double> kindAcc = new LinkedHashMap<>(), catAcc = new LinkedHashMap<>();
        byKind.forEach((k, v) -> kindAcc.put(k, v[0] / (double) v[1]));
        byCat.forEach((k, v) -> catAcc.put(k, v[0] / (double) v[1]));
        int[] vis = byKind.getOrDefault("visual", new int[2]), aud = byKind.getOrDefault("auditory", new int[2]);

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
        double[] counts = new double[tok.vocabSize()];
        double total = 0;
        for (PretrainItem t : train) {
            if (!t.example().plainText()) continue;
            for (int id : t.example().prompt()) { counts[id]++; total++; }
            counts[Tokenizer.EOS_ID]++;
            total++;
        }
        double uniNll = 0;
        for (PretrainItem t : text) {
            for (int id : t.example().prompt()) uniNll -= Math.log((counts[id] + 1) / (total + counts.length));
            uniNll -= Math.log((counts[Tokenizer.EOS_ID] + 1) / (total + counts.length));
        }
        double ppl = tokens == 0 ? Double.NaN : Math.exp(nll / tokens);
        double uniPpl = tokens == 0 ? Double.NaN : Math.exp(uniNll / tokens);
        return new Result(vis[1] == 0 ? Double.NaN : vis[0] / (double) vis[1], vis[1],
                aud[1] == 0 ? Double.NaN : aud[0] / (double) aud[1], aud[1], kindAcc, catAcc, ppl, uniPpl, (int) tokens, judged);
    }
}

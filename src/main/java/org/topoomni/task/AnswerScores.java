package org.topoomni.task;

import org.topoomni.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores a backbone's answers to held-out {@link TaskItems}, the same way for every backbone
 * pretrained here: an answer about an image or a sound is right when {@link Answers} judges that
 * it names the item's category; an answer about an image with a sound must be the expected
 * answer itself. Accuracy per family and per family/category, and {@code answers.csv} with every
 * judgement.
 */
public final class AnswerScores {

    /** One judged answer. */
    public record Judged(String id, String family, String category, String answer, String judgedAs, boolean correct) {}

    /**
     * @param visualAccuracy   share right of the "visual" items (NaN without any)
     * @param auditoryAccuracy share right of the "auditory" items (NaN without any)
     * @param byFamily         share right per family
     * @param byCategory       share right per "family/category"
     */
    public record Summary(double visualAccuracy, int visualItems, double auditoryAccuracy, int auditoryItems,
                          Map<String, Double> byFamily, Map<String, Double> byCategory) {}

    private AnswerScores() {}

    /** Judges one answer; {@code categories} is the judge's vocabulary. */
    public static Judged judge(String id, String family, String category, String expected, String answer, List<String> categories) {
        String as;
        boolean correct;
        if (family.equals("audiovisual")) {
            as = answer;
            correct = answer.equalsIgnoreCase(expected.strip());
        } else {
            as = Answers.classify(answer, categories);
            correct = as != null && Answers.phrase(as).equals(Answers.phrase(category));
        }
        return new Judged(id, family, category, answer, as, correct);
    }

    public static Summary summarise(List<Judged> judged) {
        Map<String, int[]> byFamily = new TreeMap<>(), byCat = new TreeMap<>();
        for (Judged j : judged) {
            int[] k = byFamily.computeIfAbsent(j.family(), x -> new int[2]);
            k[0] += j.correct() ? 1 : 0;
            k[1]++;
            int[] c = byCat.computeIfAbsent(j.family() + "/" + j.category(), x -> new int[2]);
            c[0] += j.correct() ? 1 : 0;
            c[1]++;
        }
        Map<String, Double> familyAcc = new LinkedHashMap<>(), catAcc = new LinkedHashMap<>();
        byFamily.forEach((k, v) -> familyAcc.put(k, v[0] / (double) v[1]));
        byCat.forEach((k, v) -> catAcc.put(k, v[0] / (double) v[1]));
        int[] vis = byFamily.getOrDefault("visual", new int[2]), aud = byFamily.getOrDefault("auditory", new int[2]);
        return new Summary(vis[1] == 0 ? Double.NaN : vis[0] / (double) vis[1], vis[1],
                aud[1] == 0 ? Double.NaN : aud[0] / (double) aud[1], aud[1], familyAcc, catAcc);
    }

    /**
     * The negative log-likelihood (nats, summed) of held-out token sequences under a unigram
     * model with add-one smoothing fitted to training sequences: the baseline that a language
     * model's held-out perplexity is read against. Each sequence holds the tokens a model
     * predicts, its end token included.
     */
    public static double unigramNll(List<int[]> train, List<int[]> heldOut, int vocabulary) {
        double[] counts = new double[vocabulary];
        double total = 0;
        for (int[] t : train) {
            for (int id : t) {
                counts[id]++;
                total++;
            }
        }
        double nll = 0;
        for (int[] t : heldOut) for (int id : t) nll -= Math.log((counts[id] + 1) / (total + counts.length));
        return nll;
    }

    /** Writes every judgement as CSV: id, kind (the family), category, answer, judged_as, correct. */
    public static void writeCsv(Path file, List<Judged> answers) throws IOException {
        StringBuilder sb = new StringBuilder("id,kind,category,answer,judged_as,correct\n");
        for (Judged j : answers) {
            sb.append(csv(j.id())).append(',').append(j.family()).append(',').append(j.category()).append(',')
                    .append(csv(j.answer())).append(',').append(j.judgedAs() == null ? "" : csv(j.judgedAs())).append(',')
                    .append(j.correct()).append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}

package org.topoomni.stimuli.text;

import org.topoomni.stimuli.Provenance;
import org.topoomni.stimuli.Stimulus;
import org.topoomni.stimuli.StimulusGenerator;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Multiple-demand localizer (Fedorenko et al. 2013; Duncan 2010): {@code arithmetic_hard},
 * multi-step problems on two-digit numbers where every step carries or borrows (e.g. "What is
 * 47 + 38 - 19?"), vs {@code arithmetic_easy}, one step on single digits without carry (e.g.
 * "What is 3 + 4?"). Only + and - appear, evaluated left to right. Attributes: "answer" (the
 * integer result), "expression", "steps" and "carries" (steps that carry or borrow).
 */
public final class ArithmeticGenerator implements StimulusGenerator {
    public static final String HARD = "arithmetic_hard", EASY = "arithmetic_easy";
    private static final List<String> CATEGORIES = List.of(HARD, EASY);
    private static final String[] FRAMES = {"What is %s?", "What is %s?", "Compute %s.", "How much is %s?"};

    @Override
    public String family() { return "text"; }

    @Override
    public List<String> categories() { return CATEGORIES; }

    @Override
    public String source(String category) { return "template"; }

    @Override
    public Stimulus generate(String category, int index, int run, long seed) {
        TextItems.check(this, category, index, run);
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder expr = new StringBuilder();
        int answer, steps, carries;
        if (category.equals(EASY)) {
            int a, b;
            boolean plus = r.nextInt(3) > 0;
            if (plus) {
                do { // a + b <= 9: no carry; every such pair equally likely
                    a = 1 + r.nextInt(8);
                    b = 1 + r.nextInt(8);
                } while (a + b > 9);
                answer = a + b;
            } else {
                a = 2 + r.nextInt(8);
                b = 1 + r.nextInt(a - 1);
                answer = a - b;
            }
            expr.append(a).append(plus ? " + " : " - ").append(b);
            steps = 1;
            carries = 0;
        } else {
            // draw whole problems until every step carries (ones digits sum to 10 or more) or
            // borrows (the subtrahend's ones digit is larger) and the result stays positive
            steps = 2 + r.nextInt(2);
            int acc;
            boolean ok;
            do {
                expr.setLength(0);
                acc = 11 + r.nextInt(89);
                expr.append(acc);
                ok = true;
                for (int s = 0; s < steps && ok; s++) {
                    boolean plus = r.nextBoolean();
                    int x = 11 + r.nextInt(89);
                    if (plus) {
                        ok = acc % 10 + x % 10 >= 10;
                        acc += x;
                    } else {
                        ok = x % 10 > acc % 10 && x < acc;
                        acc -= x;
                    }
                    expr.append(plus ? " + " : " - ").append(x);
                }
            } while (!ok);
            carries = steps;
            answer = acc;
        }
        String text = String.format(java.util.Locale.ROOT, FRAMES[r.nextInt(FRAMES.length)], expr);
        Map<String, String> attrs = Map.of(
                "answer", Integer.toString(answer),
                "expression", expr.toString(),
                "steps", Integer.toString(steps),
                "carries", Integer.toString(carries));
        return new Stimulus(TextItems.id(category, index), category, run, null, null, text, attrs,
                Provenance.generated("text/" + getClass().getSimpleName(), seed));
    }
}

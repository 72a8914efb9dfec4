package org.topoomni.stimuli.text;

import org.topoomni.stimuli.Provenance;
import org.topoomni.stimuli.Seeds;
import org.topoomni.stimuli.Stimulus;
import org.topoomni.stimuli.StimulusGenerator;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Language localizer (Fedorenko et al. 2010): {@code sentences}, plain English sentences from
 * {@link SentenceGrammar}, vs {@code nonwords}, lists of pronounceable nonwords
 * ({@link NonwordModel}). Nonword item i is made from the same seed as sentence item i (shared
 * {@link #seedKey}): it replaces every word of that very sentence by a distinct nonword of about
 * the same length (within one letter, at least three), keeping the capital and the full stop, so
 * the two conditions match in word count, length and format and differ only in lexical and
 * syntactic content.
 */
public final class LanguageGenerator implements StimulusGenerator {
    public static final String SENTENCES = "sentences", NONWORDS = "nonwords";
    private static final List<String> CATEGORIES = List.of(SENTENCES, NONWORDS);

    private final NonwordModel nonwords;

    public LanguageGenerator() {
        this(NonwordModel.system());
    }

    public LanguageGenerator(NonwordModel nonwords) {
        if (nonwords == null) throw new IllegalArgumentException("nonword model must not be null");
        this.nonwords = nonwords;
    }

    @Override
    public String family() { return "text"; }

    @Override
    public List<String> categories() { return CATEGORIES; }

    @Override
    public String source(String category) { return "template"; }

    @Override
    public String seedKey(String category) { return SENTENCES; }

    @Override
    public Stimulus generate(String category, int index, int run, long seed) {
        TextItems.check(this, category, index, run);
        SplittableRandom r = new SplittableRandom(seed);
        int template = r.nextInt(SentenceGrammar.templates());
        String sentence = SentenceGrammar.sentence(r, template);
        String[] words = TextItems.words(sentence);
        String text = sentence;
        if (category.equals(NONWORDS)) {
            SplittableRandom n = new SplittableRandom(Seeds.derive(seed, NONWORDS));
            Set<String> used = new HashSet<>();
            StringBuilder sb = new StringBuilder();
            for (String w : words) {
                String nw = nonwords.nonword(n, w.length(), used);
                used.add(nw);
                if (sb.length() > 0) sb.append(' ');
                sb.append(nw);
            }
            text = Words.capitalise(sb.toString()) + ".";
            words = TextItems.words(text);
        }
        Map<String, String> attrs = Map.of(
                "words", Integer.toString(words.length),
                "letters", Integer.toString(TextItems.letters(words)),
                "template", Integer.toString(template));
        return new Stimulus(TextItems.id(category, index), category, run, null, null, text, attrs,
                Provenance.generated("text/" + getClass().getSimpleName(), seed));
    }
}

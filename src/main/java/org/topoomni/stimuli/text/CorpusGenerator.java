package org.topoomni.stimuli.text;

import org.topoomni.stimuli.Provenance;
import org.topoomni.stimuli.Stimulus;
import org.topoomni.stimuli.StimulusGenerator;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The text pretraining corpus ({@code corpus}): items cycle through three sources by index, a
 * sentence from the installed fortune files ({@link Fortunes}), a generated sentence
 * ({@link SentenceGrammar}) and a caption of a picture or sound ({@link Captions}); without the
 * fortune files the corpus alternates sentences and captions. Attribute "kind" says which, and
 * captions carry "about" (the stimulus category they describe). The library makes
 * {@link #FACTOR} times the per-category count of corpus items.
 */
public final class CorpusGenerator implements StimulusGenerator {
    public static final String CORPUS = "corpus";
    /** Corpus items per exemplar asked for per category (64 -> 2048 items). */
    public static final int FACTOR = 32;

    private final List<String> fortunes;
    private final int factor;

    public CorpusGenerator() {
        this(Fortunes.system(), FACTOR);
    }

    public CorpusGenerator(List<String> fortunes, int factor) {
        if (fortunes == null) throw new IllegalArgumentException("fortunes must not be null (use an empty list)");
        if (factor < 1) throw new IllegalArgumentException("corpus factor must be >= 1, got " + factor);
        this.fortunes = List.copyOf(fortunes);
        this.factor = factor;
    }

    @Override
    public String family() { return "text"; }

    @Override
    public List<String> categories() { return List.of(CORPUS); }

    @Override
    public String source(String category) { return fortunes.isEmpty() ? "template" : "fortunes+template"; }

    @Override
    public int count(String category, int perCategory) { return Math.multiplyExact(perCategory, factor); }

    /** The fortune sentences this corpus draws from. */
    public int fortunes() { return fortunes.size(); }

    @Override
    public Stimulus generate(String category, int index, int run, long seed) {
        TextItems.check(this, category, index, run);
        SplittableRandom r = new SplittableRandom(seed);
        int sources = fortunes.isEmpty() ? 2 : 3;
        int k = index % sources;
        String text, source, about = null;
        if (k == 2) {
            text = fortunes.get(r.nextInt(fortunes.size()));
            source = "fortune";
        } else if (k == 0) {
            text = SentenceGrammar.sentence(r);
            source = "sentence";
        } else {
            Captions.Caption c = Captions.caption(r);
            text = c.text();
            about = c.about();
            source = "caption";
        }
        Map<String, String> attrs = about == null ? Map.of("kind", source) : Map.of("kind", source, "about", about);
        return new Stimulus(TextItems.id(category, index), category, run, null, null, text, attrs,
                Provenance.generated("text/" + getClass().getSimpleName(), seed));
    }
}

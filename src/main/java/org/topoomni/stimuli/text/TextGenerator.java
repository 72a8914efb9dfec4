package org.topoomni.stimuli.text;

import org.topoomni.stimuli.CompositeGenerator;
import org.topoomni.stimuli.StimulusGenerator;

import java.util.List;

/**
 * The "text" family: every text localizer and the pretraining corpus, fed to the model as
 * tokens. Categories: sentences, nonwords (language, {@link LanguageGenerator}); false_belief,
 * false_photo (theory of mind, {@link TheoryOfMindGenerator}); arithmetic_hard,
 * arithmetic_easy (multiple demand, {@link ArithmeticGenerator}); corpus
 * ({@link CorpusGenerator}).
 */
public final class TextGenerator extends CompositeGenerator {

    /** With the system word list and fortune files (each falls back if missing). */
    public TextGenerator() {
        this(List.of(new LanguageGenerator(), new TheoryOfMindGenerator(), new ArithmeticGenerator(),
                new CorpusGenerator()));
    }

    public TextGenerator(List<? extends StimulusGenerator> parts) {
        super("text", parts);
    }
}

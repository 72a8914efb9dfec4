package org.topoomni.backbones.qwen;

import org.topoomni.model.Answer;
import org.topoomni.model.ModelInput;
import org.topoomni.model.Processor;
import org.topoomni.stimuli.Stimulus;

/**
 * Qwen2.5-Omni's front end for the rest of the program ({@link QwenProcessor} does the work): a
 * chat turn about a stimulus, its image and/or sound with the prompt as the user's text (a
 * stimulus's own text is the prompt when none is given); a plain text with no chat framing;
 * answers tokenised as they follow the assistant header.
 */
final class QwenOmniProcessor implements Processor {
    private final QwenProcessor p;

    QwenOmniProcessor(QwenProcessor p) {
        this.p = p;
    }

    @Override
    public ModelInput chat(Stimulus s, String prompt) {
        String text = prompt != null ? prompt : s.hasText() ? s.text().strip() : "";
        return new QwenInput(p.chat(s.image(), s.audio(), text), false);
    }

    @Override
    public ModelInput plainText(String text) {
        return new QwenInput(p.plainText(text), true);
    }

    @Override
    public ModelInput withAnswer(ModelInput input, Answer answer) {
        QwenInput q = QwenInput.of(input);
        if (q.plainText()) throw new IllegalArgumentException("a plain text has no answer; it is learned token by token");
        return new QwenInput(p.withAnswer(q.row(), answer.tokens()), false);
    }

    @Override
    public Answer answer(String text) {
        return new Answer(text, p.answerTokens(text));
    }
}

package org.topoomni.backbones.tinyomni;

import org.topoomni.stimuli.Stimulus;
import org.topoomni.task.HeldOut;
import org.topoomni.task.Prompts;
import org.topoomni.task.TaskItems;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * TinyOmni's multitask pretraining material: a stimulus library read as questions and answers
 * ({@link TaskItems}: images -> a short answer naming what is seen; sounds -> what is heard;
 * image + sound -> both; arithmetic problems -> the number; texts -> next-token prediction; the
 * {@link HeldOut} split by source file), preprocessed once for TinyOmni's input sizes.
 */
public final class PretrainCorpus {
    /** Fraction of each category that pretraining holds out for evaluation. */
    public static final double HELD_OUT_FRACTION = HeldOut.FRACTION;

    /** One item before tokenisation. */
    public record Raw(String id, String family, String category, float[] image, float[] mel, String prompt, String answer,
                      boolean heldOut) {}

    private final List<Raw> items;

    private PretrainCorpus(List<Raw> items) {
        this.items = items;
    }

    public List<Raw> items() { return items; }

    /** Reads the families of a library that exist (visual, auditory, tonotopy, retinotopy, audiovisual, text). */
    public static PretrainCorpus read(Path library, OmniConfig cfg, double heldOutFraction, long seed) {
        return read(List.of(library), cfg, heldOutFraction, seed);
    }

    /** Reads several libraries (e.g. the localizer library and extra pretraining exemplars). */
    public static PretrainCorpus read(List<Path> libraries, OmniConfig cfg, double heldOutFraction, long seed) {
        List<TaskItems.Item> task = TaskItems.read(libraries, heldOutFraction, seed);
        List<Raw> out = task.parallelStream().map(t -> {
            Stimulus s = t.stimulus();
            boolean image = !t.plainText() && !t.family().equals("arithmetic") && s.hasImage();
            boolean sound = !t.plainText() && !t.family().equals("arithmetic") && s.hasAudio();
            return new Raw(t.id(), t.family(), t.category(), image ? Preprocess.image(s.image(), cfg.imageSize()) : null,
                    sound ? Preprocess.audio(s.audio(), cfg.audioFrames(), cfg.melBands()) : null, t.prompt(), t.answer(), t.heldOut());
        }).toList();
        return new PretrainCorpus(new ArrayList<>(out));
    }

    /** Every string the tokenizer should learn from (training items only). */
    public List<String> tokenizerCorpus() {
        List<String> out = new ArrayList<>();
        for (Raw r : items) {
            if (r.heldOut()) continue;
            out.add(r.prompt());
            if (!r.answer().isEmpty()) out.add(" " + r.answer());
        }
        out.addAll(Prompts.VISUAL);
        out.addAll(Prompts.AUDIO);
        out.addAll(Prompts.AUDIOVISUAL);
        return out;
    }

    /** Tokenised items; answers get a leading space (they follow the assistant marker). */
    public List<PretrainItem> encode(Tokenizer tok, boolean heldOut, int maxPositions) {
        List<PretrainItem> out = new ArrayList<>();
        for (Raw r : items) {
            if (r.heldOut() != heldOut) continue;
            Example e;
            if (r.family().equals("text")) {
                int[] ids = tok.encode(r.prompt());
                int max = maxPositions - 2;
                if (ids.length > max) ids = java.util.Arrays.copyOf(ids, max);
                if (ids.length < 2) continue;
                e = Example.text(ids);
            } else {
                e = Example.chat(r.image(), r.mel(), tok.encode(r.prompt()), tok.encode(" " + r.answer()));
            }
            out.add(new PretrainItem(r.id(), e, r.family(), r.category(), r.answer()));
        }
        return out;
    }
}

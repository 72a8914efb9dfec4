package org.topoomni.stimuli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The "audiovisual" family for topographic training: an image from a visual generator and a
 * sound from an auditory generator presented together with a prompt text, so that every stack
 * of the model (vision, audio, language) responds to every training item. Congruent pairs
 * (faces+speech, bodies+vocal, words+speech, instruments+music, scenes/landscapes/animals/
 * vehicles/tools+nonvocal) are named "&lt;visual&gt;+&lt;auditory&gt;"; only pairs whose two
 * categories exist are made. Category "random" pairs a random visual category with a random
 * auditory one. Attributes: visual_category, audio_category, congruent, answer, and the parts'
 * own attributes prefixed "visual." and "audio.". Works with any two generators.
 */
public final class AudiovisualGenerator implements StimulusGenerator {
    public static final String FAMILY = "audiovisual", RANDOM = "random";
    /** Congruent pairs, visual category then auditory category. */
    public static final List<String[]> CONGRUENT = List.of(
            new String[] {"faces", "speech"},
            new String[] {"bodies", "vocal"},
            new String[] {"words", "speech"},
            new String[] {"instruments", "music"},
            new String[] {"scenes", "nonvocal"},
            new String[] {"landscapes", "nonvocal"},
            new String[] {"animals", "nonvocal"},
            new String[] {"vehicles", "nonvocal"},
            new String[] {"tools", "nonvocal"});
    private static final String[] PROMPTS = {"What do you see and hear?", "Describe the picture and the sound.",
            "Name what is shown and what is heard.", "What is in the image, and what is the sound?",
            "Look and listen: what are they?", "Tell me what you see and what you hear."};

    private final StimulusGenerator visual, auditory;
    private final Map<String, String[]> pairs = new LinkedHashMap<>();
    private final List<String> categories;

    public AudiovisualGenerator(StimulusGenerator visual, StimulusGenerator auditory) {
        if (visual == null || auditory == null) throw new IllegalArgumentException("audiovisual needs a visual and an auditory generator");
        this.visual = visual;
        this.auditory = auditory;
        for (String[] p : CONGRUENT) {
            if (visual.categories().contains(p[0]) && auditory.categories().contains(p[1])) pairs.put(p[0] + "+" + p[1], p);
        }
        List<String> cats = new ArrayList<>(pairs.keySet());
        cats.add(RANDOM);
        categories = List.copyOf(cats);
    }

    @Override
    public String family() { return FAMILY; }

    @Override
    public List<String> categories() { return categories; }

    @Override
    public String source(String category) {
        String[] p = pairs.get(category);
        if (p == null) return visual.family() + "+" + auditory.family();
        return visual.source(p[0]) + "+" + auditory.source(p[1]);
    }

    @Override
    public Stimulus generate(String category, int index, int run, long seed) {
        if (category == null || !categories.contains(category)) {
            throw new IllegalArgumentException("unknown audiovisual category '" + category + "'; known: " + String.join(", ", categories));
        }
        if (index < 0) throw new IllegalArgumentException("index must be >= 0, got " + index);
        SplittableRandom r = new SplittableRandom(seed);
        String vc, ac;
        boolean congruent = !category.equals(RANDOM);
        if (congruent) {
            vc = pairs.get(category)[0];
            ac = pairs.get(category)[1];
        } else {
            vc = visual.categories().get(r.nextInt(visual.categories().size()));
            ac = auditory.categories().get(r.nextInt(auditory.categories().size()));
        }
        String prompt = PROMPTS[r.nextInt(PROMPTS.length)];
        Stimulus img = visual.generate(vc, index, run, Seeds.derive(seed, "image"));
        Stimulus snd = auditory.generate(ac, index, run, Seeds.derive(seed, "sound"));
        if (!img.hasImage()) throw new IllegalStateException(visual.family() + "/" + vc + " made no image");
        if (!snd.hasAudio()) throw new IllegalStateException(auditory.family() + "/" + ac + " made no audio");
        Map<String, String> attrs = new TreeMap<>();
        img.attributes().forEach((k, v) -> attrs.put("visual." + k, v));
        snd.attributes().forEach((k, v) -> attrs.put("audio." + k, v));
        attrs.put("visual_category", vc);
        attrs.put("audio_category", ac);
        attrs.put("congruent", Boolean.toString(congruent));
        attrs.put("answer", vc.replace('_', ' ') + " and " + ac.replace('_', ' '));
        String id = category + "_" + String.format(java.util.Locale.ROOT, "%04d", index);
        return new Stimulus(id, category, run, img.image(), snd.audio(), prompt, attrs,
                Provenance.generated(FAMILY, seed));
    }
}

package org.topoomni.stimuli.text;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain English declarative sentences from 16 templates with word slots (people, objects,
 * places, verbs, times), about 7 to 14 words each: the "sentences" condition of the language
 * localizer (Fedorenko et al. 2010) and part of the pretraining corpus. Each slot is filled
 * independently, so two sentences rarely repeat.
 */
public final class SentenceGrammar {
    private static final String[] TEMPLATES = {
            "The {adj} {person} {vt} the {thing} near the {place}.",
            "After the {event}, {Name} {vi} {adv} to the {place}.",
            "{Name} said that the {person} had {vpp} the {adj} {thing}.",
            "When the {animal} {animaldid}, the children {vt} the {thing}.",
            "My {relative} always {vs} {adj} {things} in the {daytime}.",
            "The {thing} that {Name} bought {when} was {comp} than the old one.",
            "Every {daytime}, {Name} walks the {animal} along the {landmark} before work.",
            "Because the {weather}, the {person} {vt} the {thing} inside the {place}.",
            "The {person} who lives near the {place} {vt} {a_adj} {thing} {when}.",
            "{Name} quickly {vt} the {thing} and handed it to the {person}.",
            "Nobody knew why the {adj} {person} had left the {place} so early.",
            "The {things} on the {surface} belong to the {person} from the {place}.",
            "If the {event} starts late, {Name} will {vbase} the {thing} at the {place}.",
            "The {person} carefully {vt} the {adj} {thing} while the {animal} watched.",
            "{Name} and {Name2} {vi} {adv} through the {place} after the {event}.",
            "The {place} near the {landmark} was {vplace} by the {people} last {season}.",
    };
    private static final Pattern SLOT = Pattern.compile("\\{([A-Za-z_0-9]+)}");
    private static final Map<String, String[]> LISTS = new HashMap<>();
    private static final String[] NAMES;

    static {
        LISTS.put("adj", Words.ADJ);
        LISTS.put("person", Words.PERSON);
        LISTS.put("thing", Words.THING);
        LISTS.put("things", Words.THINGS);
        LISTS.put("place", Words.PLACE);
        LISTS.put("vt", Words.VT);
        LISTS.put("vpp", Words.VPP);
        LISTS.put("vplace", Words.VPP_PLACE);
        LISTS.put("vbase", Words.VBASE);
        LISTS.put("vi", Words.VI);
        LISTS.put("adv", Words.ADV);
        LISTS.put("event", Words.EVENT);
        LISTS.put("animal", Words.ANIMAL);
        LISTS.put("animaldid", Words.ANIMAL_DID);
        LISTS.put("relative", Words.RELATIVE);
        LISTS.put("vs", Words.VS);
        LISTS.put("when", Words.WHEN);
        LISTS.put("comp", Words.COMP);
        LISTS.put("weather", Words.WEATHER);
        LISTS.put("surface", Words.SURFACE);
        LISTS.put("daytime", Words.DAYTIME);
        LISTS.put("landmark", Words.LANDMARK);
        LISTS.put("people", Words.PEOPLE);
        LISTS.put("season", Words.SEASON);
        NAMES = new String[Words.FEMALE.length + Words.MALE.length];
        System.arraycopy(Words.FEMALE, 0, NAMES, 0, Words.FEMALE.length);
        System.arraycopy(Words.MALE, 0, NAMES, Words.FEMALE.length, Words.MALE.length);
    }

    private SentenceGrammar() {}

    /** Number of sentence templates. */
    public static int templates() {
        return TEMPLATES.length;
    }

    /** A sentence from a random template. */
    public static String sentence(SplittableRandom r) {
        return sentence(r, r.nextInt(TEMPLATES.length));
    }

    /** A sentence from template {@code t}. */
    public static String sentence(SplittableRandom r, int t) {
        String[] names = Words.pick2(r, NAMES);
        Matcher m = SLOT.matcher(TEMPLATES[t]);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String v = switch (key) {
                case "Name" -> names[0];
                case "Name2" -> names[1];
                case "a_adj" -> {
                    String a = Words.pick(r, Words.ADJ);
                    yield Words.article(a) + " " + a;
                }
                default -> {
                    String[] list = LISTS.get(key);
                    if (list == null) throw new IllegalStateException("unknown slot {" + key + "}");
                    yield Words.pick(r, list);
                }
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return Words.capitalise(sb.toString());
    }
}

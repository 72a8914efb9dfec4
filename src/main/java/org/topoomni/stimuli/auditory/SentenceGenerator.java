package org.topoomni.stimuli.auditory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Generates plain English sentences for espeak-ng to speak: grammatical templates filled from a
 * small built-in lexicon (names, people, animals, objects, places, verbs, adjectives, times),
 * mixed with short single-sentence fortune cookies from the Debian {@code fortunes} package when
 * it is installed (/usr/share/games/fortunes). The sentences carry ordinary English syntax and
 * prosody, which is what the speech localizer contrasts with its quilted version.
 */
public final class SentenceGenerator {
    /** Folder of the Debian fortunes package. */
    public static final Path FORTUNES = Path.of("/usr/share/games/fortunes");
    /** Fortune files used (the benign ones); missing files are skipped. */
    static final List<String> FORTUNE_FILES = List.of("art", "computers", "cookie", "education", "food",
            "fortunes", "kids", "miscellaneous", "pets", "platitudes", "science", "wisdom", "work");

    private static final String[] NAMES = {"Anna", "Ben", "Clara", "David", "Emma", "Frank", "Grace", "Henry",
            "Irene", "Jack", "Karen", "Leo", "Maria", "Nick", "Olivia", "Peter", "Rosa", "Sam", "Tina", "Victor",
            "Wendy", "Oscar", "Lucy", "Martin", "Nora", "Paul", "Julia", "Tom", "Helen", "Adam"};
    private static final String[] PEOPLE = {"teacher", "doctor", "farmer", "baker", "neighbour", "pilot", "painter",
            "student", "driver", "nurse", "gardener", "singer", "old man", "young woman", "little boy", "girl",
            "fisherman", "waiter", "mechanic", "librarian"};
    private static final String[] ANIMALS = {"dog", "cat", "horse", "bird", "cow", "goat", "rabbit", "fox", "duck",
            "sheep", "owl", "mouse", "frog", "squirrel", "donkey"};
    private static final String[] THINGS = {"book", "letter", "basket", "lamp", "bicycle", "guitar", "coat", "key",
            "bottle", "blanket", "clock", "ladder", "camera", "kettle", "map", "umbrella", "box", "window",
            "chair", "newspaper", "bucket", "candle", "jacket", "ball", "spoon", "picture", "hammer", "rope"};
    private static final String[] FOODS = {"bread", "soup", "apples", "cheese", "rice", "cake", "tea", "coffee",
            "pears", "honey", "fish", "potatoes", "oranges", "milk"};
    private static final String[] PLACES = {"the kitchen", "the garden", "the station", "the market", "the river",
            "the library", "the harbour", "the village", "the forest", "the beach", "the bakery", "the hospital",
            "the old bridge", "the school", "the museum", "the park", "the farm", "the hill", "the shop",
            "the city centre"};
    private static final String[] ADJ = {"old", "small", "large", "heavy", "bright", "quiet", "red", "blue",
            "green", "wooden", "broken", "new", "warm", "cold", "strange", "beautiful", "dusty", "shiny", "soft",
            "yellow"};
    private static final String[] VERB_PAST_OBJ = {"found", "carried", "painted", "opened", "cleaned", "sold",
            "bought", "repaired", "dropped", "borrowed", "lost", "hid", "wrapped", "washed", "moved", "counted",
            "lifted", "noticed"};
    private static final String[] VERB_PAST_INTR = {"waited", "laughed", "slept", "listened", "smiled", "walked home",
            "sang quietly", "worked late", "stayed inside", "ran away", "sat down", "looked around"};
    private static final String[] TIMES = {"yesterday", "this morning", "last night", "on Sunday", "after lunch",
            "before dinner", "every evening", "in the spring", "at noon", "last winter", "early today",
            "after the rain"};
    private static final String[] ADVERBS = {"slowly", "carefully", "quickly", "quietly", "happily", "suddenly",
            "gently", "finally"};
    private static final String[] WEATHER = {"it was raining", "the sun was shining", "the wind was cold",
            "snow was falling", "the sky was grey", "the air was warm"};

    private static volatile List<String> fortunes;

    private final double fortuneShare;

    /** Sentences from templates, with a third of them from fortunes when available. */
    public SentenceGenerator() {
        this(1.0 / 3);
    }

    /** @param fortuneShare fraction (0-1) of sentences drawn from fortunes when they are installed */
    public SentenceGenerator(double fortuneShare) {
        if (!(fortuneShare >= 0 && fortuneShare <= 1)) {
            throw new IllegalArgumentException("fortune share must be in [0, 1], got " + fortuneShare);
        }
        this.fortuneShare = fortuneShare;
    }

    /** One sentence, with its source ("template" or "fortune"). */
    public record Sentence(String text, String source) {}

    /** One sentence ending with a full stop or question mark. */
    public Sentence next(SplittableRandom rng) {
        List<String> f = fortuneLines();
        if (!f.isEmpty() && rng.nextDouble() < fortuneShare) return new Sentence(f.get(rng.nextInt(f.size())), "fortune");
        return new Sentence(template(rng), "template");
    }

    /** Sentences joined by spaces until the text has at least {@code minWords} words. */
    public String text(SplittableRandom rng, int minWords) {
        StringBuilder sb = new StringBuilder();
        int words = 0;
        while (words < minWords) {
            String s = next(rng).text();
            if (sb.length() > 0) sb.append(' ');
            sb.append(s);
            words += s.split("\\s+").length;
        }
        return sb.toString();
    }

    /** A sentence from the templates only. */
    public static String template(SplittableRandom rng) {
        String name = pick(rng, NAMES), name2 = pick(rng, NAMES);
        String person = "the " + pick(rng, PEOPLE), animal = "the " + pick(rng, ANIMALS);
        String thing = pick(rng, THINGS), adj = pick(rng, ADJ), place = pick(rng, PLACES), time = pick(rng, TIMES);
        String s = switch (rng.nextInt(14)) {
            case 0 -> name + " " + pick(rng, VERB_PAST_OBJ) + " the " + adj + " " + thing + " in " + place + " " + time + ".";
            case 1 -> capital(person) + " " + pick(rng, VERB_PAST_INTR) + " while " + pick(rng, WEATHER) + ".";
            case 2 -> capital(time) + ", " + name + " and " + name2 + " walked to " + place + " to buy some " + pick(rng, FOODS) + ".";
            case 3 -> "Did " + name + " really leave the " + thing + " near " + place + "?";
            case 4 -> capital(animal) + " " + pick(rng, ADVERBS) + " crossed " + place + " and " + pick(rng, VERB_PAST_INTR) + ".";
            case 5 -> "When " + pick(rng, WEATHER) + ", " + person + " " + pick(rng, VERB_PAST_OBJ) + " a " + adj + " " + thing + ".";
            case 6 -> name + " told " + person + " that the " + thing + " was too " + pick(rng, ADJ_STATE) + ".";
            case 7 -> "There is a " + adj + " " + thing + " on the table next to the " + pick(rng, THINGS) + ".";
            case 8 -> capital(person) + " gave " + name + " a bowl of " + pick(rng, FOODS) + " " + time + ".";
            case 9 -> "We should take the " + thing + " to " + place + " before " + pick(rng, TIMES_FUTURE) + ".";
            case 10 -> name + " " + pick(rng, ADVERBS) + " " + pick(rng, VERB_PAST_OBJ) + " " + animal + "'s " + thing + ".";
            case 11 -> "After the meeting, " + person + " " + pick(rng, VERB_PAST_INTR) + " in " + place + ".";
            case 12 -> "Why did " + animal + " sleep under the " + adj + " " + thing + " " + time + "?";
            default -> "My " + pick(rng, RELATIVES) + " thinks that " + name + " will visit " + place + " " + pick(rng, TIMES_FUTURE) + ".";
        };
        return s;
    }

    private static final String[] ADJ_STATE = {"heavy", "expensive", "old", "small", "loud", "fragile", "dirty"};
    private static final String[] TIMES_FUTURE = {"tomorrow", "next week", "tonight", "the end of the month",
            "the weekend", "the summer"};
    private static final String[] RELATIVES = {"mother", "father", "brother", "sister", "uncle", "aunt",
            "grandmother", "cousin"};

    private static String pick(SplittableRandom rng, String[] a) {
        return a[rng.nextInt(a.length)];
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static final Pattern CLEAN = Pattern.compile("[A-Za-z][A-Za-z ,;'.?!-]+[.?!]");

    /** The usable fortune lines (sorted, so that picks do not depend on file order); empty if not installed. */
    static List<String> fortuneLines() {
        List<String> f = fortunes;
        if (f == null) {
            synchronized (SentenceGenerator.class) {
                f = fortunes;
                if (f == null) fortunes = f = loadFortunes(FORTUNES);
            }
        }
        return f;
    }

    static List<String> loadFortunes(Path dir) {
        List<String> out = new ArrayList<>();
        for (String name : FORTUNE_FILES) {
            Path p = dir.resolve(name);
            if (!Files.isRegularFile(p)) continue;
            String txt;
            try {
                txt = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                continue;
            }
            for (String item : txt.split("\n%\n")) {
                String s = item.replaceAll("\\s+", " ").strip();
                int words = s.split(" ").length;
                if (words >= 6 && words <= 22 && !s.contains("--") && CLEAN.matcher(s).matches()) out.add(s);
            }
        }
        Collections.sort(out);
        return List.copyOf(out.stream().distinct().toList());
    }
}

package org.topoomni.stimuli.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Short, clean English sentences from the fortune databases ({@code /usr/share/games/fortunes},
 * Debian package "fortunes"). Entries are separated by lines holding only '%'. An entry is kept
 * when, after dropping its attribution lines ("-- Author") and joining wrapped lines, it is 20
 * to 160 characters of plain ASCII prose: it starts with a capital letter, ends with . ! or ?,
 * has at least four words, no indented lines (verse, dialogue, code), no markup characters and
 * no words from a short list of crude or violent ones. Only general-interest files are read,
 * in a fixed order; duplicates are dropped. A missing folder gives an empty list.
 */
public final class Fortunes {
    public static final Path SYSTEM_DIR = Path.of("/usr/share/games/fortunes");
    /** The files read, in order (general-interest ones; e.g. "ethnic", "men-women", "drugs" are not). */
    public static final List<String> FILES = List.of("fortunes", "wisdom", "platitudes", "science", "literature",
            "people", "humorists", "food", "pets", "kids", "education", "work", "miscellaneous", "sports", "computers");
    private static final Set<String> BLOCKED = Set.of("sex", "sexy", "sexual", "damn", "damned", "hell", "kill",
            "killed", "killing", "dead", "death", "die", "dies", "drunk", "beer", "whisky", "whiskey", "wine", "bitch",
            "bastard", "ass", "piss", "shit", "fuck", "god", "jesus", "christ", "suicide", "murder", "gun", "guns",
            "war", "nazi", "rape", "naked", "nude", "breasts", "drugs", "marijuana", "prostitute", "hate", "stupid",
            "idiot", "idiots", "fat", "ugly", "wife", "wives", "husband", "women", "woman", "girls", "virgin", "pope",
            "bomb", "bible", "church", "religion", "hanged");

    private Fortunes() {}

    private static final class Holder {
        static final List<String> SYSTEM = load(SYSTEM_DIR);
    }

    /** The filtered sentences of the installed fortune files (loaded once). */
    public static List<String> system() {
        return Holder.SYSTEM;
    }

    /** The filtered sentences of the fortune files in {@code dir}. */
    public static List<String> load(Path dir) {
        Set<String> out = new LinkedHashSet<>();
        for (String name : FILES) {
            Path f = dir.resolve(name);
            if (!Files.isRegularFile(f)) continue;
            String content;
            try {
                content = Files.readString(f, StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                continue;
            }
            out.addAll(parse(content));
        }
        return List.copyOf(out);
    }

    /** The kept sentences of one %-separated fortune file's content. */
    public static List<String> parse(String content) {
        List<String> out = new ArrayList<>();
        StringBuilder entry = new StringBuilder();
        for (String line : content.split("\\R", -1)) {
            if (line.equals("%")) {
                clean(entry.toString()).ifPresent(out::add);
                entry.setLength(0);
            } else {
                entry.append(line).append('\n');
            }
        }
        clean(entry.toString()).ifPresent(out::add);
        return out;
    }

    static java.util.Optional<String> clean(String entry) {
        StringBuilder sb = new StringBuilder();
        for (String line : entry.split("\n")) {
            if (line.isBlank()) continue;
            if (line.strip().startsWith("--")) continue; // attribution
            if (Character.isWhitespace(line.charAt(0))) return java.util.Optional.empty(); // verse, dialogue, code
            if (sb.length() > 0) sb.append(' ');
            sb.append(line.strip());
        }
        String s = sb.toString().replaceAll("\\s+", " ").strip();
        if (s.length() < 20 || s.length() > 160) return java.util.Optional.empty();
        if (!Character.isUpperCase(s.charAt(0))) return java.util.Optional.empty();
        char last = s.charAt(s.length() - 1);
        if (last != '.' && last != '!' && last != '?') return java.util.Optional.empty();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || " ,.;:'!?-()\"".indexOf(c) >= 0;
            if (!ok) return java.util.Optional.empty();
        }
        if (s.contains("Q:") || s.contains("A:") || s.contains("...")) return java.util.Optional.empty();
        String[] words = s.toLowerCase(Locale.ROOT).split("[^a-z']+");
        int n = 0;
        for (String w : words) {
            if (w.isEmpty()) continue;
            n++;
            if (BLOCKED.contains(w) || BLOCKED.contains(w.replace("'s", ""))) return java.util.Optional.empty();
        }
        return n >= 4 ? java.util.Optional.of(s) : java.util.Optional.empty();
    }
}

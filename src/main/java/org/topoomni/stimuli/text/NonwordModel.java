package org.topoomni.stimuli.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Pronounceable nonwords from a letter-trigram model of English spelling, trained on the
 * system word list (wamerican, {@code /usr/share/dict/words}: lower-case ASCII words of 2-12
 * letters). A candidate is kept only if it is within one letter of the wanted length; is neither
 * a word of the list nor such a word plus a common suffix (-s, -es, -ed, -er, -ing, -ly...);
 * has a vowel (a e i o u y); does not start with a doubled letter; and has no letter three times
 * in a row and no run of more than three consonants. If the word list is missing, or sampling
 * keeps failing, a consonant-vowel syllable template (onset + vowel + optional coda) makes the
 * nonword instead. Immutable and thread-safe; all randomness comes from the caller's generator.
 */
public final class NonwordModel {
    public static final Path SYSTEM_WORDS = Path.of("/usr/share/dict/words");
    private static final int A = 28; // 26 letters, '^' (start, index 26), '$' (end, index 27)
    private static final int START = 26, END = 27;
    private static final String[] ONSETS = {"b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w",
            "z", "bl", "br", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "pl", "pr", "sl", "sp", "st", "tr", "sh", "ch", "th"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ee", "oa", "ou"};
    private static final String[] CODAS = {"", "", "", "n", "m", "t", "k", "s", "l", "r", "p", "nd", "st", "nt", "sk"};

    private final int[][][] cumulative; // [c1][c2][next] cumulative counts, next over 0..27
    private final Set<String> lexicon;
    private final boolean trained;

    private static final class Holder {
        static final NonwordModel SYSTEM = load(SYSTEM_WORDS);
    }

    /** The model of the system word list (or the syllable fallback if it is missing), built once. */
    public static NonwordModel system() {
        return Holder.SYSTEM;
    }

    /** A model of a word list file (one word a line); falls back to syllables if it is unreadable. */
    public static NonwordModel load(Path words) {
        try {
            return new NonwordModel(Files.readAllLines(words, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return new NonwordModel(List.of());
        }
    }

    /** A model trained on {@code words}; with no usable words it uses the syllable template only. */
    public NonwordModel(List<String> words) {
        long[][][] counts = new long[A][A][A];
        Set<String> lex = new HashSet<>();
        int used = 0;
        for (String w0 : words) {
            String w = w0.strip();
            lex.add(w.toLowerCase(java.util.Locale.ROOT));
            if (w.length() < 2 || w.length() > 12 || !w.chars().allMatch(c -> c >= 'a' && c <= 'z')) continue;
            int c1 = START, c2 = START;
            for (int i = 0; i <= w.length(); i++) {
                int c = i == w.length() ? END : w.charAt(i) - 'a';
                counts[c1][c2][c]++;
                c1 = c2;
                c2 = c;
            }
            used++;
        }
        for (String[] list : new String[][] {Words.ADJ, Words.THING, Words.PLACE, Words.PERSON, Words.VT, Words.ANIMAL}) {
            for (String w : list) lex.add(w);
        }
        cumulative = new int[A][A][A];
        for (int i = 0; i < A; i++) {
            for (int j = 0; j < A; j++) {
                long s = 0;
                for (int k = 0; k < A; k++) {
                    s += counts[i][j][k];
                    cumulative[i][j][k] = (int) Math.min(Integer.MAX_VALUE, s);
                }
            }
        }
        lexicon = Set.copyOf(lex);
        trained = used >= 1000;
    }

    /** Whether the trigram model was trained (else only the syllable template is used). */
    public boolean trained() {
        return trained;
    }

    /** Whether {@code s} is a word of the training list. */
    public boolean isWord(String s) {
        return lexicon.contains(s.toLowerCase(java.util.Locale.ROOT));
    }

    /** A nonword of about {@code length} letters (within one), not in {@code avoid}. */
    public String nonword(SplittableRandom r, int length, Set<String> avoid) {
        int target = Math.max(3, length);
        if (trained) {
            for (int attempt = 0; attempt < 400; attempt++) {
                String w = sample(r, target + 1);
                if (w != null && Math.abs(w.length() - target) <= 1 && acceptable(w) && !avoid.contains(w)) return w;
            }
        }
        for (int attempt = 0; ; attempt++) {
            String w = syllables(r, target);
            if ((acceptable(w) && !avoid.contains(w)) || attempt > 200) return w;
        }
    }

    private String sample(SplittableRandom r, int maxLen) {
        StringBuilder sb = new StringBuilder();
        int c1 = START, c2 = START;
        while (true) {
            int[] cum = cumulative[c1][c2];
            int total = cum[A - 1];
            if (total == 0) return null;
            int x = r.nextInt(total);
            int c = 0;
            while (cum[c] <= x) c++;
            if (c == END) return sb.toString();
            if (c == START) return null;
            sb.append((char) ('a' + c));
            if (sb.length() > maxLen) return null;
            c1 = c2;
            c2 = c;
        }
    }

    private String syllables(SplittableRandom r, int target) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < target) {
            sb.append(Words.pick(r, ONSETS)).append(Words.pick(r, VOWELS));
            if (sb.length() < target - 1) sb.append(Words.pick(r, CODAS));
        }
        if (sb.length() > target + 1) sb.setLength(target + 1);
        return sb.toString();
    }

    private static final String[] SUFFIXES = {"s", "es", "ed", "d", "er", "ers", "ing", "ings", "ly", "y"};

    /** Whether {@code w} is a word or a word with a common inflection ("lings" from "ling"). */
    public boolean isWordLike(String w) {
        if (isWord(w)) return true;
        for (String suf : SUFFIXES) {
            if (w.length() - suf.length() >= 3 && w.endsWith(suf) && isWord(w.substring(0, w.length() - suf.length()))) return true;
        }
        return false;
    }

    /** Pronounceable-looking and neither a word nor an inflected word. */
    boolean acceptable(String w) {
        if (w.length() < 2 || isWordLike(w)) return false;
        if (w.charAt(0) == w.charAt(1)) return false; // "tties", "ssa": no doubled letter at the start
        boolean vowel = false;
        int consonantRun = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            boolean v = "aeiouy".indexOf(c) >= 0;
            vowel |= v;
            consonantRun = v ? 0 : consonantRun + 1;
            if (consonantRun > 3) return false;
            if (i >= 2 && c == w.charAt(i - 1) && c == w.charAt(i - 2)) return false;
        }
        return vowel;
    }
}

package org.topoomni.backbones.tinyomni;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte-level byte-pair-encoding tokenizer (the scheme of GPT-2 and Qwen, at small scale), trained
 * on the pretraining corpus. Text is split into words that carry their leading space, each word
 * into UTF-8 bytes, and learned merges join frequent byte pairs. Every string can be encoded
 * (there is no unknown token) and decoding inverts encoding exactly.
 *
 * <p>Ids 0..{@link #SPECIALS}-1 are special tokens, the next 256 are bytes, then the merges.
 */
public final class Tokenizer {
    public static final String PAD = "<pad>", BOS = "<bos>", EOS = "<eos>", IMAGE = "<image>", AUDIO = "<audio>",
            USER = "<user>", ASSISTANT = "<assistant>";
    private static final List<String> SPECIAL_NAMES = List.of(PAD, BOS, EOS, IMAGE, AUDIO, USER, ASSISTANT);
    public static final int SPECIALS = SPECIAL_NAMES.size();
    public static final int PAD_ID = 0, BOS_ID = 1, EOS_ID = 2, IMAGE_ID = 3, AUDIO_ID = 4, USER_ID = 5, ASSISTANT_ID = 6;

    private static final Pattern WORDS = Pattern.compile(" ?[A-Za-z]+| ?[0-9]| ?[^A-Za-z0-9\\s]+|\\s+");

    private final int[][] merges;               // merge rank -> (left id, right id)
    private final Map<Long, Integer> mergeRank; // pair -> rank
    private final byte[][] pieces;              // id -> bytes (null for specials)
    private final Map<String, int[]> cache = new ConcurrentHashMap<>();

    private Tokenizer(int[][] merges) {
        this.merges = merges;
        this.mergeRank = new HashMap<>();
        this.pieces = new byte[SPECIALS + 256 + merges.length][];
        for (int b = 0; b < 256; b++) pieces[SPECIALS + b] = new byte[] {(byte) b};
        for (int r = 0; r < merges.length; r++) {
            int a = merges[r][0], b = merges[r][1];
            if (a < SPECIALS || b < SPECIALS || a >= SPECIALS + 256 + r || b >= SPECIALS + 256 + r) {
                throw new IllegalArgumentException("tokenizer merge " + r + " refers to an unknown piece (" + a + ", " + b + ")");
            }
            byte[] joined = Arrays.copyOf(pieces[a], pieces[a].length + pieces[b].length);
            System.arraycopy(pieces[b], 0, joined, pieces[a].length, pieces[b].length);
            pieces[SPECIALS + 256 + r] = joined;
            mergeRank.put(key(a, b), r);
        }
    }

    public int vocabSize() {
        return pieces.length;
    }

    /**
     * Learns merges from a corpus until the vocabulary has {@code vocabSize} entries (or no pair
     * occurs twice). Deterministic: ties go to the smallest pair.
     */
    public static Tokenizer train(Iterable<String> corpus, int vocabSize) {
        int base = SPECIALS + 256;
        if (vocabSize < base) throw new IllegalArgumentException("vocabulary must have at least " + base + " entries, got " + vocabSize);
        Map<String, Integer> wordCounts = new HashMap<>();
        for (String text : corpus) for (String w : split(text)) wordCounts.merge(w, 1, Integer::sum);
        List<String> words = new ArrayList<>(wordCounts.keySet());
        words.sort(null);
        List<int[]> seqs = new ArrayList<>();
        int[] freq = new int[words.size()];
        for (int i = 0; i < words.size(); i++) {
            seqs.add(bytesToIds(words.get(i).getBytes(StandardCharsets.UTF_8)));
            freq[i] = wordCounts.get(words.get(i));
        }
        List<int[]> learned = new ArrayList<>();
        while (base + learned.size() < vocabSize) {
            Map<Long, Long> pairCounts = new HashMap<>();
            for (int i = 0; i < seqs.size(); i++) {
                int[] s = seqs.get(i);
                for (int j = 0; j + 1 < s.length; j++) pairCounts.merge(key(s[j], s[j + 1]), (long) freq[i], Long::sum);
            }
            long bestKey = -1, bestCount = 1;
            for (Map.Entry<Long, Long> e : pairCounts.entrySet()) {
                long c = e.getValue();
                if (c > bestCount || (c == bestCount && bestKey >= 0 && e.getKey() < bestKey)) {
                    if (c >= 2) { bestCount = c; bestKey = e.getKey(); }
                }
            }
            if (bestKey < 0) break;
            int a = (int) (bestKey >>> 32), b = (int) bestKey, id = base + learned.size();
            learned.add(new int[] {a, b});
            for (int i = 0; i < seqs.size(); i++) seqs.set(i, applyMerge(seqs.get(i), a, b, id));
        }
        return new Tokenizer(learned.toArray(new int[0][]));
    }

    /** Token ids of a text (no special tokens added). */
    public int[] encode(String text) {
        List<int[]> parts = new ArrayList<>();
        int n = 0;
        for (String w : split(text)) {
            int[] ids = cache.computeIfAbsent(w, this::encodeWord);
            parts.add(ids);
            n += ids.length;
        }
        int[] out = new int[n];
        int p = 0;
        for (int[] ids : parts) { System.arraycopy(ids, 0, out, p, ids.length); p += ids.length; }
        return out;
    }

    /** Text of token ids; special tokens are skipped. */
    public String decode(int[] ids) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int id : ids) {
            if (id < 0 || id >= pieces.length) throw new IllegalArgumentException("token id " + id + " is outside the vocabulary of " + pieces.length);
            if (id < SPECIALS) continue;
            out.writeBytes(pieces[id]);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Readable form of one token (special tokens by name). */
    public String piece(int id) {
        return id < SPECIALS ? SPECIAL_NAMES.get(id) : new String(pieces[id], StandardCharsets.UTF_8);
    }

    private int[] encodeWord(String word) {
        int[] s = bytesToIds(word.getBytes(StandardCharsets.UTF_8));
        while (s.length > 1) {
            int bestRank = Integer.MAX_VALUE, at = -1;
            for (int j = 0; j + 1 < s.length; j++) {
                Integer r = mergeRank.get(key(s[j], s[j + 1]));
                if (r != null && r < bestRank) { bestRank = r; at = j; }
            }
            if (at < 0) break;
            s = applyMerge(s, merges[bestRank][0], merges[bestRank][1], SPECIALS + 256 + bestRank);
        }
        return s;
    }

    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORDS.matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }

    private static int[] bytesToIds(byte[] b) {
        int[] s = new int[b.length];
        for (int i = 0; i < b.length; i++) s[i] = SPECIALS + (b[i] & 0xff);
        return s;
    }

    private static int[] applyMerge(int[] s, int a, int b, int id) {
        int count = 0;
        for (int j = 0; j + 1 < s.length; j++) if (s[j] == a && s[j + 1] == b) { count++; j++; }
        if (count == 0) return s;
        int[] out = new int[s.length - count];
        int p = 0;
        for (int j = 0; j < s.length; j++) {
            if (j + 1 < s.length && s[j] == a && s[j + 1] == b) { out[p++] = id; j++; } else out[p++] = s[j];
        }
        return out;
    }

    private static long key(int a, int b) {
        return ((long) a << 32) | (b & 0xffffffffL);
    }

    // ------------------------------------------------------------------ JSON

    public ObjectNode toJson() {
        ObjectMapper om = org.topoomni.io.Json.mapper();
        ObjectNode root = om.createObjectNode();
        root.put("type", "byte-level-bpe");
        ArrayNode sp = root.putArray("special_tokens");
        SPECIAL_NAMES.forEach(sp::add);
        ArrayNode ms = root.putArray("merges");
        for (int[] m : merges) ms.addArray().add(m[0]).add(m[1]);
        return root;
    }

    public static Tokenizer fromJson(JsonNode root) {
        if (!"byte-level-bpe".equals(root.path("type").asText())) {
            throw new IllegalArgumentException("not a byte-level BPE tokenizer file (type '" + root.path("type").asText() + "')");
        }
        List<String> sp = new ArrayList<>();
        root.path("special_tokens").forEach(n -> sp.add(n.asText()));
        if (!sp.equals(SPECIAL_NAMES)) throw new IllegalArgumentException("tokenizer special tokens " + sp + " differ from " + SPECIAL_NAMES);
        JsonNode ms = root.path("merges");
        int[][] merges = new int[ms.size()][];
        for (int i = 0; i < merges.length; i++) merges[i] = new int[] {ms.get(i).get(0).asInt(), ms.get(i).get(1).asInt()};
        return new Tokenizer(merges);
    }
}

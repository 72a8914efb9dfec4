package org.topoomni.backbones.pretrained;

import org.topoomni.io.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The word pieces the thinker reads and writes: a subset of the MiniLM's WordPiece vocabulary
 * (one tokenizer for the whole model), namely the tokenizer's special pieces and every piece of
 * the answers and texts the thinker was pretrained on. Each has one row of the thinker's
 * embedding, which is also its output head (tied). A piece outside the subset is read as
 * [UNK]. Why a subset: the pretraining corpus uses about 1,800 of the 30,522 pieces, and an
 * output head over all of them would cost about a third of every training step for rows that
 * are never a target.
 *
 * <p>Rows 0-4 are [PAD], [UNK], [CLS], [SEP] (the end marker of answers and texts) and
 * [unused0] (the assistant marker, where the answer begins); the corpus pieces follow in id
 * order.
 */
public final class ThinkerVocabulary {
    public static final String PAD = "[PAD]", UNK = "[UNK]", CLS = "[CLS]", SEP = "[SEP]", ASSISTANT = "[unused0]";
    /** Rows of the special pieces. */
    public static final int PAD_ROW = 0, UNK_ROW = 1, CLS_ROW = 2, END_ROW = 3, ASSISTANT_ROW = 4, SPECIALS = 5;

    private final int[] ids;      // row -> word-piece id
    private final int[] rowOf;    // word-piece id -> row (UNK_ROW when absent)

    private ThinkerVocabulary(int[] ids, int tokenizerSize) {
        this.ids = ids;
        this.rowOf = new int[tokenizerSize];
        Arrays.fill(rowOf, UNK_ROW);
        for (int r = 0; r < ids.length; r++) {
            if (ids[r] < 0 || ids[r] >= tokenizerSize) {
                throw new IllegalArgumentException("thinker vocabulary row " + r + " names word piece " + ids[r] + ", outside the tokenizer's " + tokenizerSize);
            }
            rowOf[ids[r]] = r;
        }
    }

    /** The specials of {@code text} plus every piece of the given word-piece sequences. */
    public static ThinkerVocabulary of(MiniLm text, List<int[]> sequences) {
        int[] specials = specialIds(text);
        TreeSet<Integer> rest = new TreeSet<>();
        for (int[] s : sequences) for (int id : s) rest.add(id);
        for (int id : specials) rest.remove(id);
        int[] ids = new int[SPECIALS + rest.size()];
        System.arraycopy(specials, 0, ids, 0, SPECIALS);
        int r = SPECIALS;
        for (int id : rest) ids[r++] = id;
        return new ThinkerVocabulary(ids, text.vocabularySize());
    }

    private static int[] specialIds(MiniLm text) {
        return new int[] {text.pieceId(PAD), text.pieceId(UNK), text.pieceId(CLS), text.pieceId(SEP), text.pieceId(ASSISTANT)};
    }

    public int size() {
        return ids.length;
    }

    /** The row of a word piece ([UNK]'s for one outside the vocabulary). */
    public int row(int pieceId) {
        return pieceId >= 0 && pieceId < rowOf.length ? rowOf[pieceId] : UNK_ROW;
    }

    /** The word piece of a row. */
    public int piece(int row) {
        return ids[row];
    }

    /** Whether greedy generation may emit this row: any piece but [PAD], [UNK], [CLS] and the assistant marker ([SEP] ends the answer). */
    public static boolean emittable(int row) {
        return row == END_ROW || row >= SPECIALS;
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("tokenizer", MiniLm.TOKENIZER_RESOURCE);
        ArrayNode a = n.putArray("word_piece_ids");
        for (int id : ids) a.add(id);
        return n;
    }

    /** Reads what {@link #toJson} wrote; the specials must be the tokenizer's. */
    public static ThinkerVocabulary fromJson(JsonNode n, MiniLm text, String where) {
        JsonNode a = n.path("word_piece_ids");
        if (!a.isArray() || a.size() < SPECIALS) throw new IllegalArgumentException(where + " has no thinker vocabulary (word_piece_ids)");
        List<Integer> ids = new ArrayList<>();
        for (JsonNode x : a) {
            if (!x.canConvertToInt()) throw new IllegalArgumentException(where + ": word piece id " + x + " is not an integer");
            ids.add(x.asInt());
        }
        int[] arr = ids.stream().mapToInt(Integer::intValue).toArray();
        if (!Arrays.equals(Arrays.copyOf(arr, SPECIALS), specialIds(text))) {
            throw new IllegalArgumentException(where + " was made with another tokenizer: its special pieces are " + Arrays.toString(Arrays.copyOf(arr, SPECIALS))
                    + ", the MiniLM's are " + Arrays.toString(specialIds(text)));
        }
        return new ThinkerVocabulary(arr, text.vocabularySize());
    }
}

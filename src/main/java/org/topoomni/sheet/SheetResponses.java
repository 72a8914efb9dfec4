package org.topoomni.sheet;

import java.util.ArrayList;
import java.util.List;

/**
 * Responses of every sheet unit to a list of stimuli: a stimuli x units matrix (row-major,
 * float32, units in the sheet's row-major order) with, for each row, the stimulus it answers.
 * A stack that a stimulus does not drive (the audio encoder for an image) responds 0.
 */
public final class SheetResponses {

    /** Which stimulus a row belongs to. */
    public record Row(String id, String category, int run) {}

    private final SheetLayout layout;
    private final float[] data;
    private final List<Row> rows;

    public SheetResponses(SheetLayout layout, float[] data, List<Row> rows) {
        if ((long) rows.size() * layout.units() != data.length) {
            throw new IllegalArgumentException("responses hold " + data.length + " values, expected " + rows.size()
                    + " stimuli x " + layout.units() + " units");
        }
        this.layout = layout;
        this.data = data;
        this.rows = List.copyOf(rows);
    }

    public SheetLayout layout() { return layout; }

    /** Row-major stimuli x units. */
    public float[] data() { return data; }

    public List<Row> rows() { return rows; }

    public int stimuli() { return rows.size(); }

    public int units() { return layout.units(); }

    public float get(int stimulus, int unit) {
        return data[stimulus * layout.units() + unit];
    }

    /** Row indices of the stimuli of the given categories (and, if runs is not null, those runs). */
    public int[] rowsOf(java.util.Collection<String> categories, java.util.function.IntPredicate runs) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (categories.contains(r.category()) && (runs == null || runs.test(r.run()))) out.add(i);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The categories present, in first-seen order. */
    public List<String> categories() {
        List<String> out = new ArrayList<>();
        for (Row r : rows) if (!out.contains(r.category())) out.add(r.category());
        return out;
    }
}

package org.topoomni.sheet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One contiguous cortical sheet holding every unit of every layer of every stack.
 *
 * <p>Stacks that process the senses sit side by side at the top; the shared (language) stack
 * spans the whole width below them (METHOD.md section 2). Inside a stack each layer is a band of
 * whole rows, layer 0 at the top, its channels in row-major order. Every cell of the grid holds
 * exactly one unit, so a unit's index is its row-major cell index {@code row * cols + col}:
 * a sheet response vector is a row-major image of the sheet.
 */
public final class SheetLayout {
    private final int rows;
    private final int cols;
    private final List<Band> bands;
    private final byte[] bandOfRow; // for rows below the top region; -1 in the top region
    private final int topRows;

    private SheetLayout(int rows, int cols, List<Band> bands, int topRows) {
        this.rows = rows;
        this.cols = cols;
        this.bands = List.copyOf(bands);
        this.topRows = topRows;
        this.bandOfRow = new byte[rows];
        java.util.Arrays.fill(bandOfRow, (byte) -1);
        for (int b = 0; b < bands.size(); b++) {
            Band band = bands.get(b);
            if (band.left() == 0 && band.cols() == cols) {
                for (int r = band.top(); r < band.bottom(); r++) bandOfRow[r] = (byte) b;
            }
        }
    }

    public int rows() { return rows; }

    public int cols() { return cols; }

    /** Number of units (= cells) on the sheet. */
    public int units() { return rows * cols; }

    /** The stacks' bands, top stacks left to right, then the bottom stack. */
    public List<Band> bands() { return bands; }

    public List<LayerStack> stacks() {
        List<LayerStack> out = new ArrayList<>();
        for (Band b : bands) out.add(b.stack());
        return out;
    }

    public Band band(String stackName) {
        for (Band b : bands) if (b.stack().name().equals(stackName)) return b;
        throw new IllegalArgumentException("no stack named '" + stackName + "' on this sheet; stacks: " + stackNames());
    }

    public List<String> stackNames() {
        List<String> names = new ArrayList<>();
        for (Band b : bands) names.add(b.stack().name());
        return names;
    }

    public int unit(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("cell (" + row + ", " + col + ") is outside the " + rows + " x " + cols + " sheet");
        }
        return row * cols + col;
    }

    public int row(int unit) { checkUnit(unit); return unit / cols; }

    public int col(int unit) { checkUnit(unit); return unit % cols; }

    /** The band holding a cell. */
    public Band bandAt(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("cell (" + row + ", " + col + ") is outside the " + rows + " x " + cols + " sheet");
        }
        int b = bandOfRow[row];
        if (b >= 0) return bands.get(b);
        for (Band band : bands) if (band.contains(row, col)) return band;
        throw new IllegalStateException("cell (" + row + ", " + col + ") belongs to no band");
    }

    public Band bandOf(int unit) { return bandAt(row(unit), col(unit)); }

    /** The (stack, layer, channel) a unit stands for. */
    public UnitAddress address(int unit) {
        int r = row(unit), c = col(unit);
        Band b = bandAt(r, c);
        int inBand = (r - b.top()) * b.cols() + (c - b.left());
        int layer = b.stack().layerOf(inBand);
        return new UnitAddress(b.stack().name(), layer, inBand - b.stack().offset(layer));
    }

    public int unit(UnitAddress a) { return unit(a.stack(), a.layer(), a.channel()); }

    /** The sheet unit of a channel of a layer of a stack. */
    public int unit(String stack, int layer, int channel) {
        Band b = band(stack);
        int width = b.stack().width(layer);
        if (channel < 0 || channel >= width) {
            throw new IndexOutOfBoundsException("stack '" + stack + "' layer " + layer + " has channels 0.." + (width - 1) + ", not " + channel);
        }
        int o = b.stack().offset(layer) + channel;
        return (b.top() + o / b.cols()) * cols + b.left() + o % b.cols();
    }

    /**
     * Sheet units of one layer in channel order: {@code result[channel]} is the unit showing that
     * channel. Used to scatter a layer's activations onto the sheet.
     */
    public int[] layerUnits(String stack, int layer) {
        Band b = band(stack);
        int[] out = new int[b.stack().width(layer)];
        for (int ch = 0; ch < out.length; ch++) out[ch] = unit(stack, layer, ch);
        return out;
    }

    /** All units of a stack, in row-major order. */
    public int[] stackUnits(String stack) {
        Band b = band(stack);
        int[] out = new int[b.stack().units()];
        int i = 0;
        for (int r = b.top(); r < b.bottom(); r++) for (int c = b.left(); c < b.right(); c++) out[i++] = r * cols + c;
        return out;
    }

    /** All units of the stacks of a modality, in row-major order. */
    public int[] modalityUnits(Modality m) {
        List<Integer> list = new ArrayList<>();
        for (int u = 0; u < units(); u++) if (bandOf(u).stack().modality() == m) list.add(u);
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Human-readable table of the bands. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "sheet %d x %d = %,d units%n", rows, cols, units()));
        sb.append(String.format(Locale.ROOT, "%-12s %-9s %6s %6s %-13s %-13s %s%n",
                "stack", "modality", "layers", "width", "rows", "cols", "rows/layer"));
        for (Band b : bands) {
            LayerStack s = b.stack();
            boolean even = s.uniform() && b.wholeRowLayers();
            sb.append(String.format(Locale.ROOT, "%-12s %-9s %6d %6s %-13s %-13s %s%n",
                    s.name(), s.modality().id(), s.layers(), s.uniform() ? Integer.toString(s.width(0)) : s.minWidth() + "-" + s.maxWidth(),
                    b.top() + "-" + (b.bottom() - 1), b.left() + "-" + (b.right() - 1),
                    even ? Integer.toString(s.width(0) / b.cols()) : String.format(Locale.ROOT, "%.2f (packed)", b.rowsPerLayer())));
        }
        return sb.toString();
    }

    private void checkUnit(int unit) {
        if (unit < 0 || unit >= units()) {
            throw new IndexOutOfBoundsException("unit " + unit + " is outside the sheet (0.." + (units() - 1) + ")");
        }
    }

    @Override
    public String toString() {
        return "SheetLayout[" + rows + "x" + cols + ", stacks=" + stackNames() + "]";
    }

    // ------------------------------------------------------------------ construction

    public static Builder builder() { return new Builder(); }

    /**
     * The sheet of a backbone, from its stacks alone (METHOD.md section 2): the {@link Placement#SENSORY}
     * stacks side by side at the top in the given order, the {@link Placement#SHARED} stack(s)
     * spanning the full width below them, each stack's units row-major in its rectangle, layer 0
     * first. The column spans are chosen by {@link #auto}.
     */
    public static SheetLayout of(List<LayerStack> stacks) {
        if (stacks == null || stacks.isEmpty()) throw new IllegalArgumentException("a sheet needs at least one stack");
        List<LayerStack> top = new ArrayList<>(), bottom = new ArrayList<>();
        for (LayerStack s : stacks) (s.placement() == Placement.SENSORY ? top : bottom).add(s);
        return auto(top, bottom);
    }

    /**
     * Chooses the column spans of the top stacks so that every stack fills whole rows of its
     * rectangle (no cell without a unit): each top stack's units are a multiple of its span and
     * all top stacks are equally tall; each bottom stack's units are a multiple of the sheet's
     * width. Among all such layouts the most nearly square sheet is taken; ties go to a layout in
     * which every layer fills whole rows of its band (each layer a clean band of rows), then to the
     * wider sheet. For stacks of uniform width this is the layout of whole-row layer bands the
     * paper uses: 304 x 512 for Qwen2.5-Omni-3B (vision rows 0-159 cols 0-255, 5 rows per layer;
     * audio cols 256-511; language rows 160-303, 4 rows per layer), 48 x 64 for the from-scratch baseline (tinyomni).
     *
     * <p>Candidates: equal spans c for all top stacks (c dividing every top stack's units, equal
     * heights), and, for top stacks of different sizes, spans proportional to their sizes (a
     * common height H dividing every top stack's units, span_i = units_i / H).
     *
     * @param top    stacks side by side at the top (may be empty)
     * @param bottom stacks spanning the width below, one under the other (may be empty)
     */
    public static SheetLayout auto(List<LayerStack> top, List<LayerStack> bottom) {
        List<LayerStack> tops = top == null ? List.of() : top, bottoms = bottom == null ? List.of() : bottom;
        if (tops.isEmpty() && bottoms.isEmpty()) throw new IllegalArgumentException("a sheet needs at least one stack");
        List<int[]> candidates = new ArrayList<>();
        if (tops.isEmpty()) {
            int width = 0;
            for (LayerStack s : bottoms) width = Math.max(width, s.maxWidth());
            for (int c = 1; c <= Math.max(width, bottoms.get(0).units()); c++) candidates.add(new int[] {c});
        } else {
            int minUnits = Integer.MAX_VALUE;
            for (LayerStack s : tops) minUnits = Math.min(minUnits, s.units());
            for (int c = 1; c <= minUnits; c++) { // equal spans
                int[] spans = new int[tops.size()];
                java.util.Arrays.fill(spans, c);
                candidates.add(spans);
            }
            for (int h = 1; h <= minUnits; h++) { // spans proportional to the stacks' sizes, common height h
                int[] spans = new int[tops.size()];
                boolean ok = true, equal = true;
                for (int i = 0; i < tops.size() && ok; i++) {
                    ok = tops.get(i).units() % h == 0;
                    spans[i] = tops.get(i).units() / Math.max(1, h);
                    equal &= spans[i] == spans[0];
                }
                if (ok && !equal) candidates.add(spans);
            }
        }
        SheetLayout best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        boolean bestWhole = false;
        for (int[] spans : candidates) {
            SheetLayout l = tryBuild(tops, bottoms, spans);
            if (l == null) continue;
            double score = Math.abs(Math.log((double) l.rows / l.cols));
            boolean whole = l.wholeRowLayers();
            boolean better = score < bestScore - 1e-12
                    || (Math.abs(score - bestScore) <= 1e-12 && (whole && !bestWhole || whole == bestWhole && l.cols >= best.cols));
            if (better) {
                best = l;
                bestScore = score;
                bestWhole = whole;
            }
        }
        if (best == null) {
            StringBuilder sizes = new StringBuilder();
            for (LayerStack s : tops) sizes.append(String.format(Locale.ROOT, " %s (top) %,d units;", s.name(), s.units()));
            for (LayerStack s : bottoms) sizes.append(String.format(Locale.ROOT, " %s (below) %,d units;", s.name(), s.units()));
            throw new IllegalArgumentException("no sheet fits these stacks without empty cells:" + sizes
                    + " the top stacks must be equally tall and each stack below must fill whole rows of the sheet's width;"
                    + " give explicit column spans with SheetLayout.builder()");
        }
        return best;
    }

    private static SheetLayout tryBuild(List<LayerStack> tops, List<LayerStack> bottoms, int[] spans) {
        int height = -1, cols = 0;
        for (int i = 0; i < tops.size(); i++) {
            LayerStack s = tops.get(i);
            if (spans[i] <= 0 || s.units() % spans[i] != 0) return null;
            int h = s.units() / spans[i];
            if (height >= 0 && h != height) return null;
            height = h;
            cols += spans[i];
        }
        if (tops.isEmpty()) cols = spans[0];
        for (LayerStack s : bottoms) if (s.units() % cols != 0) return null;
        Builder b = builder();
        for (int i = 0; i < tops.size(); i++) b.top(tops.get(i), spans[i]);
        for (LayerStack s : bottoms) b.bottom(s);
        if (tops.isEmpty()) b.width(cols);
        return b.build();
    }

    /** Whether every layer of every stack fills whole rows of its band. */
    public boolean wholeRowLayers() {
        for (Band b : bands) if (!b.wholeRowLayers()) return false;
        return true;
    }

    /** Explicit layout: each top stack with its column span, then the stacks below it. */
    public static final class Builder {
        private final List<LayerStack> top = new ArrayList<>();
        private final List<Integer> spans = new ArrayList<>();
        private final List<LayerStack> bottom = new ArrayList<>();
        private int width = -1;

        public Builder top(LayerStack stack, int cols) {
            top.add(stack);
            spans.add(cols);
            return this;
        }

        public Builder bottom(LayerStack stack) {
            bottom.add(stack);
            return this;
        }

        /** The sheet's width when there is no top stack (default: the first bottom stack's widest layer). */
        public Builder width(int cols) {
            this.width = cols;
            return this;
        }

        public SheetLayout build() {
            if (top.isEmpty() && bottom.isEmpty()) throw new IllegalArgumentException("a sheet needs at least one stack");
            java.util.Set<String> names = new java.util.HashSet<>();
            for (LayerStack s : top) if (!names.add(s.name())) throw new IllegalArgumentException("two stacks are named '" + s.name() + "'");
            for (LayerStack s : bottom) if (!names.add(s.name())) throw new IllegalArgumentException("two stacks are named '" + s.name() + "'");
            List<Band> bands = new ArrayList<>();
            int left = 0;
            int topRows = -1;
            for (int i = 0; i < top.size(); i++) {
                LayerStack s = top.get(i);
                Band b = new Band(s, 0, left, spans.get(i));
                if (topRows >= 0 && b.rows() != topRows) {
                    throw new IllegalArgumentException("stacks do not fit the grid: top stacks must be equally tall, but '"
                            + s.name() + "' needs " + b.rows() + " rows and '" + top.get(0).name() + "' " + topRows);
                }
                topRows = b.rows();
                bands.add(b);
                left += spans.get(i);
            }
            int cols = top.isEmpty() ? (width > 0 ? width : bottom.get(0).maxWidth()) : left;
            int rows = Math.max(0, topRows);
            for (LayerStack s : bottom) {
                if (s.units() % cols != 0) {
                    throw new IllegalArgumentException("stack '" + s.name() + "' does not fit the grid: its " + s.units()
                            + " units do not fill whole rows of the sheet's " + cols + " columns");
                }
                Band b = new Band(s, rows, 0, cols);
                bands.add(b);
                rows += b.rows();
            }
            return new SheetLayout(rows, cols, Collections.unmodifiableList(bands), Math.max(0, topRows));
        }
    }
}

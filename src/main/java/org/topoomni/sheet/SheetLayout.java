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

    public List<Stack> stacks() {
        List<Stack> out = new ArrayList<>();
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
        int layer = (r - b.top()) / b.rowsPerLayer();
        int channel = (r - b.layerTop(layer)) * b.cols() + (c - b.left());
        return new UnitAddress(b.stack().name(), layer, channel);
    }

    public int unit(UnitAddress a) { return unit(a.stack(), a.layer(), a.channel()); }

    /** The sheet unit of a channel of a layer of a stack. */
    public int unit(String stack, int layer, int channel) {
        Band b = band(stack);
        if (layer < 0 || layer >= b.stack().layers()) {
            throw new IndexOutOfBoundsException("stack '" + stack + "' has layers 0.." + (b.stack().layers() - 1) + ", not " + layer);
        }
        if (channel < 0 || channel >= b.stack().width()) {
            throw new IndexOutOfBoundsException("stack '" + stack + "' has channels 0.." + (b.stack().width() - 1) + ", not " + channel);
        }
        int r = b.layerTop(layer) + channel / b.cols();
        int c = b.left() + channel % b.cols();
        return r * cols + c;
    }

    /**
     * Sheet units of one layer in channel order: {@code result[channel]} is the unit showing that
     * channel. Used to scatter a layer's activations onto the sheet.
     */
    public int[] layerUnits(String stack, int layer) {
        Band b = band(stack);
        int[] out = new int[b.stack().width()];
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
            sb.append(String.format(Locale.ROOT, "%-12s %-9s %6d %6d %-13s %-13s %d%n",
                    b.stack().name(), b.stack().modality().id(), b.stack().layers(), b.stack().width(),
                    b.top() + "-" + (b.bottom() - 1), b.left() + "-" + (b.right() - 1), b.rowsPerLayer()));
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
     * Computes the layout from the backbone alone: the top stacks share the width equally, the
     * bottom stack spans it, and among all widths at which every layer fills whole rows the one
     * giving the most nearly square sheet is taken (ties: the wider). For Qwen2.5-Omni-3B this
     * gives METHOD.md's 304 x 512 sheet.
     *
     * @param top    stacks side by side at the top (may be empty)
     * @param bottom the stack spanning the bottom (may be null)
     */
    public static SheetLayout auto(List<Stack> top, Stack bottom) {
        List<Stack> tops = top == null ? List.of() : top;
        if (tops.isEmpty() && bottom == null) throw new IllegalArgumentException("a sheet needs at least one stack");
        int n = Math.max(1, tops.size());
        int maxCols = 0;
        for (Stack s : tops) maxCols += s.width();
        if (bottom != null) maxCols = Math.max(maxCols, bottom.width());
        SheetLayout best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int c = n; c <= maxCols; c += n) {
            int span = c / n;
            boolean ok = bottom == null || bottom.width() % c == 0;
            int height = -1;
            for (Stack s : tops) {
                if (!ok) break;
                if (s.width() % span != 0) { ok = false; break; }
                int h = s.layers() * (s.width() / span);
                if (height >= 0 && h != height) ok = false;
                height = h;
            }
            if (!ok) continue;
            Builder b = builder();
            for (Stack s : tops) b.top(s, span);
            if (bottom != null) b.bottom(bottom);
            SheetLayout l = b.build();
            double score = Math.abs(Math.log((double) l.rows / l.cols));
            if (score <= bestScore + 1e-12) { bestScore = score; best = l; }
        }
        if (best == null) {
            throw new IllegalArgumentException("no sheet width fits these stacks as whole-row bands of equal height "
                    + "(top: " + tops + ", bottom: " + bottom + "); give explicit column spans with SheetLayout.builder()");
        }
        return best;
    }

    /** Explicit layout: each top stack with its column span, optionally a bottom stack. */
    public static final class Builder {
        private final List<Stack> top = new ArrayList<>();
        private final List<Integer> spans = new ArrayList<>();
        private Stack bottom;

        public Builder top(Stack stack, int cols) {
            top.add(stack);
            spans.add(cols);
            return this;
        }

        public Builder bottom(Stack stack) {
            this.bottom = stack;
            return this;
        }

        public SheetLayout build() {
            if (top.isEmpty() && bottom == null) throw new IllegalArgumentException("a sheet needs at least one stack");
            java.util.Set<String> names = new java.util.HashSet<>();
            for (Stack s : top) if (!names.add(s.name())) throw new IllegalArgumentException("two stacks are named '" + s.name() + "'");
            if (bottom != null && !names.add(bottom.name())) throw new IllegalArgumentException("two stacks are named '" + bottom.name() + "'");
            List<Band> bands = new ArrayList<>();
            int left = 0;
            int topRows = -1;
            for (int i = 0; i < top.size(); i++) {
                Stack s = top.get(i);
                int span = spans.get(i);
                if (span <= 0) throw new IllegalArgumentException("stack '" + s.name() + "' needs a positive column span, got " + span);
                if (s.width() % span != 0) {
                    throw new IllegalArgumentException("stack '" + s.name() + "' does not fit the grid: layers of " + s.width()
                            + " units do not fill whole rows of " + span + " columns");
                }
                Band b = new Band(s, 0, left, span, s.width() / span);
                if (topRows >= 0 && b.rows() != topRows) {
                    throw new IllegalArgumentException("stacks do not fit the grid: top stacks must be equally tall, but '"
                            + s.name() + "' needs " + b.rows() + " rows and '" + top.get(0).name() + "' " + topRows);
                }
                topRows = b.rows();
                bands.add(b);
                left += span;
            }
            int cols = top.isEmpty() ? -1 : left;
            int rows = Math.max(0, topRows);
            if (bottom != null) {
                if (cols < 0) {
                    cols = bottom.width();
                }
                if (bottom.width() % cols != 0) {
                    throw new IllegalArgumentException("stack '" + bottom.name() + "' does not fit the grid: layers of "
                            + bottom.width() + " units do not fill whole rows of the sheet's " + cols + " columns");
                }
                Band b = new Band(bottom, rows, 0, cols, bottom.width() / cols);
                bands.add(b);
                rows += b.rows();
            }
            return new SheetLayout(rows, cols, Collections.unmodifiableList(bands), Math.max(0, topRows));
        }
    }
}

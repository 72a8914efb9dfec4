package org.topoomni.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy {@code .npy} files (format version 1.0, version 2.0 when the header needs it), so that
 * maps and responses open with {@code numpy.load}. Arrays are C order (row-major), little
 * endian: float32 ({@code <f4}), float64 ({@code <f8}), int32 ({@code <i4}) and bool
 * ({@code |b1}).
 *
 * <p>The header is written byte for byte as numpy 2.x writes it: the magic string
 * {@code \x93NUMPY}, the version, the little-endian header length, then the dict
 * {@code {'descr': ..., 'fortran_order': False, 'shape': (...), }} followed by spaces (numpy
 * reserves room for the first axis to grow to 21 digits) and padded with spaces to a multiple of
 * 64 bytes, ending in a newline. Reading accepts any header numpy writes (versions 1.0-3.0, keys
 * in any order, either byte order) but only C-order arrays of the four types above.
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;

    private Npy() {
    }

    /** Element types this class reads and writes. */
    public enum DType {
        FLOAT32("<f4", 4), FLOAT64("<f8", 8), INT32("<i4", 4), BOOL("|b1", 1);

        private final String descr;
        private final int size;

        DType(String descr, int size) {
            this.descr = descr;
            this.size = size;
        }

        /** numpy's dtype string, e.g. {@code <f4}. */
        public String descr() {
            return descr;
        }

        public int size() {
            return size;
        }
    }

    /**
     * An array read from a file: its shape and its data in one of the typed fields (the others are
     * null), flat in C order.
     */
    public record Array(DType dtype, int[] shape, float[] floats, double[] doubles, int[] ints, boolean[] bools) {
        /** Number of elements (product of the shape). */
        public long size() {
            return count(shape);
        }

        public float[] asFloats() {
            if (floats == null) throw new IllegalArgumentException("array is " + dtype.descr() + ", not float32");
            return floats;
        }

        public double[] asDoubles() {
            if (doubles != null) return doubles;
            if (floats != null) {
                double[] d = new double[floats.length];
                for (int i = 0; i < d.length; i++) d[i] = floats[i];
                return d;
            }
            throw new IllegalArgumentException("array is " + dtype.descr() + ", not a float array");
        }

        public int[] asInts() {
            if (ints == null) throw new IllegalArgumentException("array is " + dtype.descr() + ", not int32");
            return ints;
        }

        public boolean[] asBools() {
            if (bools == null) throw new IllegalArgumentException("array is " + dtype.descr() + ", not bool");
            return bools;
        }
    }

    // ------------------------------------------------------------------ header

    /** The complete header (magic, version, length, dict, padding) numpy writes for this array. */
    public static byte[] header(DType dtype, int... shape) {
        checkShape(shape);
        StringBuilder dict = new StringBuilder();
        dict.append("{'descr': '").append(dtype.descr()).append("', 'fortran_order': False, 'shape': ")
                .append(shapeRepr(shape)).append(", }");
        if (shape.length > 0) dict.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Integer.toString(shape[0]).length()));
        byte[] text = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
        int hlen = text.length + 1; // + the final newline
        int version = 1;
        int prefix = MAGIC.length + 2 + 2;
        int pad = ALIGN - ((prefix + hlen) % ALIGN);
        if (hlen + pad > 0xFFFF) {
            version = 2;
            prefix = MAGIC.length + 2 + 4;
            pad = ALIGN - ((prefix + hlen) % ALIGN);
        }
        int total = prefix + hlen + pad;
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) version).put((byte) 0);
        if (version == 1) b.putShort((short) (hlen + pad));
        else b.putInt(hlen + pad);
        b.put(text);
        for (int i = 0; i < pad; i++) b.put((byte) ' ');
        b.put((byte) '\n');
        return b.array();
    }

    /** Python's repr of a shape tuple: {@code ()}, {@code (3,)}, {@code (2, 3)}. */
    public static String shapeRepr(int[] shape) {
        if (shape.length == 0) return "()";
        if (shape.length == 1) return "(" + shape[0] + ",)";
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(shape[i]);
        }
        return sb.append(')').toString();
    }

    // ------------------------------------------------------------------ writing

    public static void write(Path file, float[] data, int... shape) throws IOException {
        checkLength(data == null ? -1 : data.length, shape);
        AtomicFiles.write(file, out -> {
            out.write(header(DType.FLOAT32, shape));
            writeFloats(out, data);
        });
    }

    public static void write(Path file, double[] data, int... shape) throws IOException {
        checkLength(data == null ? -1 : data.length, shape);
        AtomicFiles.write(file, out -> {
            out.write(header(DType.FLOAT64, shape));
            ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (double v : data) {
                if (buf.remaining() < 8) flush(out, buf);
                buf.putDouble(v);
            }
            flush(out, buf);
        });
    }

    public static void write(Path file, int[] data, int... shape) throws IOException {
        checkLength(data == null ? -1 : data.length, shape);
        AtomicFiles.write(file, out -> {
            out.write(header(DType.INT32, shape));
            ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (int v : data) {
                if (buf.remaining() < 4) flush(out, buf);
                buf.putInt(v);
            }
            flush(out, buf);
        });
    }

    public static void write(Path file, boolean[] data, int... shape) throws IOException {
        checkLength(data == null ? -1 : data.length, shape);
        AtomicFiles.write(file, out -> {
            out.write(header(DType.BOOL, shape));
            byte[] bytes = new byte[data.length];
            for (int i = 0; i < data.length; i++) bytes[i] = (byte) (data[i] ? 1 : 0);
            out.write(bytes);
        });
    }

    /** float32 copy of a double array, written as {@code <f4} (the maps scientists open). */
    public static void writeAsFloat32(Path file, double[] data, int... shape) throws IOException {
        checkLength(data == null ? -1 : data.length, shape);
        float[] f = new float[data.length];
        for (int i = 0; i < f.length; i++) f[i] = (float) data[i];
        write(file, f, shape);
    }

    private static void writeFloats(OutputStream out, float[] data) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        java.nio.FloatBuffer fb = buf.asFloatBuffer();
        int chunk = fb.capacity();
        for (int i = 0; i < data.length; i += chunk) {
            int n = Math.min(chunk, data.length - i);
            fb.clear();
            fb.put(data, i, n);
            out.write(buf.array(), 0, n * 4);
        }
    }

    private static void flush(OutputStream out, ByteBuffer buf) throws IOException {
        out.write(buf.array(), 0, buf.position());
        buf.clear();
    }

    // ------------------------------------------------------------------ reading

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    public static Array read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("no .npy file at " + file);
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in, file.toString());
        }
    }

    /** Reads one array from a stream; {@code name} is used in error messages. */
    public static Array read(InputStream in, String name) throws IOException {
        byte[] magic = in.readNBytes(8);
        if (magic.length < 8 || !Arrays.equals(Arrays.copyOf(magic, 6), MAGIC)) {
            throw new IllegalArgumentException(name + " is not a .npy file (bad magic string)");
        }
        int major = magic[6] & 0xFF;
        int hlen;
        if (major == 1) {
            byte[] l = in.readNBytes(2);
            if (l.length < 2) throw truncated(name);
            hlen = (l[0] & 0xFF) | (l[1] & 0xFF) << 8;
        } else if (major == 2 || major == 3) {
            byte[] l = in.readNBytes(4);
            if (l.length < 4) throw truncated(name);
            hlen = ByteBuffer.wrap(l).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (hlen < 0) throw new IllegalArgumentException(name + ": header length " + hlen + " is invalid");
        } else {
            throw new IllegalArgumentException(name + ": unsupported .npy format version " + major + "." + (magic[7] & 0xFF));
        }
        byte[] h = in.readNBytes(hlen);
        if (h.length < hlen) throw truncated(name);
        String header = new String(h, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header), f = FORTRAN.matcher(header), s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) throw new IllegalArgumentException(name + ": malformed .npy header: " + header.trim());
        if (f.group(1).equals("True")) {
            throw new IllegalArgumentException(name + ": Fortran-order arrays are not supported; save it with np.ascontiguousarray");
        }
        int[] shape = parseShape(s.group(1), name);
        long n = count(shape);
        if (n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException(name + ": array of " + n + " elements is too large");
        String descr = d.group(1);
        boolean big = descr.startsWith(">");
        String typeCode = descr.replaceFirst("^[<>|=]", "");
        ByteOrder order = big ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        switch (typeCode) {
            case "f4" -> {
                float[] out = new float[(int) n];
                readInto(in, (int) n, 4, name, (buf, off, cnt) -> buf.order(order).asFloatBuffer().get(out, off, cnt));
                return new Array(DType.FLOAT32, shape, out, null, null, null);
            }
            case "f8" -> {
                double[] out = new double[(int) n];
                readInto(in, (int) n, 8, name, (buf, off, cnt) -> buf.order(order).asDoubleBuffer().get(out, off, cnt));
                return new Array(DType.FLOAT64, shape, null, out, null, null);
            }
            case "i4" -> {
                int[] out = new int[(int) n];
                readInto(in, (int) n, 4, name, (buf, off, cnt) -> buf.order(order).asIntBuffer().get(out, off, cnt));
                return new Array(DType.INT32, shape, null, null, out, null);
            }
            case "b1" -> {
                boolean[] out = new boolean[(int) n];
                readInto(in, (int) n, 1, name, (buf, off, cnt) -> {
                    for (int i = 0; i < cnt; i++) out[off + i] = buf.get(i) != 0;
                });
                return new Array(DType.BOOL, shape, null, null, null, out);
            }
            default -> throw new IllegalArgumentException(name + ": unsupported dtype '" + descr
                    + "' (supported: <f4, <f8, <i4, |b1)");
        }
    }

    private interface Chunk {
        void take(ByteBuffer buf, int offset, int count);
    }

    private static void readInto(InputStream in, int n, int size, String name, Chunk chunk) throws IOException {
        int per = (1 << 16) / size;
        byte[] bytes = new byte[per * size];
        for (int i = 0; i < n; i += per) {
            int cnt = Math.min(per, n - i);
            int got = in.readNBytes(bytes, 0, cnt * size);
            if (got < cnt * size) throw truncated(name);
            chunk.take(ByteBuffer.wrap(bytes, 0, cnt * size), i, cnt);
        }
    }

    private static int[] parseShape(String inside, String name) {
        String t = inside.trim();
        if (t.isEmpty()) return new int[0];
        String[] parts = t.split(",");
        int len = parts.length;
        if (parts[len - 1].isBlank()) len--;
        int[] shape = new int[len];
        for (int i = 0; i < len; i++) {
            try {
                shape[i] = Integer.parseInt(parts[i].trim().replaceFirst("L$", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + ": bad shape (" + inside + ") in .npy header");
            }
            if (shape[i] < 0) throw new IllegalArgumentException(name + ": negative dimension in shape (" + inside + ")");
        }
        return shape;
    }

    private static IllegalArgumentException truncated(String name) {
        return new IllegalArgumentException(name + " is truncated (shorter than its .npy header says)");
    }

    private static long count(int[] shape) {
        long n = 1;
        for (int s : shape) n *= s;
        return n;
    }

    private static void checkShape(int[] shape) {
        if (shape == null) throw new IllegalArgumentException("shape is missing (null)");
        for (int s : shape) if (s < 0) throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
    }

    private static void checkLength(int length, int[] shape) {
        if (length < 0) throw new IllegalArgumentException("array is missing (null)");
        checkShape(shape);
        if (count(shape) != length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "array of %d elements does not have shape %s",
                    length, shapeRepr(shape)));
        }
    }
}

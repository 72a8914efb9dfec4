package org.topoomni.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes the safetensors format (8-byte little-endian header length, a JSON header of
 * name -> dtype, shape, byte offsets, then the raw little-endian data), the format PyTorch and
 * Hugging Face use for weights. Writes are atomic.
 *
 * <p>Two levels: {@link #read}/{@link #write} move whole float32 files through Java arrays (the
 * program's own checkpoints); {@link #header} parses and validates only the header, so that a
 * large checkpoint can be memory-mapped one tensor at a time ({@link CheckpointReader}), in any of
 * the dtypes of {@link Dtype}.
 */
public final class Safetensors {
    private Safetensors() {}

    /** The safetensors dtype names this program knows, with their element sizes. */
    public enum Dtype {
        F32(4), F16(2), BF16(2), F64(8), I64(8), I32(4), I16(2), I8(1), U8(1), BOOL(1);

        public final int bytes;

        Dtype(int bytes) {
            this.bytes = bytes;
        }

        /** The dtype of a header's name, or null for a name this program does not know (e.g. F8_E4M3). */
        public static Dtype of(String name) {
            for (Dtype d : values()) if (d.name().equals(name)) return d;
            return null;
        }

        /** True for the floating-point dtypes weights can be read from. */
        public boolean isFloat() {
            return this == F32 || this == F16 || this == BF16 || this == F64;
        }
    }

    /** A named float32 tensor. */
    public record Tensor(long[] shape, float[] data) {
        public Tensor {
            long n = 1;
            for (long d : shape) n *= d;
            if (n != data.length) throw new IllegalArgumentException("tensor shape has " + n + " elements but data has " + data.length);
        }
    }

    /** A tensor as raw little-endian bytes of a dtype, for writing files in any dtype. */
    public record RawTensor(Dtype dtype, long[] shape, byte[] data) {
        public RawTensor {
            long n = 1;
            for (long d : shape) n *= d;
            if (n * dtype.bytes != data.length) {
                throw new IllegalArgumentException("a " + dtype + " tensor of shape " + Arrays.toString(shape) + " needs " + n * dtype.bytes + " bytes, got " + data.length);
            }
        }
    }

    /**
     * One tensor's entry in a header.
     *
     * @param dtypeName the dtype as the file names it
     * @param dtype     that dtype, or null if this program does not know it
     * @param begin     first byte of its data, relative to the start of the data section
     * @param end       one past its last byte, relative to the start of the data section
     */
    public record TensorInfo(String name, String dtypeName, Dtype dtype, long[] shape, long begin, long end) {
        public long elements() {
            long n = 1;
            for (long d : shape) n *= d;
            return n;
        }
    }

    /** A validated header: every tensor's offsets lie inside the file and match its shape. */
    public record Header(Path file, long dataStart, Map<String, TensorInfo> tensors, Map<String, String> metadata) {}

    /**
     * Reads and checks a file's header. Fails with a message naming the file for a missing file, a
     * file that is not safetensors, or a tensor whose offsets do not match its shape or the file.
     * Dtypes the program does not know are kept ({@code dtype == null}); the reader of a tensor
     * decides whether it can use it.
     */
    public static Header header(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("weights file not found: " + file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) throw new IOException(file + " is not a safetensors file (only " + size + " bytes)");
            ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, lenBuf, 0);
            long headerLen = lenBuf.flip().getLong();
            if (headerLen <= 0 || headerLen > size - 8 || headerLen > 100_000_000) {
                throw new IOException(file + " is not a safetensors file (header length " + headerLen + " for a file of " + size + " bytes)");
            }
            ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
            readFully(ch, hb, 8);
            JsonNode json;
            try {
                json = org.topoomni.io.Json.mapper().readTree(new String(hb.array(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IOException(file + " has a corrupt safetensors header: " + e.getMessage());
            }
            if (json == null || !json.isObject()) throw new IOException(file + " has a corrupt safetensors header (not a JSON object)");
            long dataStart = 8 + headerLen, dataLen = size - dataStart;
            Map<String, TensorInfo> tensors = new LinkedHashMap<>();
            Map<String, String> metadata = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("__metadata__")) {
                    e.getValue().fields().forEachRemaining(m -> metadata.put(m.getKey(), m.getValue().asText()));
                    continue;
                }
                JsonNode t = e.getValue();
                String dtypeName = t.path("dtype").asText();
                Dtype dtype = Dtype.of(dtypeName);
                JsonNode shapeNode = t.path("shape");
                if (!shapeNode.isArray()) throw new IOException(file + ": tensor '" + e.getKey() + "' has no shape");
                long[] shape = new long[shapeNode.size()];
                for (int i = 0; i < shape.length; i++) shape[i] = shapeNode.get(i).asLong(-1);
                for (long d : shape) if (d < 0) throw new IOException(file + ": tensor '" + e.getKey() + "' has a negative dimension " + Arrays.toString(shape));
                long a = t.path("data_offsets").path(0).asLong(-1), b = t.path("data_offsets").path(1).asLong(-1);
                TensorInfo info = new TensorInfo(e.getKey(), dtypeName, dtype, shape, a, b);
                boolean sizeOk = dtype == null || b - a == info.elements() * dtype.bytes;
                if (a < 0 || b < a || b > dataLen || !sizeOk) {
                    throw new IOException(file + ": tensor '" + e.getKey() + "' has offsets [" + a + ", " + b + "] that do not fit its shape "
                            + Arrays.toString(shape) + " (" + dtypeName + ") or the file (truncated?)");
                }
                tensors.put(e.getKey(), info);
            }
            return new Header(file, dataStart, Collections.unmodifiableMap(tensors), Collections.unmodifiableMap(metadata));
        }
    }

    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        Map<String, RawTensor> raw = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            float[] v = e.getValue().data();
            ByteBuffer buf = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
            buf.asFloatBuffer().put(v);
            raw.put(e.getKey(), new RawTensor(Dtype.F32, e.getValue().shape(), buf.array()));
        }
        writeRaw(file, raw, metadata);
    }

    /** Writes tensors of any dtype, given as their little-endian bytes. */
    public static void writeRaw(Path file, Map<String, RawTensor> tensors, Map<String, String> metadata) throws IOException {
        ObjectMapper om = org.topoomni.io.Json.mapper();
        ObjectNode header = om.createObjectNode();
        if (metadata != null && !metadata.isEmpty()) {
            ObjectNode meta = header.putObject("__metadata__");
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (Map.Entry<String, RawTensor> e : tensors.entrySet()) {
            ObjectNode t = header.putObject(e.getKey());
            t.put("dtype", e.getValue().dtype().name());
            var shape = t.putArray("shape");
            for (long d : e.getValue().shape()) shape.add(d);
            long bytes = e.getValue().data().length;
            t.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] json = om.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(header); // compact, as safetensors writers do
        int pad = (8 - json.length % 8) % 8;
        byte[] padded = new byte[json.length + pad];
        System.arraycopy(json, 0, padded, 0, json.length);
        for (int i = json.length; i < padded.length; i++) padded[i] = ' ';
        org.topoomni.io.AtomicFiles.write(file, out -> {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded.length);
            out.write(len.array());
            out.write(padded);
            for (RawTensor t : tensors.values()) out.write(t.data());
        });
    }

    /**
     * Reads every tensor as float32 (F16 and BF16 are widened exactly); fails with a message
     * naming the file and tensor on any inconsistency or a dtype that is not a float.
     */
    public static Map<String, Tensor> read(Path file) throws IOException {
        Header h = header(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (TensorInfo t : h.tensors().values()) {
                if (t.dtype() != Dtype.F32 && t.dtype() != Dtype.F16 && t.dtype() != Dtype.BF16) {
                    throw new IOException(file + ": tensor '" + t.name() + "' has dtype " + t.dtypeName() + "; only F32, F16 and BF16 can be read as floats");
                }
                ByteBuffer db = ByteBuffer.allocate((int) (t.end() - t.begin())).order(ByteOrder.LITTLE_ENDIAN);
                readFully(ch, db, h.dataStart() + t.begin());
                db.flip();
                out.put(t.name(), new Tensor(t.shape(), toFloats(db, t.dtype(), (int) t.elements())));
            }
            return out;
        }
    }

    /** The header's metadata strings. */
    public static Map<String, String> metadata(Path file) throws IOException {
        return header(file).metadata();
    }

    /** Decodes little-endian F32, F16 or BF16 values to float32 (exact for all three). */
    public static float[] toFloats(ByteBuffer data, Dtype dtype, int n) {
        ByteBuffer b = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[n];
        switch (dtype) {
            case F32 -> b.asFloatBuffer().get(out);
            case BF16 -> {
                for (int i = 0; i < n; i++) out[i] = Float.intBitsToFloat((b.getShort() & 0xffff) << 16);
            }
            case F16 -> {
                for (int i = 0; i < n; i++) out[i] = halfToFloat(b.getShort());
            }
            default -> throw new IllegalArgumentException("cannot decode " + dtype + " as floats");
        }
        return out;
    }

    /** IEEE 754 half precision (binary16) to float32, exact, subnormals, infinities and NaN included. */
    public static float halfToFloat(short h) {
        int bits = h & 0xffff, sign = (bits >>> 15) << 31, exp = (bits >>> 10) & 0x1f, mant = bits & 0x3ff;
        if (exp == 0x1f) return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        if (exp != 0) return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
        if (mant == 0) return Float.intBitsToFloat(sign);
        float v = mant * 0x1p-24f; // subnormal: mant * 2^-24
        return sign != 0 ? -v : v;
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) throw new IOException("unexpected end of file (truncated safetensors?)");
            pos += n;
        }
    }
}

package org.topoomni.backbones.pretrained;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of an ONNX model ({@code .onnx}, a protobuf {@code onnx.ModelProto}) needed to run
 * it elsewhere: the graph's nodes (op, inputs, outputs, attributes), its initializers (the
 * weights) and its input and output names. Read with protobuf-java's {@link CodedInputStream}
 * on the wire format, by the field numbers of {@code onnx.proto}; unknown fields are skipped.
 *
 * <p>Tensors: dims, data type and data from {@code raw_data} (little-endian) or the typed
 * fields ({@code float_data}, {@code int32_data}, {@code int64_data}, {@code double_data}).
 * Float types (float, float16, double) become float[]; integer types and bool become long[].
 * Tensors stored in external files are not supported. A truncated or corrupt file, a file that
 * is not an ONNX model, or one of an unknown IR version fails with one message naming it.
 */
public final class OnnxModel {
    /** ONNX IR versions this reader knows (3: opsets in the model, up to 11: ONNX 1.18-1.20). */
    static final int MIN_IR = 3, MAX_IR = 11;

    // onnx.proto data types
    static final int FLOAT = 1, UINT8 = 2, INT8 = 3, UINT16 = 4, INT16 = 5, INT32 = 6, INT64 = 7, STRING = 8, BOOL = 9,
            FLOAT16 = 10, DOUBLE = 11, UINT32 = 12, UINT64 = 13;

    /** A tensor: {@code floats} for float data types, {@code longs} for integer ones (the other null). */
    public record Tensor(String name, int dataType, long[] dims, float[] floats, long[] longs) {
        public long size() {
            long n = 1;
            for (long d : dims) n *= d;
            return n;
        }
    }

    /** An attribute; only the field its type uses is set. */
    public record Attribute(String name, int type, float f, long i, String s, float[] floats, long[] ints, Tensor t) {}

    public record Node(String name, String op, List<String> inputs, List<String> outputs, Map<String, Attribute> attributes) {
        public Attribute attribute(String key) {
            return attributes.get(key);
        }
    }

    private final String source;
    private final long irVersion;
    private final String producer;
    private final Map<String, Long> opsets;
    private final List<Node> nodes;
    private final Map<String, Tensor> initializers;
    private final List<String> inputs, outputs;
    private final Map<String, List<Node>> consumers = new LinkedHashMap<>();
    private final Map<String, Node> producers = new LinkedHashMap<>();

    private OnnxModel(String source, long irVersion, String producer, Map<String, Long> opsets, List<Node> nodes,
                      Map<String, Tensor> initializers, List<String> inputs, List<String> outputs) {
        this.source = source;
        this.irVersion = irVersion;
        this.producer = producer;
        this.opsets = opsets;
        this.nodes = nodes;
        this.initializers = initializers;
        this.inputs = inputs;
        this.outputs = outputs;
        for (Node n : nodes) {
            for (String in : n.inputs()) consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
            for (String out : n.outputs()) producers.put(out, n);
        }
    }

    public String source() { return source; }
    public long irVersion() { return irVersion; }
    public String producer() { return producer; }
    public Map<String, Long> opsets() { return Collections.unmodifiableMap(opsets); }
    /** Nodes in the file's (topological) order. */
    public List<Node> nodes() { return Collections.unmodifiableList(nodes); }
    public Map<String, Tensor> initializers() { return Collections.unmodifiableMap(initializers); }
    /** The graph's input names that are not initializers. */
    public List<String> inputs() { return inputs; }
    public List<String> outputs() { return outputs; }

    /** The nodes reading a value. */
    public List<Node> consumers(String value) {
        return consumers.getOrDefault(value, List.of());
    }

    /** The node writing a value, or null for a graph input or initializer. */
    public Node producer(String value) {
        return producers.get(value);
    }

    public Tensor initializer(String name) throws IOException {
        Tensor t = initializers.get(name);
        if (t == null) throw new IOException(source + " has no initializer '" + name + "'");
        return t;
    }

    /** A constant value: an initializer or the tensor of a Constant node; null if it is computed. */
    public Tensor constant(String value) {
        Tensor t = initializers.get(value);
        if (t != null) return t;
        Node p = producers.get(value);
        if (p != null && p.op().equals("Constant") && p.attribute("value") != null) return p.attribute("value").t();
        return null;
    }

    // ------------------------------------------------------------------ reading

    public static OnnxModel read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("ONNX model not found: " + file);
        return read(Files.readAllBytes(file), file.toString());
    }

    /** Reads a model from a class path resource (e.g. one inside a Maven jar). */
    public static OnnxModel readResource(String resource) throws IOException {
        try (InputStream in = OnnxModel.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IOException("ONNX model '" + resource + "' is not on the class path (is its Maven dependency resolved? run ./setup)");
            return read(in.readAllBytes(), "classpath:" + resource);
        }
    }

    public static OnnxModel read(byte[] bytes, String source) throws IOException {
        try {
            return parseModel(CodedInputStream.newInstance(bytes), source);
        } catch (InvalidProtocolBufferException e) {
            throw new IOException(source + " is not a readable ONNX model (" + e.getMessage() + "; truncated or corrupt?)");
        } catch (IllegalArgumentException | IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
            throw new IOException(source + " is not a readable ONNX model (" + e.getMessage() + ")");
        }
    }

    private static OnnxModel parseModel(CodedInputStream in, String source) throws IOException {
        in.setSizeLimit(Integer.MAX_VALUE);
        in.setRecursionLimit(200);
        long ir = -1;
        String producer = "";
        Map<String, Long> opsets = new LinkedHashMap<>();
        GraphParts graph = null;
        while (true) {
            int tag = in.readTag();
            if (tag == 0) break;
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> ir = in.readInt64();
                case 2 -> producer = in.readString();
                case 7 -> graph = nested(in, () -> parseGraph(in, source));
                case 8 -> {
                    long[] v = {0};
                    String[] domain = {""};
                    nested(in, () -> {
                        for (int t = in.readTag(); t != 0; t = in.readTag()) {
                            switch (WireFormat.getTagFieldNumber(t)) {
                                case 1 -> domain[0] = in.readString();
                                case 2 -> v[0] = in.readInt64();
                                default -> in.skipField(t);
                            }
                        }
                        return null;
                    });
                    opsets.put(domain[0], v[0]);
                }
                default -> in.skipField(tag);
            }
        }
        if (ir < 0 || graph == null) throw new IOException(source + " is not an ONNX model (no IR version or no graph)");
        if (opsets.isEmpty()) throw new IOException(source + " names no operator set (opset_import): truncated or not an ONNX model");
        if (ir < MIN_IR || ir > MAX_IR) throw new IOException(source + " has ONNX IR version " + ir + "; this reader knows versions " + MIN_IR + " to " + MAX_IR);
        List<String> inputs = new ArrayList<>();
        for (String i : graph.inputs) if (!graph.initializers.containsKey(i)) inputs.add(i);
        return new OnnxModel(source, ir, producer, opsets, graph.nodes, graph.initializers, List.copyOf(inputs), List.copyOf(graph.outputs));
    }

    private static final class GraphParts {
        final List<Node> nodes = new ArrayList<>();
        final Map<String, Tensor> initializers = new LinkedHashMap<>();
        final List<String> inputs = new ArrayList<>(), outputs = new ArrayList<>();
    }

    private interface Body<T> {
        T read() throws IOException;
    }

    /** Reads one length-delimited sub-message with {@code body}, which reads tags until the limit. */
    private static <T> T nested(CodedInputStream in, Body<T> body) throws IOException {
        int length = in.readRawVarint32();
        if (length < 0) throw new InvalidProtocolBufferException("negative message length");
        int old = in.pushLimit(length);
        T out = body.read();
        if (in.getBytesUntilLimit() != 0) throw new InvalidProtocolBufferException("message ended early");
        in.popLimit(old);
        return out;
    }

    private static GraphParts parseGraph(CodedInputStream in, String source) throws IOException {
        GraphParts g = new GraphParts();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> g.nodes.add(nested(in, () -> parseNode(in, source)));
                case 5 -> {
                    Tensor t = nested(in, () -> parseTensor(in, source));
                    if (g.initializers.put(t.name(), t) != null) throw new IOException(source + ": initializer '" + t.name() + "' appears twice");
                }
                case 11 -> g.inputs.add(nested(in, () -> valueInfoName(in)));
                case 12 -> g.outputs.add(nested(in, () -> valueInfoName(in)));
                case 15 -> throw new IOException(source + " has sparse initializers; not supported");
                default -> in.skipField(tag);
            }
        }
        return g;
    }

    private static String valueInfoName(CodedInputStream in) throws IOException {
        String name = "";
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (WireFormat.getTagFieldNumber(tag) == 1) name = in.readString();
            else in.skipField(tag);
        }
        return name;
    }

    private static Node parseNode(CodedInputStream in, String source) throws IOException {
        List<String> inputs = new ArrayList<>(), outputs = new ArrayList<>();
        String name = "", op = "";
        Map<String, Attribute> attrs = new LinkedHashMap<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> inputs.add(in.readString());
                case 2 -> outputs.add(in.readString());
                case 3 -> name = in.readString();
                case 4 -> op = in.readString();
                case 5 -> {
                    Attribute a = nested(in, () -> parseAttribute(in, source));
                    attrs.put(a.name(), a);
                }
                default -> in.skipField(tag);
            }
        }
        return new Node(name, op, List.copyOf(inputs), List.copyOf(outputs), attrs);
    }

    private static Attribute parseAttribute(CodedInputStream in, String source) throws IOException {
        String name = "", s = null;
        int type = 0;
        float f = 0;
        long i = 0;
        Tensor t = null;
        List<Float> floats = new ArrayList<>();
        List<Long> ints = new ArrayList<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int field = WireFormat.getTagFieldNumber(tag), wire = WireFormat.getTagWireType(tag);
            switch (field) {
                case 1 -> name = in.readString();
                case 20 -> type = in.readEnum();
                case 2 -> f = in.readFloat();
                case 3 -> i = in.readInt64();
                case 4 -> s = in.readBytes().toString(StandardCharsets.UTF_8);
                case 5 -> t = nested(in, () -> parseTensor(in, source));
                case 7 -> {
                    if (wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) packed(in, () -> floats.add(in.readFloat()));
                    else floats.add(in.readFloat());
                }
                case 8 -> {
                    if (wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) packed(in, () -> ints.add(in.readInt64()));
                    else ints.add(in.readInt64());
                }
                default -> in.skipField(tag);
            }
        }
        float[] fa = new float[floats.size()];
        for (int k = 0; k < fa.length; k++) fa[k] = floats.get(k);
        long[] ia = ints.stream().mapToLong(Long::longValue).toArray();
        return new Attribute(name, type, f, i, s, fa, ia, t);
    }

    private interface Element {
        void read() throws IOException;
    }

    /** A packed repeated field: a length, then elements until it is used up. */
    private static void packed(CodedInputStream in, Element e) throws IOException {
        int length = in.readRawVarint32();
        int old = in.pushLimit(length);
        while (in.getBytesUntilLimit() > 0) e.read();
        in.popLimit(old);
    }

    private static Tensor parseTensor(CodedInputStream in, String source) throws IOException {
        List<Long> dims = new ArrayList<>();
        int type = 0;
        String name = "";
        byte[] raw = null;
        boolean external = false;
        List<Float> floatData = new ArrayList<>();
        List<Long> intData = new ArrayList<>();
        List<Double> doubleData = new ArrayList<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int field = WireFormat.getTagFieldNumber(tag);
            boolean isPacked = WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
            switch (field) {
                case 1 -> { if (isPacked) packed(in, () -> dims.add(in.readInt64())); else dims.add(in.readInt64()); }
                case 2 -> type = in.readInt32();
                case 4 -> { if (isPacked) packed(in, () -> floatData.add(in.readFloat())); else floatData.add(in.readFloat()); }
                case 5 -> { if (isPacked) packed(in, () -> intData.add((long) in.readInt32())); else intData.add((long) in.readInt32()); }
                case 7 -> { if (isPacked) packed(in, () -> intData.add(in.readInt64())); else intData.add(in.readInt64()); }
                case 10 -> { if (isPacked) packed(in, () -> doubleData.add(in.readDouble())); else doubleData.add(in.readDouble()); }
                case 11 -> { if (isPacked) packed(in, () -> intData.add(in.readUInt64())); else intData.add(in.readUInt64()); }
                case 8 -> name = in.readString();
                case 9 -> raw = in.readByteArray();
                case 13 -> { external = true; in.skipField(tag); }
                case 14 -> external |= in.readEnum() == 1;
                default -> in.skipField(tag);
            }
        }
        if (external) throw new IOException(source + ": tensor '" + name + "' keeps its data in an external file; not supported");
        long[] d = dims.stream().mapToLong(Long::longValue).toArray();
        long n = 1;
        for (long x : d) {
            if (x < 0) throw new IOException(source + ": tensor '" + name + "' has a negative dimension");
            n *= x;
        }
        if (n > Integer.MAX_VALUE) throw new IOException(source + ": tensor '" + name + "' is too large");
        int count = (int) n;
        boolean isFloat = type == FLOAT || type == FLOAT16 || type == DOUBLE;
        boolean isInt = type == UINT8 || type == INT8 || type == UINT16 || type == INT16 || type == INT32 || type == INT64
                || type == BOOL || type == UINT32 || type == UINT64;
        if (!isFloat && !isInt) throw new IOException(source + ": tensor '" + name + "' has data type " + type + "; not supported");
        float[] floats = isFloat ? new float[count] : null;
        long[] longs = isInt ? new long[count] : null;
        if (raw != null) {
            int width = width(type);
            if ((long) width * count != raw.length) {
                throw new IOException(source + ": tensor '" + name + "' holds " + raw.length + " bytes for " + count + " elements of " + width + " bytes (corrupt)");
            }
            ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
            for (int k = 0; k < count; k++) {
                switch (type) {
                    case FLOAT -> floats[k] = b.getFloat();
                    case DOUBLE -> floats[k] = (float) b.getDouble();
                    case FLOAT16 -> floats[k] = org.topoomni.model.Safetensors.halfToFloat(b.getShort());
                    case UINT8, BOOL -> longs[k] = b.get() & 0xff;
                    case INT8 -> longs[k] = b.get();
                    case UINT16 -> longs[k] = b.getShort() & 0xffff;
                    case INT16 -> longs[k] = b.getShort();
                    case INT32 -> longs[k] = b.getInt();
                    case UINT32 -> longs[k] = b.getInt() & 0xffffffffL;
                    default -> longs[k] = b.getLong();
                }
            }
        } else {
            int have = type == FLOAT ? floatData.size() : type == DOUBLE ? doubleData.size() : intData.size();
            if (have != count) throw new IOException(source + ": tensor '" + name + "' has " + have + " values for shape " + dims);
            for (int k = 0; k < count; k++) {
                switch (type) {
                    case FLOAT -> floats[k] = floatData.get(k);
                    case DOUBLE -> floats[k] = doubleData.get(k).floatValue();
                    case FLOAT16 -> floats[k] = org.topoomni.model.Safetensors.halfToFloat((short) intData.get(k).intValue());
                    default -> longs[k] = intData.get(k);
                }
            }
        }
        return new Tensor(name, type, d, floats, longs);
    }

    private static int width(int type) {
        return switch (type) {
            case UINT8, INT8, BOOL -> 1;
            case UINT16, INT16, FLOAT16 -> 2;
            case FLOAT, INT32, UINT32 -> 4;
            default -> 8;
        };
    }
}

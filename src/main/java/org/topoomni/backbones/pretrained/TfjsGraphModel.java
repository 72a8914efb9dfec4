package org.topoomni.backbones.pretrained;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TensorFlow.js graph model ({@code model.json} + its {@code .bin} weight shards) read into
 * memory: the graph's nodes (op, inputs, attributes) and every weight as a named tensor.
 *
 * <p>The format: {@code model.json} holds {@code format: "graph-model"}, {@code modelTopology.node}
 * (TensorFlow NodeDefs written as JSON: name, op, input names, attr values whose strings are
 * base64) and {@code weightsManifest}, a list of groups; each group names its shard files
 * ({@code paths}, read one after another as one byte stream) and its weights in the order their
 * bytes appear: name, shape, dtype and optionally {@code quantization}. A quantized weight is
 * stored as {@code float16} (2 bytes, IEEE half) or as {@code uint8}/{@code uint16} codes q with
 * value {@code q * scale + min}. Everything is little-endian. Weights are the values of the
 * graph's {@code Const} nodes, matched by name.
 *
 * <p>Reading is strict: shards shorter or longer than the manifest says, a JSON file that is not
 * a graph model, an unknown dtype or quantization each fail with one message naming the file.
 */
public final class TfjsGraphModel {

    /** One node of the graph. {@code inputs} are node names (output index and control inputs stripped). */
    public record Node(String name, String op, List<String> inputs, JsonNode attr) {

        /** A string attribute ({@code attr.K.s}, base64 in the JSON), or null when absent. */
        public String string(String key) {
            JsonNode s = attr.path(key).path("s");
            return s.isTextual() ? decode(s.asText()) : null;
        }

        /** A list-of-strings attribute ({@code attr.K.list.s}); empty when absent. */
        public List<String> strings(String key) {
            List<String> out = new ArrayList<>();
            for (JsonNode s : attr.path(key).path("list").path("s")) out.add(decode(s.asText()));
            return out;
        }

        /** A list-of-ints attribute ({@code attr.K.list.i}, ints written as strings), or null when absent. */
        public long[] ints(String key) {
            JsonNode list = attr.path(key).path("list");
            if (list.isMissingNode()) return null;
            JsonNode i = list.path("i");
            long[] out = new long[i.size()];
            for (int k = 0; k < out.length; k++) out[k] = i.get(k).asLong();
            return out;
        }

        /** An int attribute ({@code attr.K.i}), or {@code fallback} when absent. */
        public long integer(String key, long fallback) {
            JsonNode i = attr.path(key).path("i");
            return i.isMissingNode() ? fallback : i.asLong();
        }

        /** A bool attribute ({@code attr.K.b}), or {@code fallback} when absent. */
        public boolean bool(String key, boolean fallback) {
            JsonNode b = attr.path(key).path("b");
            return b.isMissingNode() ? fallback : b.asBoolean();
        }

        private static String decode(String base64) {
            try {
                return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return base64; // some converters write plain strings
            }
        }
    }

    /**
     * A weight: float values for float dtypes (after dequantization), int values for int32 and
     * bool, strings for string tensors; the other arrays are null.
     */
    public record Tensor(String name, String dtype, long[] shape, float[] floats, int[] ints, String[] strings) {
        public long size() {
            long n = 1;
            for (long d : shape) n *= d;
            return n;
        }
    }

    private final Path file;
    private final String format;
    private final Map<String, Node> nodes;
    private final Map<String, Tensor> weights;
    private final Map<String, List<Node>> consumers;

    private TfjsGraphModel(Path file, String format, Map<String, Node> nodes, Map<String, Tensor> weights) {
        this.file = file;
        this.format = format;
        this.nodes = nodes;
        this.weights = weights;
        Map<String, List<Node>> c = new LinkedHashMap<>();
        for (Node n : nodes.values()) for (String in : n.inputs()) c.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
        this.consumers = c;
    }

    /** The {@code model.json} this model was read from. */
    public Path file() {
        return file;
    }

    public String format() {
        return format;
    }

    /** Every node in the order of the file. */
    public Map<String, Node> nodes() {
        return Collections.unmodifiableMap(nodes);
    }

    public Map<String, Tensor> weights() {
        return Collections.unmodifiableMap(weights);
    }

    public boolean hasNode(String name) {
        return nodes.containsKey(name);
    }

    /** The node of that name; a graph without it is not the model the caller expects. */
    public Node node(String name) throws IOException {
        Node n = nodes.get(name);
        if (n == null) throw new IOException(file + ": the graph has no node '" + name + "' (a different model?)");
        return n;
    }

    /** The nodes that read a node's output, in file order. */
    public List<Node> consumers(String name) {
        return consumers.getOrDefault(name, List.of());
    }

    /** The weight of that name (the value of a Const node). */
    public Tensor weight(String name) throws IOException {
        Tensor t = weights.get(name);
        if (t == null) throw new IOException(file + ": no weight named '" + name + "' in the weights manifest");
        return t;
    }

    /** A float weight of exactly this shape. */
    public Tensor floatWeight(String name, long... shape) throws IOException {
        Tensor t = weight(name);
        if (t.floats() == null) throw new IOException(file + ": weight '" + name + "' has dtype " + t.dtype() + "; a float tensor was expected");
        if (!Arrays.equals(t.shape(), shape)) {
            throw new IOException(file + ": weight '" + name + "' has shape " + Arrays.toString(t.shape())
                    + " but the graph around it needs " + Arrays.toString(shape));
        }
        return t;
    }

    /** A float scalar weight (shape [] or [1]). */
    public float scalar(String name) throws IOException {
        Tensor t = weight(name);
        if (t.floats() == null || t.size() != 1) {
            throw new IOException(file + ": weight '" + name + "' should be one float but has dtype " + t.dtype() + " and shape " + Arrays.toString(t.shape()));
        }
        return t.floats()[0];
    }

    // ------------------------------------------------------------------ reading

    /**
     * Reads {@code model.json} and the shards it names (paths relative to its folder).
     *
     * @throws IOException naming the file when it is missing, not a graph model, or its shards
     *                     do not hold exactly the bytes the manifest describes
     */
    public static TfjsGraphModel read(Path modelJson) throws IOException {
        if (!Files.isRegularFile(modelJson)) throw new IOException("model file not found: " + modelJson);
        JsonNode root;
        try {
            root = org.topoomni.io.Json.mapper().readTree(modelJson.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(modelJson + " is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) throw new IOException(modelJson + " is not a TensorFlow.js model (no JSON object)");
        String format = root.path("format").asText("");
        JsonNode topology = root.path("modelTopology");
        if (!format.isEmpty() && !format.equals("graph-model")) {
            throw new IOException(modelJson + " has format '" + format + "'; only TensorFlow.js graph models (format \"graph-model\") are read");
        }
        if (topology.has("class_name") || topology.has("model_config")) {
            throw new IOException(modelJson + " is a TensorFlow.js layers model (Keras topology), not a graph model");
        }
        JsonNode nodeList = topology.path("node");
        if (!nodeList.isArray() || nodeList.isEmpty()) {
            throw new IOException(modelJson + " is not a TensorFlow.js graph model: modelTopology.node is missing or empty");
        }
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (JsonNode n : nodeList) {
            String name = n.path("name").asText(null), op = n.path("op").asText(null);
            if (name == null || op == null) throw new IOException(modelJson + ": a node lacks its name or op");
            List<String> inputs = new ArrayList<>();
            for (JsonNode in : n.path("input")) {
                String s = in.asText();
                if (s.startsWith("^")) continue; // control dependency, no data
                if (s.endsWith(":0")) s = s.substring(0, s.length() - 2); // output 0 is the node itself; "x:1" stays as it is
                inputs.add(s);
            }
            if (nodes.put(name, new Node(name, op, List.copyOf(inputs), n.path("attr"))) != null) {
                throw new IOException(modelJson + ": node '" + name + "' is defined twice");
            }
        }
        JsonNode manifest = root.path("weightsManifest");
        if (!manifest.isArray()) throw new IOException(modelJson + " has no weightsManifest (a graph model lists its weight files there)");
        Map<String, Tensor> weights = new LinkedHashMap<>();
        Path dir = modelJson.toAbsolutePath().getParent();
        for (JsonNode group : manifest) readGroup(modelJson, dir, group, weights);
        return new TfjsGraphModel(modelJson, format.isEmpty() ? "graph-model" : format, nodes, weights);
    }

    private static void readGroup(Path modelJson, Path dir, JsonNode group, Map<String, Tensor> out) throws IOException {
        JsonNode paths = group.path("paths");
        if (!paths.isArray() || paths.isEmpty()) throw new IOException(modelJson + ": a weightsManifest group names no paths");
        List<Path> shards = new ArrayList<>();
        long total = 0;
        for (JsonNode p : paths) {
            Path shard = dir.resolve(p.asText());
            if (!Files.isRegularFile(shard)) throw new IOException("weights file " + shard + " named by " + modelJson + " is missing");
            shards.add(shard);
            total += Files.size(shard);
        }
        long need = 0;
        List<long[]> shapes = new ArrayList<>();
        for (JsonNode w : group.path("weights")) {
            long[] shape = shapeOf(modelJson, w);
            shapes.add(shape);
            need += byteLength(modelJson, w, shape, null, 0);
        }
        String names = shards.size() == 1 ? shards.get(0).toString() : shards.toString();
        if (need != total && !hasStrings(group)) {
            throw new IOException("weights file " + names + " is " + total + " bytes but " + modelJson.getFileName()
                    + " describes " + need + " bytes of weights (" + (total < need ? "truncated" : "a different or corrupt file") + ")");
        }
        if (total > Integer.MAX_VALUE - 16) throw new IOException("weights of " + names + " exceed 2 GiB; not supported");
        ByteBuffer buf = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        for (Path s : shards) buf.put(Files.readAllBytes(s));
        buf.flip();
        int k = 0;
        for (JsonNode w : group.path("weights")) {
            long[] shape = shapes.get(k++);
            String name = w.path("name").asText();
            long len = byteLength(modelJson, w, shape, buf, buf.position());
            if (buf.remaining() < len) {
                throw new IOException("weights file " + names + " ends inside weight '" + name + "' (truncated)");
            }
            ByteBuffer slice = buf.slice().order(ByteOrder.LITTLE_ENDIAN);
            slice.limit((int) len);
            buf.position(buf.position() + (int) len);
            if (out.put(name, decodeWeight(modelJson, w, name, shape, slice)) != null) {
                throw new IOException(modelJson + ": weight '" + name + "' is listed twice in the manifest");
            }
        }
        if (buf.hasRemaining()) {
            throw new IOException("weights file " + names + " has " + buf.remaining() + " bytes more than " + modelJson.getFileName() + " describes");
        }
    }

    private static boolean hasStrings(JsonNode group) {
        for (JsonNode w : group.path("weights")) if ("string".equals(w.path("dtype").asText())) return true;
        return false;
    }

    private static long[] shapeOf(Path modelJson, JsonNode w) throws IOException {
        JsonNode s = w.path("shape");
        if (!s.isArray()) throw new IOException(modelJson + ": weight '" + w.path("name").asText() + "' has no shape");
        long[] shape = new long[s.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = s.get(i).asLong(-1);
            if (shape[i] < 0) throw new IOException(modelJson + ": weight '" + w.path("name").asText() + "' has a bad shape " + s);
        }
        return shape;
    }

    private static long count(long[] shape) {
        long n = 1;
        for (long d : shape) n *= d;
        return n;
    }

    /**
     * Bytes a weight takes in the shard. String tensors are variable: each element is a 4-byte
     * length and that many UTF-8 bytes, so their length is read from {@code data} when given.
     */
    private static long byteLength(Path modelJson, JsonNode w, long[] shape, ByteBuffer data, int at) throws IOException {
        String name = w.path("name").asText();
        String stored = storedDtype(modelJson, w);
        long n = count(shape);
        switch (stored) {
            case "float32", "int32": return 4 * n;
            case "float16", "uint16": return 2 * n;
            case "uint8", "bool": return n;
            case "string": {
                if (data == null) return 0;
                long len = 0;
                for (long i = 0; i < n; i++) {
                    if (data.limit() - at - len < 4) throw new IOException(modelJson + ": string weight '" + name + "' runs past the end of its shard");
                    int l = data.getInt((int) (at + len));
                    if (l < 0) throw new IOException(modelJson + ": string weight '" + name + "' is corrupt");
                    len += 4 + l;
                }
                return len;
            }
            default:
                throw new IOException(modelJson + ": weight '" + name + "' has unsupported dtype '" + stored + "'");
        }
    }

    /** The dtype of the bytes in the shard: the quantization dtype when quantized. */
    private static String storedDtype(Path modelJson, JsonNode w) throws IOException {
        String dtype = w.path("dtype").asText("");
        JsonNode q = w.path("quantization");
        if (q.isMissingNode() || q.isNull()) return dtype;
        String qd = q.path("dtype").asText("");
        if (!qd.equals("float16") && !qd.equals("uint8") && !qd.equals("uint16")) {
            throw new IOException(modelJson + ": weight '" + w.path("name").asText() + "' has unsupported quantization dtype '" + qd + "'");
        }
        return qd;
    }

    private static Tensor decodeWeight(Path modelJson, JsonNode w, String name, long[] shape, ByteBuffer b) throws IOException {
        String dtype = w.path("dtype").asText("");
        String stored = storedDtype(modelJson, w);
        int n = (int) count(shape);
        JsonNode q = w.path("quantization");
        boolean isFloat = dtype.equals("float32");
        float[] f = new float[n];
        switch (stored) {
            case "float32" -> b.asFloatBuffer().get(f);
            case "int32" -> {
                int[] v = new int[n];
                b.asIntBuffer().get(v);
                return new Tensor(name, dtype, shape, null, v, null);
            }
            case "bool" -> {
                int[] v = new int[n];
                for (int i = 0; i < n; i++) v[i] = b.get(i) != 0 ? 1 : 0;
                return new Tensor(name, dtype, shape, null, v, null);
            }
            case "string" -> {
                String[] v = new String[n];
                int at = 0;
                for (int i = 0; i < n; i++) {
                    int l = b.getInt(at);
                    byte[] bytes = new byte[l];
                    b.get(at + 4, bytes);
                    v[i] = new String(bytes, StandardCharsets.UTF_8);
                    at += 4 + l;
                }
                return new Tensor(name, dtype, shape, null, null, v);
            }
            case "float16" -> {
                for (int i = 0; i < n; i++) f[i] = org.topoomni.model.Safetensors.halfToFloat(b.getShort(2 * i));
            }
            case "uint8", "uint16" -> {
                if (!q.path("scale").isNumber() || !q.path("min").isNumber()) {
                    throw new IOException(modelJson + ": quantized weight '" + name + "' lacks its scale or min");
                }
                float scale = (float) q.path("scale").asDouble(), min = (float) q.path("min").asDouble();
                for (int i = 0; i < n; i++) {
                    int code = stored.equals("uint8") ? b.get(i) & 0xff : b.getShort(2 * i) & 0xffff;
                    f[i] = code * scale + min;
                }
            }
            default -> throw new IOException(modelJson + ": weight '" + name + "' has unsupported dtype '" + stored + "'");
        }
        if (isFloat) return new Tensor(name, dtype, shape, f, null, null);
        if (dtype.equals("int32")) {
            int[] v = new int[n];
            for (int i = 0; i < n; i++) v[i] = Math.round(f[i]);
            return new Tensor(name, dtype, shape, null, v, null);
        }
        throw new IOException(modelJson + ": weight '" + name + "' of dtype " + dtype + " cannot be quantized as " + stored);
    }
}

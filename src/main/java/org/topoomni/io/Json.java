package org.topoomni.io;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one JSON policy of every result file: pretty-printed, written atomically, keys in the order
 * the value gives them (a record's components, a map's insertion order), NaN and infinities
 * written as null (valid JSON for every reader) and a null or absent number read back as NaN.
 * Unknown keys are ignored when a file is read into a record, so that a file written by a later
 * version still opens.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(nanAsNull())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** Two-space indentation with "\n" line ends on every platform, so a file is byte-identical wherever it is written. */
    private static final com.fasterxml.jackson.databind.ObjectWriter WRITER = MAPPER.writer(
            new com.fasterxml.jackson.core.util.DefaultPrettyPrinter().withObjectIndenter(new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n")));

    private Json() {
    }

    /**
     * The project's one ObjectMapper, with this policy (every JSON file of the program, results,
     * manifests, configs and checkpoints, is read and written through it). A reader that must be
     * stricter (a config that refuses unknown keys) takes a {@code copy()} and changes only that.
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String toString(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value as UTF-8 JSON with a final line end. */
    public static byte[] bytes(Object value) {
        return (toString(value) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public static void write(Path file, Object value) throws IOException {
        AtomicFiles.writeString(file, toString(value) + "\n");
    }

    public static JsonNode read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("no JSON file at " + file);
        try {
            return MAPPER.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * Reads a file into {@code type} (a record of the results package, usually).
     *
     * @throws IllegalArgumentException naming the file when it is missing, is not JSON, or holds
     *                                  a value of the wrong type (a list where a number belongs)
     */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        JsonNode tree = read(file);
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + " does not hold a " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    /** A tree (or map) converted to {@code type}; {@code where} names it in the error. */
    public static <T> T convert(Object value, Class<T> type, String where) {
        try {
            return MAPPER.convertValue(value instanceof JsonNode n ? n : MAPPER.valueToTree(value), type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " does not hold a " + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The value as a JSON tree, written by the same rules as a file (NaN as null). */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** The value as an ordered map of its keys (a record as the file would hold it). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(Object value) {
        return MAPPER.convertValue(tree(value), LinkedHashMap.class);
    }

    /** The keys a record (or bean) is written with, in file order; keys it only passes through (any-getter) are not listed. */
    public static List<String> keys(Class<?> type) {
        JavaType t = MAPPER.constructType(type);
        List<String> out = new ArrayList<>();
        for (BeanPropertyDefinition p : MAPPER.getSerializationConfig().introspect(t).findProperties()) {
            boolean passThrough = p.getAccessor() != null && p.getAccessor().hasAnnotation(JsonAnyGetter.class);
            if (p.couldSerialize() && !passThrough) out.add(p.getName());
        }
        return out;
    }

    /**
     * For {@code @JsonInclude(value = CUSTOM, valueFilter = Json.Absent.class)}: leaves a key out of
     * the file when its value is null or a NaN number, for keys that a file holds only when measured.
     */
    public static final class Absent {
        @Override
        public boolean equals(Object value) {
            return value == null || value instanceof Double d && !Double.isFinite(d);
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    // ------------------------------------------------------------------ the NaN policy

    private static SimpleModule nanAsNull() {
        SimpleModule m = new SimpleModule("topo-omni-nan-as-null");
        StdSerializer<Double> number = new StdSerializer<>(Double.class) {
            @Override
            public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
                if (Double.isFinite(v)) g.writeNumber(v);
                else g.writeNull();
            }
        };
        m.addSerializer(Double.class, number);
        m.addSerializer(double.class, number);
        m.addSerializer(Float.class, new StdSerializer<>(Float.class) {
            @Override
            public void serialize(Float v, JsonGenerator g, SerializerProvider p) throws IOException {
                if (Float.isFinite(v)) g.writeNumber(v);
                else g.writeNull();
            }
        });
        m.addSerializer(double[].class, new StdSerializer<>(double[].class) {
            @Override
            public void serialize(double[] a, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeStartArray(a, a.length);
                for (double v : a) {
                    if (Double.isFinite(v)) g.writeNumber(v);
                    else g.writeNull();
                }
                g.writeEndArray();
            }
        });
        StdDeserializer<Double> nanForNull = new StdDeserializer<>(Double.class) {
            @Override
            public Double deserialize(JsonParser p, DeserializationContext c) throws IOException {
                if (p.currentToken() == JsonToken.VALUE_NUMBER_INT || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) return p.getDoubleValue();
                if (p.currentToken() == JsonToken.VALUE_STRING) {
                    String s = p.getText().trim();
                    if (s.equals("NaN")) return Double.NaN;
                    if (s.equals("Infinity")) return Double.POSITIVE_INFINITY;
                    if (s.equals("-Infinity")) return Double.NEGATIVE_INFINITY;
                }
                return (Double) c.handleUnexpectedToken(Double.class, p);
            }

            @Override
            public Double getNullValue(DeserializationContext c) {
                return Double.NaN;
            }

            @Override
            public Object getAbsentValue(DeserializationContext c) {
                return Double.NaN;
            }
        };
        m.addDeserializer(Double.class, nanForNull);
        m.addDeserializer(double.class, nanForNull);
        m.addDeserializer(double[].class, new StdDeserializer<>(double[].class) {
            @Override
            public double[] deserialize(JsonParser p, DeserializationContext c) throws IOException {
                if (p.currentToken() != JsonToken.START_ARRAY) return (double[]) c.handleUnexpectedToken(double[].class, p);
                List<Double> values = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    values.add(t == JsonToken.VALUE_NULL ? Double.NaN : nanForNull.deserialize(p, c));
                }
                double[] out = new double[values.size()];
                for (int i = 0; i < out.length; i++) out[i] = values.get(i);
                return out;
            }
        });
        return m;
    }
}

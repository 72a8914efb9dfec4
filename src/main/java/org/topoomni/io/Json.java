package org.topoomni.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON results: pretty-printed, NaN and infinities written as null (valid JSON for every reader), atomic. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    public static String toString(Object value) {
        try {
            return MAPPER.writeValueAsString(clean(value));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void write(Path file, Object value) throws IOException {
        AtomicFiles.writeString(file, toString(value) + "\n");
    }

    public static JsonNode read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("no JSON file at " + file);
        try {
            return MAPPER.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Replaces non-finite doubles by null, recursively (maps, collections, arrays of numbers). */
    static Object clean(Object v) {
        if (v instanceof Double d) return Double.isFinite(d) ? d : null;
        if (v instanceof Float f) return Float.isFinite(f) ? f : null;
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (var e : m.entrySet()) out.put(e.getKey(), clean(e.getValue()));
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>();
            for (Object o : c) out.add(clean(o));
            return out;
        }
        if (v instanceof double[] a) {
            List<Object> out = new ArrayList<>();
            for (double d : a) out.add(Double.isFinite(d) ? d : null);
            return out;
        }
        return v;
    }
}

package org.topoomni.results;

import org.topoomni.io.Json;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Checks that a result file reads into its record and that the record writes back the same JSON, key for key and in order. */
public final class RoundTrip {

    private RoundTrip() {
    }

    public interface Reader<T> {
        T read(Path file) throws IOException;
    }

    public static <T> T check(Path file, Reader<T> reader) throws IOException {
        T record = reader.read(file);
        assertEquals(Json.toString(Json.read(file)), Json.toString(record), file + " does not survive a read and a write through its record");
        return record;
    }
}

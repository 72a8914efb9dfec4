package org.topoomni.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class JsonTest {

    record Sample(@JsonProperty("mean_i") double meanI, @JsonProperty("curve") double[] curve, @JsonProperty("n") int n,
                  @JsonProperty("only_when_measured") @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Json.Absent.class) double optional,
                  @JsonProperty("by_name") Map<String, Double> byName) {}

    @Test
    void nanIsWrittenAsNullAndReadBackAsNaN(@TempDir Path dir) throws Exception {
        Map<String, Double> by = new LinkedHashMap<>();
        by.put("a", Double.NaN);
        by.put("b", 2.0);
        Sample s = new Sample(Double.NaN, new double[] {1, Double.NaN, Double.POSITIVE_INFINITY}, 3, Double.NaN, by);
        Path f = dir.resolve("s.json");
        Json.write(f, s);
        String text = Files.readString(f);
        assertFalse(text.contains("NaN") || text.contains("Infinity"), text);
        assertEquals("{\"mean_i\":null,\"curve\":[1.0,null,null],\"n\":3,\"by_name\":{\"a\":null,\"b\":2.0}}", text.replaceAll("\\s", ""),
                "keys in the record's order; a NaN that is only written when measured is left out");
        Sample back = Json.read(f, Sample.class);
        assertTrue(Double.isNaN(back.meanI()));
        assertEquals(1.0, back.curve()[0]);
        assertTrue(Double.isNaN(back.curve()[1]) && Double.isNaN(back.curve()[2]));
        assertTrue(Double.isNaN(back.optional()), "an absent number reads as NaN");
        assertTrue(Double.isNaN(back.byName().get("a")));
        assertEquals(List.of("mean_i", "curve", "n", "only_when_measured", "by_name"), Json.keys(Sample.class));
    }

    @Test
    void mapsAndArraysFollowTheSamePolicy() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("x", Double.NaN);
        m.put("y", new double[] {Double.NaN, 0.5});
        m.put("z", List.of(Double.NEGATIVE_INFINITY, 1.0));
        assertEquals("{\"x\":null,\"y\":[null,0.5],\"z\":[null,1.0]}", Json.toString(m).replaceAll("\\s", ""));
    }

    @Test
    void badFilesNameTheFileAndWhatIsWrong(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.json");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.read(f, Sample.class));
        assertEquals("no JSON file at " + f, e.getMessage());
        Files.writeString(f, "{\"mean_i\": ");
        e = assertThrows(IllegalArgumentException.class, () -> Json.read(f, Sample.class));
        assertTrue(e.getMessage().startsWith(f + " is not valid JSON"), e.getMessage());
        Files.writeString(f, "{\"mean_i\": [1, 2], \"unknown\": true}");
        e = assertThrows(IllegalArgumentException.class, () -> Json.read(f, Sample.class));
        assertTrue(e.getMessage().startsWith(f + " does not hold a Sample"), e.getMessage());
        Files.writeString(f, "{\"mean_i\": 0.25, \"a_later_key\": true}");
        assertEquals(0.25, Json.read(f, Sample.class).meanI(), "a key this version does not know is ignored");
    }
}

package org.topoomni.map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ContrastsTest {

    @TempDir
    Path dir;

    @Test
    void standardSetFollowsTheIssue() {
        List<Contrast> s = Contrasts.standard();
        assertEquals(List.of("faces", "bodies", "objects", "scenes", "words", "speech", "voice", "music", "language", "theory_of_mind",
                "multiple_demand"), Contrasts.names(s));
        Contrast faces = Contrasts.standard("faces");
        assertEquals(List.of("faces"), faces.on());
        assertEquals(List.of("bodies", "objects", "scenes"), faces.off());
        assertEquals(Region.VISION, faces.region());
        assertEquals("FFA", faces.humanRoi());
        assertEquals(List.of("faces", "bodies", "objects"), Contrasts.standard("scenes").off());
        assertEquals(List.of("scrambled_objects"), Contrasts.standard("words").off());
        Contrast voice = Contrasts.standard("voice");
        assertEquals(List.of("speech", "vocal"), voice.on());
        assertEquals(List.of("nonvocal", "music"), voice.off());
        assertEquals(Region.AUDIO, voice.region());
        assertEquals(List.of("speech", "vocal", "nonvocal"), Contrasts.standard("music").off());
        for (String cog : List.of("language", "theory_of_mind", "multiple_demand")) {
            assertEquals(Contrast.Kind.COGNITIVE, Contrasts.standard(cog).kind());
            assertEquals(Region.LANGUAGE, Contrasts.standard(cog).region());
        }
        assertEquals(List.of("arithmetic_hard"), Contrasts.standard("multiple_demand").on());
        assertEquals("faces > bodies + objects + scenes", faces.label());
        // every standard category is one the fixture (= the project's generators) produces
        for (Contrast c : s) assertEquals(List.of(), c.missing(MapFixtures.categories()), c.name());
        assertEquals(Contrasts.names(s), Contrasts.names(Contrasts.available(s, MapFixtures.categories())));
        assertEquals(List.of("faces", "bodies", "objects", "scenes"),
                Contrasts.names(Contrasts.available(s, List.of("faces", "bodies", "objects", "scenes", "music"))));
    }

    @Test
    void readsUserContrasts() throws Exception {
        Path f = dir.resolve("c.json");
        Files.writeString(f, """
                {"contrasts": [
                  {"name": "faces_vs_objects", "on": ["faces"], "off": ["objects"], "region": "vision", "kind": "sensory", "human_roi": "FFA"},
                  {"name": "animals", "on": "animals", "off": ["landscapes", "objects"]}
                ]}""");
        List<Contrast> cs = Contrasts.read(f, List.of("faces", "objects", "animals", "landscapes"));
        assertEquals(2, cs.size());
        assertEquals(new Contrast("faces_vs_objects", List.of("faces"), List.of("objects"), Region.VISION, Contrast.Kind.SENSORY, "FFA"), cs.get(0));
        assertEquals(Region.ALL, cs.get(1).region());
        assertEquals(Contrast.Kind.SENSORY, cs.get(1).kind());
        assertNull(cs.get(1).humanRoi());
        assertEquals(List.of("animals"), cs.get(1).on());
        // bare array and round trip through toJson
        assertEquals(Contrasts.standard(), Contrasts.parse(Contrasts.toJson(Contrasts.standard()), "standard"));
        Files.writeString(f, "[{\"name\": \"x\", \"on\": [\"a\"], \"off\": [\"b\"], \"kind\": \"cognitive\", \"region\": \"LANGUAGE\"}]");
        Contrast x = Contrasts.read(f).get(0);
        assertEquals(Contrast.Kind.COGNITIVE, x.kind());
        assertEquals(Region.LANGUAGE, x.region());
        assertEquals(List.of(Contrasts.standard("speech"), Contrasts.standard("faces")),
                Contrasts.select(Contrasts.standard(), List.of("speech", "faces")));
    }

    private String error(String json) {
        return assertThrows(IllegalArgumentException.class, () -> Contrasts.parse(json, "c.json")).getMessage();
    }

    @Test
    void badUserContrastsAreClearErrors() throws Exception {
        Path f = dir.resolve("c.json");
        Files.writeString(f, "[{\"name\": \"x\", \"on\": [\"faces\"], \"off\": [\"cars\", \"trees\"]}]");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Contrasts.read(f, List.of("faces", "objects")));
        assertEquals(f + ": contrast 'x' uses unknown categories [cars, trees]; the stimuli have [faces, objects]", e.getMessage());

        assertEquals("c.json: contrast 'x' has an empty ON group; give at least one category",
                error("[{\"name\": \"x\", \"on\": [], \"off\": [\"b\"]}]"));
        assertEquals("c.json: contrast 'x' has an empty OFF group; give at least one category",
                error("[{\"name\": \"x\", \"on\": [\"a\"], \"off\": []}]"));
        assertEquals("c.json: contrast 'x': category 'a' is both ON and OFF", error("[{\"name\": \"x\", \"on\": [\"a\"], \"off\": [\"a\"]}]"));
        assertEquals("c.json: contrast 'x': missing \"off\" (a list of categories)", error("[{\"name\": \"x\", \"on\": [\"a\"]}]"));
        assertEquals("c.json: contrast #1: missing \"name\"", error("[{\"on\": [\"a\"], \"off\": [\"b\"]}]"));
        assertTrue(error("[{\"name\": \"x\", \"on\": [\"a\"], \"off\": [\"b\"], \"colour\": 1}]").startsWith("c.json: contrast #1: unknown key 'colour'"));
        // a region is a modality or stacks of the sheet: a word that is neither is refused when the sheet is known (RegionTest);
        // what cannot be a name is refused at once
        assertEquals("c.json: contrast 'x': region name 'visual cortex' must be a stack or modality name (letters, digits, '_', '-', '.')",
                error("[{\"name\": \"x\", \"on\": [\"a\"], \"off\": [\"b\"], \"region\": \"visual cortex\"}]"));
        assertEquals("c.json: contrast 'x': \"region\" must hold only strings",
                error("[{\"name\": \"x\", \"on\": [\"a\"], \"off\": [\"b\"], \"region\": [\"vision\", 3]}]"));
        assertEquals("c.json: contrast 'x': a region needs at least one stack or modality name (or use \"all\")",
                error("[{\"name\": \"x\", \"on\": [\"a\"], \"off\": [\"b\"], \"region\": []}]"));
        assertEquals("c.json: contrast 'x': unknown contrast kind 'motor'; use sensory or cognitive",
                error("[{\"name\": \"x\", \"on\": [\"a\"], \"off\": [\"b\"], \"kind\": \"motor\"}]"));
        assertTrue(error("[{\"name\": \"x\", \"on\": [\"a\"], \"off\": [\"b\"], \"human_roi\": \"V1\"}]")
                .startsWith("c.json: contrast 'x': unknown human fROI 'V1'"));
        assertEquals("c.json: contrast 'x': the name is used twice",
                error("[{\"name\": \"x\", \"on\": [\"a\"], \"off\": [\"b\"]}, {\"name\": \"x\", \"on\": [\"c\"], \"off\": [\"d\"]}]"));
        assertTrue(error("[{\"name\": \"a b\", \"on\": [\"a\"], \"off\": [\"b\"]}]").contains("must be a non-empty word"));
        assertTrue(error("{\"contrasts\": [").startsWith("c.json is not valid JSON"));
        assertEquals("c.json: no contrasts defined", error("[]"));
        assertEquals("c.json: unknown key 'contrast' (expected \"contrasts\")", error("{\"contrast\": []}"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Contrasts.read(dir.resolve("none.json"))).getMessage().startsWith("no contrast file at"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Contrasts.select(Contrasts.standard(), List.of("face")))
                .getMessage().startsWith("unknown contrast 'face'; known: [faces"));
    }
}

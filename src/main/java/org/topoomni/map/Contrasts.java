package org.topoomni.map;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.topoomni.map.Contrast.Kind.COGNITIVE;
import static org.topoomni.map.Contrast.Kind.SENSORY;

/**
 * The standard localizer contrasts of the project (METHOD.md section 4) and user-defined ones
 * read from JSON.
 *
 * <p>Standard set (categories are those the stimulus generators produce):
 * <ul>
 * <li>faces, bodies, objects, scenes: each against the other three of faces/bodies/objects/scenes
 *     (fLoc style), read in the vision stacks; human fROIs FFA, EBA, LOC, PPA.</li>
 * <li>words: words &gt; scrambled_objects, vision; VWFA.</li>
 * <li>speech: speech &gt; quilted_speech, audio; the speech parcel.</li>
 * <li>voice: vocal sounds (speech, vocal non-speech) &gt; non-vocal sounds (nonvocal, music), as
 *     the Belin/Pernet 2015 voice localizer, whose non-vocal set holds environmental, animal and
 *     instrument sounds; audio; no fROI in the human table (its island Moran's I is compared with
 *     Pernet's map instead).</li>
 * <li>music: music &gt; speech + vocal + nonvocal, audio; no human fROI.</li>
 * <li>language: sentences &gt; nonwords; theory_of_mind: false_belief &gt; false_photo;
 *     multiple_demand: arithmetic_hard &gt; arithmetic_easy. Cognitive, read in the language
 *     stack; human fROIs language parcels, TPJ, MD parcels.</li>
 * </ul>
 *
 * <p>JSON format of a user file: either an array of contrasts or {@code {"contrasts": [...]}},
 * each {@code {"name": "faces_vs_objects", "on": ["faces"], "off": ["objects"],
 * "region": "vision", "kind": "sensory", "human_roi": "FFA"}}; region (default all), kind
 * (default sensory) and human_roi (default none) are optional. Unknown keys are errors. The
 * region is "all", a modality ("vision", "audio", "language"), or stacks of the model's sheet,
 * as a string ("vision_tower", "a+b") or a list ({@code ["vision"]}, {@code ["a", "b"]}); names
 * are resolved against the sheet when the contrast is run ({@link Region#stacks}).
 */
public final class Contrasts {

    private Contrasts() {
    }

    private static final List<String> VISUAL4 = List.of("faces", "bodies", "objects", "scenes");

    /** The standard set, in the order the outputs list them. */
    public static List<Contrast> standard() {
        List<Contrast> out = new ArrayList<>();
        String[] rois = {"FFA", "EBA", "LOC", "PPA"};
        for (int i = 0; i < VISUAL4.size(); i++) {
            String c = VISUAL4.get(i);
            List<String> off = VISUAL4.stream().filter(x -> !x.equals(c)).toList();
            out.add(new Contrast(c, List.of(c), off, Region.VISION, SENSORY, rois[i]));
        }
        out.add(new Contrast("words", List.of("words"), List.of("scrambled_objects"), Region.VISION, SENSORY, "VWFA"));
        out.add(new Contrast("speech", List.of("speech"), List.of("quilted_speech"), Region.AUDIO, SENSORY, "speech"));
        out.add(new Contrast("voice", List.of("speech", "vocal"), List.of("nonvocal", "music"), Region.AUDIO, SENSORY, null));
        out.add(new Contrast("music", List.of("music"), List.of("speech", "vocal", "nonvocal"), Region.AUDIO, SENSORY, null));
        out.add(new Contrast("language", List.of("sentences"), List.of("nonwords"), Region.LANGUAGE, COGNITIVE, "language"));
        out.add(new Contrast("theory_of_mind", List.of("false_belief"), List.of("false_photo"), Region.LANGUAGE, COGNITIVE, "ToM"));
        out.add(new Contrast("multiple_demand", List.of("arithmetic_hard"), List.of("arithmetic_easy"), Region.LANGUAGE, COGNITIVE, "MD"));
        return List.copyOf(out);
    }

    /** The standard contrast of that name. */
    public static Contrast standard(String name) {
        for (Contrast c : standard()) if (c.name().equals(name)) return c;
        throw new IllegalArgumentException("unknown contrast '" + name + "'; standard contrasts: " + names(standard()));
    }

    public static List<String> names(Collection<Contrast> contrasts) {
        return contrasts.stream().map(Contrast::name).toList();
    }

    /** The contrasts of {@code all} whose every category is present. */
    public static List<Contrast> available(List<Contrast> all, Collection<String> present) {
        return all.stream().filter(c -> c.missing(present).isEmpty()).toList();
    }

    /** The named contrasts of {@code all}, in the order named; an unknown name is an error. */
    public static List<Contrast> select(List<Contrast> all, List<String> names) {
        Map<String, Contrast> byName = new LinkedHashMap<>();
        for (Contrast c : all) byName.put(c.name(), c);
        List<Contrast> out = new ArrayList<>();
        for (String n : names) {
            Contrast c = byName.get(n.trim());
            if (c == null) throw new IllegalArgumentException("unknown contrast '" + n + "'; known: " + byName.keySet());
            out.add(c);
        }
        return out;
    }

    /** Checks that every contrast's region can be read on this sheet (clear error naming the contrast and the sheet's stacks). */
    public static void checkRegions(List<Contrast> contrasts, org.topoomni.sheet.SheetLayout layout) {
        for (Contrast c : contrasts) {
            try {
                c.region().check(layout);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("contrast '" + c.name() + "': " + e.getMessage());
            }
        }
    }

    /** Checks every contrast against the categories present (clear error naming the first bad one). */
    public static void validate(List<Contrast> contrasts, Collection<String> present) {
        for (Contrast c : contrasts) c.validateAgainst(present);
    }

    // ------------------------------------------------------------------ JSON

    /** Reads user contrasts from a JSON file. */
    public static List<Contrast> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("no contrast file at " + file);
        return parse(Files.readString(file), file.toString());
    }

    /** Reads user contrasts from a JSON file and checks them against the categories present. */
    public static List<Contrast> read(Path file, Collection<String> present) throws IOException {
        List<Contrast> out = read(file);
        for (Contrast c : out) {
            List<String> missing = c.missing(present);
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(file + ": contrast '" + c.name() + "' uses unknown categor"
                        + (missing.size() == 1 ? "y " : "ies ") + missing + "; the stimuli have " + present);
            }
        }
        return out;
    }

    private static final Set<String> KEYS = Set.of("name", "on", "off", "region", "kind", "human_roi");

    /** Parses the JSON text of a contrast file; {@code source} names it in error messages. */
    public static List<Contrast> parse(String json, String source) {
        JsonNode root;
        try {
            root = org.topoomni.io.Json.mapper().readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(source + " is not valid JSON: " + e.getOriginalMessage());
        }
        JsonNode list = root;
        if (root != null && root.isObject()) {
            Iterator<String> it = root.fieldNames();
            while (it.hasNext()) {
                String k = it.next();
                if (!k.equals("contrasts")) throw new IllegalArgumentException(source + ": unknown key '" + k + "' (expected \"contrasts\")");
            }
            list = root.get("contrasts");
        }
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException(source + ": expected an array of contrasts or {\"contrasts\": [...]}");
        }
        if (list.isEmpty()) throw new IllegalArgumentException(source + ": no contrasts defined");
        List<Contrast> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String where = source + ": contrast #" + (i + 1);
            if (!n.isObject()) throw new IllegalArgumentException(where + " is not a JSON object");
            Iterator<String> it = n.fieldNames();
            while (it.hasNext()) {
                String k = it.next();
                if (!KEYS.contains(k)) throw new IllegalArgumentException(where + ": unknown key '" + k + "'; allowed: " + new java.util.TreeSet<>(KEYS));
            }
            String name = text(n, "name", where, true);
            where = source + ": contrast '" + name + "'";
            try {
                Contrast c = new Contrast(name, strings(n, "on", where), strings(n, "off", where),
                        n.has("region") ? region(n, where) : Region.ALL,
                        Contrast.Kind.parse(text(n, "kind", where, false)), text(n, "human_roi", where, false));
                if (c.humanRoi() != null) HumanReference.checkRoiName(c.humanRoi());
                if (!seen.add(c.name())) throw new IllegalArgumentException("the name is used twice");
                out.add(c);
            } catch (IllegalArgumentException e) {
                String m = e.getMessage();
                if (m.startsWith(source)) throw e;
                throw new IllegalArgumentException(m.startsWith("contrast '") ? source + ": " + m : where + ": " + m);
            }
        }
        return List.copyOf(out);
    }

    private static String text(JsonNode n, String key, String where, boolean required) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            if (required) throw new IllegalArgumentException(where + ": missing \"" + key + "\"");
            return null;
        }
        if (!v.isTextual()) throw new IllegalArgumentException(where + ": \"" + key + "\" must be a string");
        return v.asText();
    }

    /** "region": a string ("vision", "all", a stack name, "a+b") or a list of stack / modality names. */
    private static Region region(JsonNode n, String where) {
        JsonNode v = n.get("region");
        if (v == null || v.isNull()) throw new IllegalArgumentException(where + ": missing \"region\"");
        if (v.isTextual()) return Region.parse(v.asText());
        if (!v.isArray()) throw new IllegalArgumentException(where + ": \"region\" must be a string or a list of stack or modality names");
        List<String> names = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) throw new IllegalArgumentException(where + ": \"region\" must hold only strings");
            names.add(e.asText());
        }
        return Region.of(names);
    }

    private static List<String> strings(JsonNode n, String key, String where) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) throw new IllegalArgumentException(where + ": missing \"" + key + "\" (a list of categories)");
        if (v.isTextual()) return List.of(v.asText());
        if (!v.isArray()) throw new IllegalArgumentException(where + ": \"" + key + "\" must be a list of category names");
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) throw new IllegalArgumentException(where + ": \"" + key + "\" must hold only strings");
            out.add(e.asText());
        }
        return out;
    }

    /** JSON text of contrasts in the format {@link #parse} reads. */
    public static String toJson(List<Contrast> contrasts) {
        ObjectMapper m = org.topoomni.io.Json.mapper();
        ObjectNode root = m.createObjectNode();
        ArrayNode arr = root.putArray("contrasts");
        for (Contrast c : contrasts) {
            ObjectNode o = arr.addObject();
            o.put("name", c.name());
            c.on().forEach(o.putArray("on")::add);
            c.off().forEach(o.putArray("off")::add);
            if (c.region().names().size() > 1) c.region().names().forEach(o.putArray("region")::add);
            else o.put("region", c.region().id());
            o.put("kind", c.kind().id());
            if (c.humanRoi() != null) o.put("human_roi", c.humanRoi());
        }
        try {
            return m.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.topoomni.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import org.topoomni.io.Json;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code profiles} object of {@code localize}'s summary.json: one {@link ProfileSummary} per
 * contrast, a skipped one written as {@code {"skipped": why}}; or, when no profile could be
 * measured at all, {@code {"skipped": why}} itself.
 *
 * @param byContrast the profiles, in contrast order
 * @param skipped    why there are none (null when profiles were measured)
 */
public record Profiles(Map<String, ProfileSummary> byContrast, String skipped) {

    public Profiles {
        byContrast = byContrast == null ? Map.of() : byContrast;
    }

    /** No profile: the stimuli did not allow one. */
    public static Profiles none(String why) {
        return new Profiles(Map.of(), why);
    }

    @JsonCreator
    static Profiles fromJson(JsonNode n) {
        if (n == null || !n.isObject()) return new Profiles(Map.of(), null);
        JsonNode all = n.get("skipped");
        if (all != null && all.isTextual()) return none(all.asText());
        Map<String, ProfileSummary> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode why = e.getValue().get("skipped");
            out.put(e.getKey(), why != null && why.isTextual() ? ProfileSummary.skipped(why.asText())
                    : Json.convert(e.getValue(), ProfileSummary.class, "profile " + e.getKey()));
        }
        return new Profiles(out, null);
    }

    @JsonValue
    Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (skipped != null && byContrast.isEmpty()) {
            out.put("skipped", skipped);
            return out;
        }
        byContrast.forEach((c, p) -> out.put(c, p.measured() ? p : Map.of("skipped", p.skipped())));
        return out;
    }
}

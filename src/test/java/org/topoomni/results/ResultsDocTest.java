package org.topoomni.results;

import org.junit.jupiter.api.Test;
import org.topoomni.io.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * docs/RESULTS.md cannot drift from the records: every heading that names a record
 * ({@code (`results.X`)}) is followed by a table whose first column lists exactly that record's
 * keys, and every output record has such a table.
 */
class ResultsDocTest {

    static final Path DOC = Path.of("docs", "RESULTS.md");
    static final Pattern HEADING = Pattern.compile("^#+ .*\\(`results\\.([A-Za-z.]+)`\\)\\s*$");
    static final Pattern KEY = Pattern.compile("`([a-z_]+)[^`]*`");

    /** Per record named in a heading, the keys in the first column of the table below it. */
    static Map<String, Set<String>> documented() throws Exception {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        String record = null;
        for (String line : Files.readAllLines(DOC)) {
            Matcher h = HEADING.matcher(line);
            if (line.startsWith("#")) record = h.matches() ? h.group(1) : null;
            if (record == null || !line.startsWith("| `")) continue;
            String first = line.substring(1, line.indexOf('|', 1));
            Matcher k = KEY.matcher(first);
            Set<String> keys = out.computeIfAbsent(record, r -> new LinkedHashSet<>());
            while (k.find()) keys.add(k.group(1));
        }
        return out;
    }

    static Class<?> type(String name) throws ClassNotFoundException {
        return Class.forName("org.topoomni.results." + name.replace('.', '$'));
    }

    @Test
    void everyDocumentedKeyIsARecordKeyAndViceVersa() throws Exception {
        Map<String, Set<String>> doc = documented();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : doc.entrySet()) {
            Set<String> record = new LinkedHashSet<>(Json.keys(type(e.getKey())));
            Set<String> missing = new LinkedHashSet<>(record), unknown = new LinkedHashSet<>(e.getValue());
            missing.removeAll(e.getValue());
            unknown.removeAll(record);
            if (!missing.isEmpty()) problems.add(e.getKey() + ": keys not documented " + missing);
            if (!unknown.isEmpty()) problems.add(e.getKey() + ": documented keys the record does not have " + unknown);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyOutputRecordIsDocumented() throws Exception {
        Set<String> doc = documented().keySet();
        for (Class<?> c : List.of(DemoResults.class, PretrainMetrics.class, TrainingMetrics.class, LocalizerSummary.class, ContrastSummary.class,
                PreferenceSummary.class, ProfileSummary.class, PerturbationSummary.class, PerturbationSummary.Curves.class, ScreeningSummary.class,
                ScreeningSummary.Cluster.class, ScreeningSummary.Category.class)) {
            String name = c.getName().substring("org.topoomni.results.".length()).replace('$', '.');
            assertTrue(doc.contains(name), "docs/RESULTS.md has no table of " + name);
            assertFalse(documented().get(name).isEmpty(), name);
        }
    }

    @Test
    void theDocReaderFindsWhatIsThere() throws Exception {
        // guards the test itself: a table that the parser misread would pass the comparison above vacuously
        Set<String> top = documented().get("DemoResults");
        assertEquals(Set.of("quick", "seed", "pretrain", "train", "localize", "profiles", "perturb", "perturb_control", "discover", "timings", "reused_stages"), top);
        assertEquals(Json.keys(DemoResults.class).size(), top.size());
    }
}

package org.topoomni.stimuli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The optional {@code stimuli.csv} of a lab's stimulus folder: a header row, then one row per
 * stimulus file. Column {@code file} (required) is the file's path relative to the folder, with
 * '/' separators; {@code category} (optional) overrides the folder the file is in; {@code run}
 * (optional, a whole number from 1, given in every row or in none) sets its run. Any further
 * column is kept as an attribute of the file's stimuli under the column's name (empty cells are
 * left out). Column names are matched without regard to case and surrounding spaces.
 */
final class Sidecar {
    static final String FILE_NAME = "stimuli.csv";
    /** Attribute names the loader sets itself; a column may not take them. */
    static final Set<String> RESERVED = Set.of("file", "category", "run", "start_s", "end_s", "clip", "frame_rate", "sound");

    /** One row: the file (resolved inside the folder), its category and run (null / -1 when not given), extra attributes. */
    record Row(int line, String rel, Path file, String category, int run, Map<String, String> attributes) {}

    private final Path csv;
    private final List<Row> rows;
    private final boolean hasRuns;

    private Sidecar(Path csv, List<Row> rows, boolean hasRuns) {
        this.csv = csv;
        this.rows = rows;
        this.hasRuns = hasRuns;
    }

    Path csv() { return csv; }

    List<Row> rows() { return rows; }

    /** Whether the table gives runs (then every row has one). */
    boolean hasRuns() { return hasRuns; }

    static Sidecar read(Path csv, Path root) {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.TRIM_SPACES).enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int withRun = 0;
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class).with(schema).readValues(csv.toFile())) {
            String fileCol = null, catCol = null, runCol = null;
            List<String> extra = new ArrayList<>();
            boolean header = false;
            while (it.hasNextValue()) {
                Map<String, String> r = it.nextValue();
                int line = it.getParser().currentTokenLocation().getLineNr(); // the row's (last) line
                if (!header) {
                    header = true;
                    List<String> columns = new ArrayList<>();
                    if (it.getParser().getSchema() instanceof CsvSchema cs) for (CsvSchema.Column c : cs) columns.add(c.getName());
                    else columns.addAll(r.keySet());
                    for (String k : columns) {
                        String n = k.strip().toLowerCase(Locale.ROOT);
                        if (n.equals("file")) fileCol = k;
                        else if (n.equals("category")) catCol = k;
                        else if (n.equals("run")) runCol = k;
                        else if (RESERVED.contains(n)) {
                            throw new StimulusException(csv, "column '" + k + "' is a name the loader sets itself (" + RESERVED + "); rename it");
                        } else if (!n.isEmpty()) extra.add(k);
                    }
                    if (fileCol == null) {
                        throw new StimulusException(csv, "has no 'file' column (its columns: " + columns
                                + "); the header must name at least 'file', optionally 'category', 'run' and your own columns");
                    }
                }
                String rel = r.getOrDefault(fileCol, "");
                if (rel == null || rel.isBlank()) throw new StimulusException(csv, "line " + line + ": the 'file' cell is empty");
                rel = rel.strip();
                Path file = inside(csv, root, rel, line);
                Integer before = seen.put(file.toString(), line);
                if (before != null) throw new StimulusException(csv, "line " + line + ": file '" + rel + "' is already listed on line " + before);
                String cat = catCol == null ? null : blankToNull(r.get(catCol));
                int run = -1;
                String runText = runCol == null ? null : blankToNull(r.get(runCol));
                if (runText != null) {
                    try {
                        run = Integer.parseInt(runText);
                    } catch (NumberFormatException e) {
                        run = 0;
                    }
                    if (run < 1) throw new StimulusException(csv, "line " + line + ": run '" + runText + "' is not a whole number from 1");
                    withRun++;
                }
                Map<String, String> attrs = new LinkedHashMap<>();
                for (String k : extra) {
                    String v = blankToNull(r.get(k));
                    if (v != null) attrs.put(k.strip(), v);
                }
                rows.add(new Row(line, rel, file, cat, run, attrs));
            }
        } catch (StimulusException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new StimulusException(csv, "not a readable CSV table (" + e.getMessage().split("\\R")[0] + ")", e);
        }
        if (rows.isEmpty()) throw new StimulusException(csv, "lists no files (a header row, then one row per stimulus file)");
        if (withRun != 0 && withRun != rows.size()) {
            Row first = rows.stream().filter(x -> x.run() < 1).findFirst().orElseThrow();
            throw new StimulusException(csv, "line " + first.line() + ": the run is empty while other rows give one; give a run in every row or in none");
        }
        return new Sidecar(csv, List.copyOf(rows), withRun > 0);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The file a row names, refusing paths that would leave the folder. */
    private static Path inside(Path csv, Path root, String rel, int line) {
        String where = "line " + line + ": file '" + rel + "' ";
        if (rel.indexOf('\\') >= 0) throw new StimulusException(csv, where + "contains '\\'; use '/' between folders");
        Path p;
        try {
            p = Path.of(rel);
        } catch (InvalidPathException e) {
            throw new StimulusException(csv, where + "is not a valid path (" + e.getMessage() + ")");
        }
        if (p.isAbsolute() || rel.startsWith("/")) throw new StimulusException(csv, where + "is absolute; paths are relative to the folder of stimuli.csv");
        for (Path part : p) {
            if (part.toString().equals("..")) throw new StimulusException(csv, where + "contains '..' and would leave the folder");
        }
        Path resolved = root.resolve(p).normalize();
        if (!resolved.startsWith(root)) throw new StimulusException(csv, where + "would leave the folder");
        return resolved;
    }
}

package org.topoomni.map;

import org.topoomni.io.Csv;
import org.topoomni.io.Npy;

import org.topoomni.io.LayoutJson;
import org.topoomni.io.AtomicFiles;
import org.topoomni.sheet.SheetLayout;
import org.topoomni.sheet.SheetResponses;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sheet responses on disk, as a scientist opens them in numpy: {@code responses.npy} (stimuli x
 * units, float32, units in the sheet's row-major order), {@code stimuli.csv} (one row per stimulus:
 * {@code id,category,run}) and {@code layout.json} (the sheet, {@link LayoutJson}).
 * <pre>
 * import numpy as np, pandas as pd
 * X = np.load("responses.npy")              # (stimuli, units)
 * S = pd.read_csv("stimuli.csv")            # id, category, run
 * sheet = X[0].reshape(rows, cols)          # one stimulus's sheet map
 * </pre>
 */
public final class ResponseFiles {

    public static final String RESPONSES = "responses.npy", STIMULI = "stimuli.csv", LAYOUT = "layout.json";

    private ResponseFiles() {
    }

    /** Writes the three files into {@code dir} (created if needed), each atomically. */
    public static void write(Path dir, SheetResponses r) throws IOException {
        if (r == null) throw new IllegalArgumentException("responses are missing (null)");
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder("id,category,run\n");
        for (SheetResponses.Row row : r.rows()) {
            csv.append(Csv.quote(row.id())).append(',').append(Csv.quote(row.category())).append(',').append(row.run()).append('\n');
        }
        Npy.write(dir.resolve(RESPONSES), r.data(), r.stimuli(), r.units());
        AtomicFiles.writeString(dir.resolve(STIMULI), csv.toString());
        LayoutJson.write(dir.resolve(LAYOUT), r.layout());
    }

    /** Reads responses written by {@link #write}, the layout from layout.json. */
    public static SheetResponses read(Path dir) throws IOException {
        Path l = dir.resolve(LAYOUT);
        if (!Files.isRegularFile(l)) throw new IllegalArgumentException(dir + " has no " + LAYOUT + "; give the sheet layout explicitly");
        return read(dir, LayoutJson.read(l));
    }

    /** Reads responses.npy and stimuli.csv from {@code dir} for a known layout. */
    public static SheetResponses read(Path dir, SheetLayout layout) throws IOException {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("no responses folder at " + dir);
        Path npy = dir.resolve(RESPONSES), csv = dir.resolve(STIMULI);
        if (!Files.isRegularFile(npy)) throw new IllegalArgumentException(dir + " has no " + RESPONSES);
        if (!Files.isRegularFile(csv)) throw new IllegalArgumentException(dir + " has no " + STIMULI);
        List<SheetResponses.Row> rows = readStimuli(csv);
        Npy.Array a = Npy.read(npy);
        if (a.shape().length != 2) throw new IllegalArgumentException(npy + " must be 2-D (stimuli x units), has shape " + Npy.shapeRepr(a.shape()));
        if (a.shape()[1] != layout.units()) {
            throw new IllegalArgumentException(npy + " has " + a.shape()[1] + " units per stimulus but the " + layout.rows() + " x "
                    + layout.cols() + " sheet has " + layout.units());
        }
        if (a.shape()[0] != rows.size()) {
            throw new IllegalArgumentException(npy + " has " + a.shape()[0] + " stimuli but " + csv + " lists " + rows.size());
        }
        return new SheetResponses(layout, a.asFloats(), rows);
    }

    static List<SheetResponses.Row> readStimuli(Path csv) throws IOException {
        List<SheetResponses.Row> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null || !Csv.split(header.strip()).equals(List.of("id", "category", "run"))) {
                throw new IllegalArgumentException(csv + " must start with the header id,category,run");
            }
            String line;
            int no = 1;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank()) continue;
                List<String> f = Csv.split(line);
                if (f.size() != 3) throw new IllegalArgumentException(csv + " line " + no + ": expected 3 fields (id,category,run), got " + f.size());
                int run;
                try {
                    run = Integer.parseInt(f.get(2).trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(csv + " line " + no + ": run '" + f.get(2) + "' is not an integer");
                }
                if (f.get(1).isBlank()) throw new IllegalArgumentException(csv + " line " + no + ": empty category");
                rows.add(new SheetResponses.Row(f.get(0), f.get(1), run));
            }
        }
        return rows;
    }
}

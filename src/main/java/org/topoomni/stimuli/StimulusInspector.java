package org.topoomni.stimuli;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Shows a person what a stimulus library holds: prints counts per category and run for each set
 * and writes, under {@code DIR/_inspect/<set>/}, a contact sheet per category with images
 * ({@code <category>_sheet.png}: up to 8 x 8 thumbnails with their ids), a log-mel spectrogram
 * sheet per category with sounds ({@code <category>_spectrogram.png}: up to 8 clips, 0-8 kHz,
 * 80 dB range) and the first texts of each text category ({@code <category>_examples.txt}).
 * {@code DIR} is a set folder, a folder of sets (the output of
 * {@link StimulusLibrary#generate}), or a lab's own folder of stimulus files
 * ({@link #inspectFolder}).
 */
public final class StimulusInspector {
    public static final String FOLDER = "_inspect";
    private static final int THUMB = 96, COLS = 8, ROWS = 8, SPECTRA = 8;
    private static final LogMel LOG_MEL = new LogMel();

    /** What was inspected and written. */
    public record Report(List<Path> sets, List<Path> written) {}

    private StimulusInspector() {}

    public static Report inspect(Path dir, PrintWriter out) {
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) throw new StimulusException(root, "no such folder");
        if (StimulusFolder.kindOf(root) == StimulusFolder.Kind.FOLDER) return inspectFolder(StimulusFolder.open(root), out);
        List<Path> sets = new ArrayList<>();
        List<Path> incomplete = new ArrayList<>();
        if (Files.isRegularFile(root.resolve(Manifest.FILE_NAME))) {
            sets.add(root);
        } else {
            try (Stream<Path> s = Files.list(root)) {
                for (Path p : s.sorted(StimulusInspector::familyOrder).toList()) {
                    String n = p.getFileName().toString();
                    if (!Files.isDirectory(p) || n.startsWith(".") || n.equals(FOLDER)) continue;
                    if (Files.isRegularFile(p.resolve(Manifest.FILE_NAME))) sets.add(p);
                    else incomplete.add(p);
                }
            } catch (IOException e) {
                throw new StimulusException(root, "cannot list the folder (" + e.getMessage() + ")", e);
            }
        }
        if (sets.isEmpty()) {
            throw new StimulusException(root, "no stimulus set here: no manifest.json in the folder or its sub-folders"
                    + (incomplete.isEmpty() ? "" : " (incomplete sets: " + incomplete.stream()
                    .map(p -> p.getFileName().toString()).toList() + "; generate them again)"));
        }
        List<Path> written = new ArrayList<>();
        Path outRoot = root.resolve(FOLDER);
        for (Path setDir : sets) {
            StimulusSet set = StimulusSet.load(setDir);
            Manifest m = set.manifest();
            out.printf(Locale.ROOT, "set %s: family %s, seed %d, %d items, %d runs, made by %s%n", m.name(), m.family(),
                    m.seed(), m.items().size(), m.runs(), m.createdBy());
            StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-24s %-22s %6s", "category", "source", "total"));
            for (int r = 1; r <= m.runs(); r++) head.append(String.format(Locale.ROOT, " %6s", "run" + r));
            out.println(head);
            for (String c : set.categories()) {
                List<StimulusSet.Item> items = set.items(c);
                int[] perRun = new int[m.runs() + 1];
                for (StimulusSet.Item it : items) if (it.run() <= m.runs()) perRun[it.run()]++;
                Manifest.Category info = m.categories() == null ? null : m.categories().get(c);
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-24s %-22s %6d", c,
                        info == null || info.source() == null ? "-" : info.source(), items.size()));
                for (int r = 1; r <= m.runs(); r++) row.append(String.format(Locale.ROOT, " %6d", perRun[r]));
                out.println(row);
                Path target = outRoot.resolve(sets.size() == 1 && setDir.equals(root) ? "" : setDir.getFileName().toString());
                written.addAll(category(set, c, items, target));
            }
        }
        for (Path p : incomplete) out.println("incomplete (no manifest.json): " + p.getFileName());
        out.println("wrote " + written.size() + " files under " + outRoot);
        out.flush();
        return new Report(List.copyOf(sets), List.copyOf(written));
    }

    private static List<Path> category(StimulusSet set, String c, List<StimulusSet.Item> items, Path target) {
        List<Path> written = new ArrayList<>();
        List<StimulusSet.Item> withImage = items.stream().filter(i -> i.file("image") != null).limit(COLS * ROWS).toList();
        List<StimulusSet.Item> withAudio = items.stream().filter(i -> i.file("audio") != null).limit(SPECTRA).toList();
        List<StimulusSet.Item> textOnly = items.stream()
                .filter(i -> i.file("text") != null && i.file("image") == null && i.file("audio") == null).limit(12).toList();
        if (!withImage.isEmpty()) {
            Path p = target.resolve(c + "_sheet.png");
            org.topoomni.io.AtomicFiles.writeUnchecked(p, Png.encode(contactSheet(set.name() + " / " + c + " (" + items.size() + " items)", withImage)));
            written.add(p);
        }
        if (!withAudio.isEmpty()) {
            Path p = target.resolve(c + "_spectrogram.png");
            org.topoomni.io.AtomicFiles.writeUnchecked(p, Png.encode(spectrogramSheet(set.name() + " / " + c + " (" + items.size()
                    + " items; log-mel 0-8 kHz)", withAudio)));
            written.add(p);
        }
        if (!textOnly.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (StimulusSet.Item it : textOnly) {
                sb.append(it.id()).append(" (run ").append(it.run()).append(") ").append(it.attributes()).append('\n');
                sb.append(it.load().text()).append("\n\n");
            }
            Path p = target.resolve(c + "_examples.txt");
            org.topoomni.io.AtomicFiles.writeUnchecked(p, sb.toString().getBytes(StandardCharsets.UTF_8));
            written.add(p);
        }
        return written;
    }

    /**
     * A lab's folder (see {@link StimulusLoader}): prints its layout, notes and counts per
     * category and run, and writes under {@code DIR/_inspect/} per category a contact sheet of
     * its images (for videos: the middle frames), a spectrogram sheet of its sounds (for videos:
     * their sound tracks) and the first texts, plus {@code items.csv} (every item with its run,
     * file and, for clips, time span).
     */
    public static Report inspectFolder(StimulusFolder folder, PrintWriter out) {
        Path root = folder.path(), outRoot = root.resolve(FOLDER);
        int runs = folder.runs();
        int nc = folder.categories().size();
        out.printf(Locale.ROOT, "folder %s: layout %s, %d items in %d categor%s, %d runs%n", root, folder.layout(), folder.size(),
                nc, nc == 1 ? "y" : "ies", runs);
        for (String n : folder.notes()) out.println("  note: " + n);
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-24s %-22s %6s", "category", "kinds", "total"));
        for (int r = 1; r <= runs; r++) head.append(String.format(Locale.ROOT, " %6s", "run" + r));
        out.println(head);
        List<Path> written = new ArrayList<>();
        for (String c : folder.categories()) {
            List<StimulusFolder.Item> items = folder.items(c);
            java.util.Set<String> media = new java.util.TreeSet<>();
            for (StimulusFolder.Item it : items) media.add(it.medium());
            int[] perRun = folder.perRun(c);
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-24s %-22s %6d", c, String.join("+", media), items.size()));
            for (int r = 1; r <= runs; r++) row.append(String.format(Locale.ROOT, " %6d", perRun[r]));
            out.println(row);
            List<Stimulus> pictures = new ArrayList<>(), sounds = new ArrayList<>(), texts = new ArrayList<>();
            for (StimulusFolder.Item it : items) {
                boolean picture = it.medium().equals("image") || it.medium().equals("video"), sound = it.medium().equals("audio") || it.medium().equals("video");
                boolean wanted = (picture && pictures.size() < COLS * ROWS) || (sound && sounds.size() < SPECTRA)
                        || (it.medium().equals("text") && texts.size() < 12);
                if (!wanted) continue;
                Stimulus s = it.load();
                if (s.hasImage() && pictures.size() < COLS * ROWS) pictures.add(s);
                if (s.hasAudio() && sounds.size() < SPECTRA) sounds.add(s);
                if (s.hasText() && !s.hasImage() && !s.hasAudio() && texts.size() < 12) texts.add(s);
            }
            if (!pictures.isEmpty()) {
                Path p = outRoot.resolve(c + "_sheet.png");
                org.topoomni.io.AtomicFiles.writeUnchecked(p, Png.encode(contactSheetOf(c + " (" + items.size() + " items)", pictures)));
                written.add(p);
            }
            if (!sounds.isEmpty()) {
                Path p = outRoot.resolve(c + "_spectrogram.png");
                org.topoomni.io.AtomicFiles.writeUnchecked(p, Png.encode(spectrogramSheetOf(c + " (" + items.size() + " items; log-mel 0-8 kHz)", sounds)));
                written.add(p);
            }
            if (!texts.isEmpty()) {
                StringBuilder sb = new StringBuilder();
                for (Stimulus t : texts) sb.append(t.id()).append(" (run ").append(t.run()).append(") ").append(t.attributes()).append('\n')
                        .append(t.text()).append("\n\n");
                Path p = outRoot.resolve(c + "_examples.txt");
                org.topoomni.io.AtomicFiles.writeUnchecked(p, sb.toString().getBytes(StandardCharsets.UTF_8));
                written.add(p);
            }
        }
        Path csv = outRoot.resolve("items.csv");
        folder.writeItems(csv);
        written.add(csv);
        out.println("wrote " + written.size() + " files under " + outRoot);
        out.flush();
        return new Report(List.of(root), List.copyOf(written));
    }

    /** Up to 8 x 8 thumbnails with their ids under a title (the images of a set's items). */
    public static BufferedImage contactSheet(String title, List<StimulusSet.Item> items) {
        List<Stimulus> s = new ArrayList<>();
        for (StimulusSet.Item it : items) {
            s.add(new Stimulus(it.id(), it.category(), it.run(), Images.read(it.file("image")), null, null, it.attributes(), null));
        }
        return contactSheetOf(title, s);
    }

    /** Up to 8 x 8 thumbnails of the stimuli's images (a video's middle frame) with their ids and runs under a title. */
    public static BufferedImage contactSheetOf(String title, List<Stimulus> items) {
        int cols = Math.min(COLS, items.size()), rows = (items.size() + COLS - 1) / COLS;
        int cellW = THUMB + 6, cellH = THUMB + 18, top = 24;
        BufferedImage sheet = new BufferedImage(Math.max(cols * cellW, 320), top + rows * cellH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setColor(new Color(40, 40, 40));
            g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.drawString(title, 4, 16);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            for (int k = 0; k < items.size(); k++) {
                Stimulus it = items.get(k);
                BufferedImage img = it.image();
                double s = Math.min(1.0, Math.min((double) THUMB / img.getWidth(), (double) THUMB / img.getHeight()));
                int w = (int) Math.round(img.getWidth() * s), h = (int) Math.round(img.getHeight() * s);
                int x = (k % COLS) * cellW + 3, y = top + (k / COLS) * cellH;
                g.drawImage(img, x + (THUMB - w) / 2, y + (THUMB - h) / 2, w, h, null);
                g.setColor(new Color(220, 220, 220));
                g.drawString(shortId(it.id()) + " r" + it.run(), x, y + THUMB + 12);
            }
        } finally {
            g.dispose();
        }
        return sheet;
    }

    /** Log-mel spectrograms of up to 8 clips (the sounds of a set's items), two per row, each with its id and duration. */
    public static BufferedImage spectrogramSheet(String title, List<StimulusSet.Item> items) {
        List<Stimulus> s = new ArrayList<>();
        for (StimulusSet.Item it : items) {
            s.add(new Stimulus(it.id(), it.category(), it.run(), null, Wav.read(it.file("audio")), null, it.attributes(), null));
        }
        return spectrogramSheetOf(title, s);
    }

    /** Log-mel spectrograms of up to 8 of the stimuli's sounds, two per row, each with its id, run and duration. */
    public static BufferedImage spectrogramSheetOf(String title, List<Stimulus> items) {
        List<float[][]> specs = new ArrayList<>();
        List<Double> secs = new ArrayList<>();
        int maxFrames = 1;
        for (Stimulus it : items) {
            Audio a = it.audio();
            float[][] s = LOG_MEL.compute(a);
            specs.add(s);
            secs.add(a.seconds());
            maxFrames = Math.max(maxFrames, s.length);
        }
        int mels = LOG_MEL.mels(), ys = 2, cols = 2, top = 24;
        int xs = Math.max(1, 400 / maxFrames); // pixels per frame: a 2 s clip is about 400 px wide
        int cellW = maxFrames * xs + 12, cellH = mels * ys + 20;
        int rows = (specs.size() + cols - 1) / cols;
        BufferedImage sheet = new BufferedImage(Math.max(cols * cellW, 12 + 7 * title.length()), top + rows * cellH,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setColor(new Color(40, 40, 40));
            g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.drawString(title, 4, 16);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            for (int k = 0; k < specs.size(); k++) {
                float[][] s = specs.get(k);
                float max = -Float.MAX_VALUE;
                for (float[] f : s) for (float v : f) max = Math.max(max, v);
                float lo = max - (float) Math.log(1e8); // 80 dB of power
                int x0 = (k % cols) * cellW + 5, y0 = top + (k / cols) * cellH;
                for (int t = 0; t < s.length; t++) {
                    for (int m = 0; m < mels; m++) {
                        double v = (s[t][m] - lo) / (max - lo);
                        int rgb = magma(Math.max(0, Math.min(1, v)));
                        for (int dx = 0; dx < xs; dx++) {
                            for (int dy = 0; dy < ys; dy++) sheet.setRGB(x0 + t * xs + dx, y0 + (mels - 1 - m) * ys + dy, rgb);
                        }
                    }
                }
                g.setColor(new Color(220, 220, 220));
                g.drawString(String.format(Locale.ROOT, "%s r%d  %.2f s", shortId(items.get(k).id()), items.get(k).run(),
                        secs.get(k)), x0, y0 + mels * ys + 12);
            }
        } finally {
            g.dispose();
        }
        return sheet;
    }

    private static int familyOrder(Path a, Path b) {
        int ia = Families.ORDER.indexOf(a.getFileName().toString()), ib = Families.ORDER.indexOf(b.getFileName().toString());
        if (ia < 0) ia = Integer.MAX_VALUE;
        if (ib < 0) ib = Integer.MAX_VALUE;
        return ia != ib ? Integer.compare(ia, ib) : a.getFileName().toString().compareTo(b.getFileName().toString());
    }

    private static String shortId(String id) {
        return id.length() <= 24 ? id : "..." + id.substring(id.length() - 21);
    }

    private static final double[][] MAGMA = {{0, 0, 4}, {80, 18, 123}, {182, 54, 121}, {251, 136, 97}, {252, 253, 191}};

    static int magma(double v) {
        double p = v * (MAGMA.length - 1);
        int i = Math.min(MAGMA.length - 2, (int) p);
        double f = p - i;
        int r = (int) Math.round(MAGMA[i][0] + f * (MAGMA[i + 1][0] - MAGMA[i][0]));
        int gg = (int) Math.round(MAGMA[i][1] + f * (MAGMA[i + 1][1] - MAGMA[i][1]));
        int b = (int) Math.round(MAGMA[i][2] + f * (MAGMA[i + 1][2] - MAGMA[i][2]));
        return (r << 16) | (gg << 8) | b;
    }
}

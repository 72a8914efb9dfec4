package org.topoomni.stimuli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads stimulus sets that people already have, from plain folders.
 *
 * <p><b>Layouts.</b> {@code ROOT/ON} + {@code ROOT/OFF} (the reference localizer layout; any
 * letter case) gives categories "on" and "off"; otherwise every sub-folder is a category
 * ({@code ROOT/<category>/*}, the fLoc layout), named as the folder. Hidden files and folders
 * (names starting with '.') are ignored; nested folders inside a category are an error.
 *
 * <p><b>Files.</b> {@code .png .jpg .jpeg .bmp}: an image (converted to TYPE_INT_RGB, alpha
 * composited on white). {@code .wav}: PCM 8/16/24/32-bit or IEEE float 32/64-bit, mono or
 * several channels (averaged to mono), WAVE_FORMAT_EXTENSIBLE too, resampled to
 * {@link #sampleRate}. {@code .txt} (UTF-8): several text stimuli, see {@link TextMode}.
 * Anything else is an error.
 *
 * <p><b>Runs.</b> If <em>every</em> file name in the set starts with a run number, that is
 * digits followed by '_' or '-' and at least one more character before the extension
 * ({@code 03_face.png} is run 3, {@code 2-bird.wav} run 2, but {@code 001.png} carries no run),
 * and all those numbers are at least 1, runs come from the names (all text stimuli of a file get
 * its run). Otherwise runs are assigned round-robin within each category in sorted file-name
 * order (then line/story order): the k-th stimulus (0-based) gets run {@code k % runs + 1}.
 *
 * <p><b>Ids.</b> {@code <category>_<file name without extension>} (the extension is kept when two
 * files differ only by it), characters other than letters, digits and {@code . _ + -} replaced
 * by '_'; text stimuli append {@code _<number>} (1-based).
 *
 * <p><b>Errors.</b> An empty folder, an unreadable, empty or truncated file, a corrupt image or
 * an unsupported format throws one {@link StimulusException} whose message names the file and
 * what is wrong.
 */
public final class StimulusLoader {

    /** How a text file is split into stimuli. */
    public enum TextMode {
        /** One stimulus per non-blank line. */
        LINES,
        /** Stories: blocks of non-blank lines separated by blank lines; lines of a block are joined by a space. */
        STORIES,
        /** STORIES if the file has at least two blocks separated by a blank line and some block has more than one line; else LINES. */
        AUTO
    }

    public static final int DEFAULT_RUNS = 4;
    public static final int DEFAULT_SAMPLE_RATE = 16_000;
    private static final Pattern RUN = Pattern.compile("^(\\d{1,4})[_-](.+)$");
    private static final Set<String> IMAGE = Set.of("png", "jpg", "jpeg", "bmp");

    private final int runs;
    private final int sampleRate;
    private final TextMode textMode;

    /** 4 runs, 16 kHz audio, text mode AUTO. */
    public StimulusLoader() {
        this(DEFAULT_RUNS, DEFAULT_SAMPLE_RATE, TextMode.AUTO);
    }

    public StimulusLoader(int runs, int sampleRate, TextMode textMode) {
        if (runs < 1) throw new IllegalArgumentException("runs must be >= 1, got " + runs);
        if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        if (textMode == null) throw new IllegalArgumentException("text mode must not be null");
        this.runs = runs;
        this.sampleRate = sampleRate;
        this.textMode = textMode;
    }

    public int runs() { return runs; }

    public int sampleRate() { return sampleRate; }

    /** The run number a file name carries ({@code 03_face.png} -> 3), or -1 if none. */
    public static int runFromName(String fileName) {
        String base = stripExtension(fileName);
        Matcher m = RUN.matcher(base);
        if (!m.matches()) return -1;
        return Integer.parseInt(m.group(1));
    }

    /** "on/off" for the ROOT/ON + ROOT/OFF layout, "categories" for ROOT/category/*. */
    public static String layout(Path root) {
        List<Path> dirs = categoryDirs(root.toAbsolutePath().normalize());
        return isOnOff(dirs) ? "on/off" : "categories";
    }

    /** Loads every stimulus under {@code root}, grouped by category (sorted), files in name order. */
    public List<Stimulus> load(Path root) {
        Path r = root.toAbsolutePath().normalize();
        List<Path> dirs = categoryDirs(r);
        boolean onOff = isOnOff(dirs);
        // pass 1: list files, check extensions, decide how runs are numbered
        List<List<Path>> filesPerDir = new ArrayList<>();
        boolean allNumbered = true;
        for (Path d : dirs) {
            List<Path> files = listFiles(d);
            if (files.isEmpty()) throw new StimulusException(d, "empty category folder: no stimulus files in it");
            for (Path f : files) {
                String ext = extension(f.getFileName().toString());
                if (!IMAGE.contains(ext) && !ext.equals("wav") && !ext.equals("txt")) {
                    throw new StimulusException(f, "unsupported file type '" + (ext.isEmpty() ? "(none)" : "." + ext)
                            + "' (supported: .png .jpg .jpeg .bmp .wav .txt)");
                }
                if (runFromName(f.getFileName().toString()) < 1) allNumbered = false;
            }
            filesPerDir.add(files);
        }
        List<Stimulus> out = new ArrayList<>();
        for (int di = 0; di < dirs.size(); di++) {
            Path d = dirs.get(di);
            String category = onOff ? d.getFileName().toString().toLowerCase(Locale.ROOT) : d.getFileName().toString();
            List<Path> files = filesPerDir.get(di);
            Set<String> bases = new HashSet<>(), dupBases = new HashSet<>();
            for (Path f : files) {
                if (!bases.add(stripExtension(f.getFileName().toString()))) dupBases.add(stripExtension(f.getFileName().toString()));
            }
            int k = 0;
            for (Path f : files) {
                String fn = f.getFileName().toString();
                String ext = extension(fn);
                String base = stripExtension(fn);
                String id = safe(category + "_" + (dupBases.contains(base) ? base + "_" + ext : base));
                int fileRun = allNumbered ? runFromName(fn) : -1;
                Provenance prov = Provenance.file(f.toString());
                Map<String, String> attrs = Map.of("file", r.relativize(f).toString().replace('\\', '/'));
                if (ext.equals("txt")) {
                    List<String> texts = texts(f);
                    for (int t = 0; t < texts.size(); t++) {
                        int run = fileRun > 0 ? fileRun : k % runs + 1;
                        out.add(new Stimulus(id + "_" + (t + 1), category, run, null, null, texts.get(t), attrs, prov));
                        k++;
                    }
                } else {
                    int run = fileRun > 0 ? fileRun : k % runs + 1;
                    if (IMAGE.contains(ext)) {
                        out.add(new Stimulus(id, category, run, Images.read(f), null, null, attrs, prov));
                    } else {
                        Audio a = Wav.read(f);
                        if (a.samples().length == 0) throw new StimulusException(f, "the WAV file has no samples");
                        if (a.sampleRate() != sampleRate) a = Resampler.resample(a, sampleRate);
                        out.add(new Stimulus(id, category, run, null, a, null, attrs, prov));
                    }
                    k++;
                }
            }
        }
        return out;
    }

    private List<String> texts(Path f) {
        String content;
        try {
            byte[] bytes = Files.readAllBytes(f);
            if (bytes.length == 0) throw new StimulusException(f, "the text file is empty (0 bytes)");
            content = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new StimulusException(f, "not UTF-8 text (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new StimulusException(f, "cannot read the file (" + e.getMessage() + ")", e);
        }
        if (!content.isEmpty() && content.charAt(0) == '\uFEFF') content = content.substring(1);
        List<List<String>> blocks = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        for (String line : content.split("\\R", -1)) {
            String t = line.strip();
            if (t.isEmpty()) {
                if (!cur.isEmpty()) blocks.add(cur);
                cur = new ArrayList<>();
            } else {
                cur.add(t);
            }
        }
        if (!cur.isEmpty()) blocks.add(cur);
        if (blocks.isEmpty()) throw new StimulusException(f, "the text file has no non-blank lines");
        TextMode mode = textMode;
        if (mode == TextMode.AUTO) {
            boolean multiLine = blocks.stream().anyMatch(b -> b.size() > 1);
            mode = blocks.size() >= 2 && multiLine ? TextMode.STORIES : TextMode.LINES;
        }
        List<String> out = new ArrayList<>();
        for (List<String> b : blocks) {
            if (mode == TextMode.STORIES) out.add(String.join(" ", b));
            else out.addAll(b);
        }
        return out;
    }

    private static boolean isOnOff(List<Path> dirs) {
        if (dirs.size() != 2) return false;
        Set<String> names = new HashSet<>();
        for (Path d : dirs) names.add(d.getFileName().toString().toUpperCase(Locale.ROOT));
        return names.equals(Set.of("ON", "OFF"));
    }

    private static List<Path> categoryDirs(Path root) {
        if (!Files.exists(root)) throw new StimulusException(root, "no such folder");
        if (!Files.isDirectory(root)) throw new StimulusException(root, "not a folder (expected ROOT/ON + ROOT/OFF or ROOT/<category>/...)");
        List<Path> entries = list(root);
        if (entries.isEmpty()) throw new StimulusException(root, "empty folder: expected ROOT/ON + ROOT/OFF or ROOT/<category>/<files>");
        List<Path> dirs = new ArrayList<>();
        for (Path p : entries) {
            if (Files.isDirectory(p)) dirs.add(p);
        }
        if (dirs.isEmpty()) {
            throw new StimulusException(root, "no category folders: put the files in ROOT/ON + ROOT/OFF or ROOT/<category>/ (found "
                    + entries.size() + " loose files such as " + entries.get(0).getFileName() + ")");
        }
        return dirs;
    }

    private static List<Path> listFiles(Path dir) {
        List<Path> files = new ArrayList<>();
        for (Path p : list(dir)) {
            if (Files.isDirectory(p)) {
                throw new StimulusException(p, "nested folder inside category folder " + dir.getFileName()
                        + " is not supported; put the files directly in ROOT/<category>/");
            }
            files.add(p);
        }
        return files;
    }

    /** Non-hidden entries, sorted by name. */
    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new StimulusException(dir, "cannot list the folder (" + e.getMessage() + ")", e);
        }
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    private static String safe(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '+' || c == '-';
            sb.append(ok ? c : '_');
        }
        if (sb.length() == 0 || !Character.isLetterOrDigit(sb.charAt(0))) sb.insert(0, 's');
        return sb.toString();
    }
}

package org.topoomni.stimuli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a lab's own stimulus folder (images, sounds, texts, videos). {@link StimulusFolder#open}
 * is the entry point that also takes generated libraries; this class says how a plain folder is
 * read, and its settings (runs, sample rate, text mode, frame rate, clip length, what to do with
 * a silent video) are fixed per instance ({@code with...} returns a changed copy).
 *
 * <p><b>Layouts.</b> {@code ROOT/ON} + {@code ROOT/OFF} (the reference localizer layout; any
 * letter case) gives categories "on" and "off"; otherwise every sub-folder is a category
 * ({@code ROOT/<category>/*}, the fLoc layout, e.g. fLoc's {@code adult child body limb corridor
 * house car instrument word number scrambled}), named as the folder. A folder with files and no
 * sub-folders is a <em>collection</em> (for screening): every file is in category
 * {@value StimulusFolder#POOL_CATEGORY}. Hidden files and folders (names starting with '.'), the
 * inspector's {@code _inspect} folder and {@code stimuli.csv} are not stimuli; loose files beside
 * category folders are left out (with a note); a folder inside a category folder is an error.
 *
 * <p><b>stimuli.csv</b> (optional, in ROOT): columns {@code file} (relative path), {@code category},
 * {@code run} and any others, kept as attributes (see {@link Sidecar}). With it, exactly the
 * files it lists are the stimuli (files anywhere inside ROOT; a file it does not list is left out
 * with a note); an empty category cell means the file's top folder (or the collection).
 *
 * <p><b>Files.</b> {@code .png .jpg .jpeg .bmp}: an image, decoded at its own size (as
 * TYPE_INT_RGB, alpha composited on white; the backbone's processor resizes). {@code .wav}: PCM
 * 8/16/24/32-bit or IEEE float 32/64-bit, any channel count (averaged to mono), any rate
 * (resampled to {@link #sampleRate()}), read in Java. {@code .flac .mp3 .ogg .oga .opus .m4a
 * .aac}: decoded by FFmpeg ({@link FFmpeg}; FFmpeg down-mixes and resamples). {@code .mp4 .avi
 * .mov .webm .mkv .m4v}: a video, decoded by FFmpeg into frames at {@link #frameRate()} frames
 * per second (at most {@link #maxFrames()} per stimulus: a longer whole video is sampled more
 * sparsely) and its sound track; the stimulus's image is the middle frame. A video file without a
 * video stream is read as a sound. {@code .txt} (UTF-8): texts, see {@link TextMode}. Anything
 * else is an error.
 *
 * <p><b>Video without sound.</b> With {@link SilentVideo#FRAMES_ONLY} (the default) its frames
 * alone are used (attribute "sound" = "none", and a note names the file): right for a visual
 * localizer, where the sound is not what is contrasted. With {@link SilentVideo#REFUSE} it is an
 * error naming the file, for analyses that need every clip to drive the audio stacks.
 *
 * <p><b>Clips.</b> With {@link #withClips(double) clips of L seconds} (L = 2 for screening,
 * {@link #screening()}), every sound and video file of length D gives floor(D / L) clips
 * [kL, (k+1)L) (a file shorter than L gives one clip of its whole length; the shorter rest of a
 * longer file is left out, with a note); each clip is an item with attributes "start_s" and
 * "end_s" and id {@code <file id>_c<k>}. Images and texts are never cut.
 *
 * <p><b>Runs.</b> From stimuli.csv if it gives them. Otherwise, if <em>every</em> file name
 * starts with a run number, that is digits followed by '_' or '-' and at least one more character
 * before the extension ({@code 03_face.png} is run 3, {@code 2-bird.wav} run 2, but
 * {@code 001.png} carries no run), and all those numbers are at least 1, runs come from the
 * names. Otherwise runs are assigned round-robin within each category in sorted file order (then
 * line and clip order): the k-th stimulus (0-based) gets run {@code k % runs + 1}, so even and
 * odd runs alternate and an even/odd split exists from two stimuli on.
 *
 * <p><b>Ids.</b> {@code <category>_<file path in its category folder, without extension>} (the
 * extension is kept when two files differ only by it), characters other than letters, digits and
 * {@code . _ + -} replaced by '_'; text stimuli append {@code _<number>} (1-based), clips
 * {@code _c<number>} (0-based).
 *
 * <p><b>Errors.</b> A missing or empty folder, a folder with no usable stimulus, an empty
 * category folder, an unreadable, empty or corrupt file, an unsupported format, a silent video
 * under REFUSE, a bad stimuli.csv, or a symbolic link that leads outside ROOT: one
 * {@link StimulusException} whose message names the file and what is wrong. Files are checked
 * for existence, type, size and (media) streams when the folder is scanned; pixels and samples
 * are decoded when an item is loaded.
 */
public final class StimulusLoader {

    /** How a text file is split into stimuli. */
    public enum TextMode {
        /** One stimulus per non-blank line. */
        LINES,
        /** Stories: blocks of non-blank lines separated by blank lines; lines of a block are joined by a space. */
        STORIES,
        /** One stimulus per file (its non-blank lines joined by a space). */
        FILES,
        /**
         * A category folder with several .txt files none of which has blank-line-separated
         * blocks: one stimulus per file. Otherwise, per file: STORIES if it has at least two blocks
         * separated by a blank line and some block has more than one line; else LINES.
         */
        AUTO
    }

    /** What to do with a video file that has no sound track. */
    public enum SilentVideo {
        /** Use its frames alone (a note names the file). */
        FRAMES_ONLY,
        /** Refuse the folder, naming the file. */
        REFUSE
    }

    /** What a folder's scan found: its layout, its items and notes for the user. */
    record Scan(String layout, List<StimulusFolder.Item> items, List<String> notes) {}

    public static final int DEFAULT_RUNS = 4;
    public static final int DEFAULT_SAMPLE_RATE = 16_000;
    /** Frames per second sampled from videos: Qwen2.5-Omni's default video sampling rate. */
    public static final double DEFAULT_FRAME_RATE = 2.0;
    public static final int DEFAULT_MAX_FRAMES = 64;
    /** Clip length for screening (METHOD.md section 7). */
    public static final double SCREENING_CLIP_SECONDS = 2.0;
    private static final Pattern RUN = Pattern.compile("^(\\d{1,4})[_-](.+)$");
    static final Set<String> IMAGE = Set.of("png", "jpg", "jpeg", "bmp");
    static final Set<String> WAV = Set.of("wav");
    static final Set<String> SOUND = Set.of("flac", "mp3", "ogg", "oga", "opus", "m4a", "aac");
    static final Set<String> VIDEO = Set.of("mp4", "avi", "mov", "webm", "mkv", "m4v");
    static final Set<String> TEXT = Set.of("txt");
    private static final String SUPPORTED = ".png .jpg .jpeg .bmp (images), .wav .flac .mp3 .ogg .oga .opus .m4a .aac (sounds), "
            + ".mp4 .avi .mov .webm .mkv .m4v (videos), .txt (texts)";

    private final int runs;
    private final int sampleRate;
    private final TextMode textMode;
    private final double clipSeconds;
    private final double frameRate;
    private final int maxFrames;
    private final SilentVideo silentVideo;

    /** 4 runs, 16 kHz audio, text mode AUTO, videos at 2 frames/s, whole files. */
    public StimulusLoader() {
        this(DEFAULT_RUNS, DEFAULT_SAMPLE_RATE, TextMode.AUTO);
    }

    public StimulusLoader(int runs, int sampleRate, TextMode textMode) {
        this(runs, sampleRate, textMode, 0, DEFAULT_FRAME_RATE, DEFAULT_MAX_FRAMES, SilentVideo.FRAMES_ONLY);
    }

    private StimulusLoader(int runs, int sampleRate, TextMode textMode, double clipSeconds, double frameRate, int maxFrames,
                           SilentVideo silentVideo) {
        if (runs < 1) throw new IllegalArgumentException("runs must be >= 1, got " + runs);
        if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        if (textMode == null) throw new IllegalArgumentException("text mode must not be null");
        if (!(clipSeconds >= 0) || Double.isInfinite(clipSeconds)) throw new IllegalArgumentException("clip length must be >= 0 s, got " + clipSeconds);
        if (!(frameRate > 0) || Double.isInfinite(frameRate)) throw new IllegalArgumentException("frame rate must be positive, got " + frameRate);
        if (maxFrames < 1) throw new IllegalArgumentException("max frames must be >= 1, got " + maxFrames);
        if (silentVideo == null) throw new IllegalArgumentException("silent-video policy must not be null");
        this.runs = runs;
        this.sampleRate = sampleRate;
        this.textMode = textMode;
        this.clipSeconds = clipSeconds;
        this.frameRate = frameRate;
        this.maxFrames = maxFrames;
        this.silentVideo = silentVideo;
    }

    /** The loader for screening (METHOD.md section 7, {@code discover --pool}): sounds and videos cut into 2-s clips. */
    public static StimulusLoader screening() {
        return new StimulusLoader().withClips(SCREENING_CLIP_SECONDS);
    }

    public StimulusLoader withRuns(int r) {
        return new StimulusLoader(r, sampleRate, textMode, clipSeconds, frameRate, maxFrames, silentVideo);
    }

    public StimulusLoader withSampleRate(int hz) {
        return new StimulusLoader(runs, hz, textMode, clipSeconds, frameRate, maxFrames, silentVideo);
    }

    public StimulusLoader withTextMode(TextMode m) {
        return new StimulusLoader(runs, sampleRate, m, clipSeconds, frameRate, maxFrames, silentVideo);
    }

    /** Cut sounds and videos into clips of this many seconds (0: whole files). */
    public StimulusLoader withClips(double seconds) {
        return new StimulusLoader(runs, sampleRate, textMode, seconds, frameRate, maxFrames, silentVideo);
    }

    /** Frames per second sampled from videos (the rate the backbone asks for). */
    public StimulusLoader withFrameRate(double fps) {
        return new StimulusLoader(runs, sampleRate, textMode, clipSeconds, fps, maxFrames, silentVideo);
    }

    /** At most this many frames per video stimulus. */
    public StimulusLoader withMaxFrames(int n) {
        return new StimulusLoader(runs, sampleRate, textMode, clipSeconds, frameRate, n, silentVideo);
    }

    public StimulusLoader withSilentVideos(SilentVideo policy) {
        return new StimulusLoader(runs, sampleRate, textMode, clipSeconds, frameRate, maxFrames, policy);
    }

    public int runs() { return runs; }

    public int sampleRate() { return sampleRate; }

    public TextMode textMode() { return textMode; }

    public double clipSeconds() { return clipSeconds; }

    public double frameRate() { return frameRate; }

    public int maxFrames() { return maxFrames; }

    public SilentVideo silentVideo() { return silentVideo; }

    /** The run number a file name carries ({@code 03_face.png} -> 3), or -1 if none. */
    public static int runFromName(String fileName) {
        String base = stripExtension(fileName);
        Matcher m = RUN.matcher(base);
        if (!m.matches()) return -1;
        return Integer.parseInt(m.group(1));
    }

    /** "on/off" for the ROOT/ON + ROOT/OFF layout, "categories" for ROOT/category/*, "collection" for a flat folder of files. */
    public static String layout(Path root) {
        Path r = root.toAbsolutePath().normalize();
        checkFolder(r);
        List<Path> dirs = list(r, realPath(r)).stream().filter(Files::isDirectory).toList();
        return dirs.isEmpty() ? "collection" : isOnOff(dirs) ? "on/off" : "categories";
    }

    /** Loads every stimulus under {@code root}, grouped by category (sorted), files in name order. */
    public List<Stimulus> load(Path root) {
        List<Stimulus> out = new ArrayList<>();
        for (StimulusFolder.Item it : scan(root).items()) out.add(it.load());
        return out;
    }

    // ------------------------------------------------------------------ scanning

    /** A stimulus file and the category it belongs to. */
    private record Source(Path file, String rel, String category, int sidecarRun, Map<String, String> extra) {}

    Scan scan(Path root) {
        Path r = root.toAbsolutePath().normalize();
        checkFolder(r);
        Path real = realPath(r);
        List<Path> entries = list(r, real);
        if (entries.isEmpty()) {
            boolean empty;
            try (Stream<Path> s = Files.list(r)) {
                empty = s.findAny().isEmpty();
            } catch (IOException e) {
                throw new StimulusException(r, "cannot list the folder (" + e.getMessage() + ")", e);
            }
            throw new StimulusException(r, (empty ? "empty folder" : "no usable stimulus in the folder (only hidden files, _inspect or stimuli.csv)")
                    + ": expected ROOT/ON + ROOT/OFF, ROOT/<category>/<files>, or a collection of files");
        }
        List<Path> dirs = entries.stream().filter(Files::isDirectory).toList();
        List<Path> loose = entries.stream().filter(p -> !Files.isDirectory(p)).toList();
        boolean onOff = isOnOff(dirs);
        String layout = dirs.isEmpty() ? "collection" : onOff ? "on/off" : "categories";
        List<String> notes = new ArrayList<>();
        Path csv = r.resolve(Sidecar.FILE_NAME);
        List<Source> sources = new ArrayList<>();
        boolean sidecarRuns = false;
        if (Files.isRegularFile(csv)) {
            checkInside(csv, real);
            Sidecar sc = Sidecar.read(csv, r);
            sidecarRuns = sc.hasRuns();
            Set<Path> present = new HashSet<>(walk(r, real));
            Set<Path> listed = new HashSet<>();
            for (Sidecar.Row row : sc.rows()) {
                if (!Files.exists(row.file(), LinkOption.NOFOLLOW_LINKS)) {
                    throw new StimulusException(csv, "line " + row.line() + ": file '" + row.rel() + "' does not exist");
                }
                checkInside(row.file(), real);
                if (!present.contains(row.file())) {
                    throw new StimulusException(csv, "line " + row.line() + ": '" + row.rel() + "' is not a stimulus file (a folder, "
                            + "a hidden file, or inside _inspect)");
                }
                listed.add(row.file());
                String top = r.relativize(row.file()).getNameCount() > 1 ? r.relativize(row.file()).getName(0).toString() : null;
                String cat = row.category() != null ? row.category() : top == null ? StimulusFolder.POOL_CATEGORY : folderCategory(top, onOff);
                sources.add(new Source(row.file(), row.rel(), cat, row.run(), row.attributes()));
            }
            List<Path> unlisted = present.stream().filter(p -> !listed.contains(p)).sorted().toList();
            if (!unlisted.isEmpty()) {
                notes.add(unlisted.size() + " file" + (unlisted.size() == 1 ? " is" : "s are") + " not listed in " + Sidecar.FILE_NAME
                        + " and left out, e.g. " + rel(r, unlisted.get(0)));
            }
            notes.add("categories, runs and attributes from " + Sidecar.FILE_NAME + " (" + sc.rows().size() + " files)");
        } else if (dirs.isEmpty()) {
            for (Path f : loose) sources.add(new Source(f, rel(r, f), StimulusFolder.POOL_CATEGORY, -1, Map.of()));
        } else {
            for (Path d : dirs) {
                List<Path> files = listFiles(d, real);
                if (files.isEmpty()) throw new StimulusException(d, "empty category folder: no stimulus files in it");
                String cat = folderCategory(d.getFileName().toString(), onOff);
                for (Path f : files) sources.add(new Source(f, rel(r, f), cat, -1, Map.of()));
            }
            if (!loose.isEmpty()) {
                notes.add(loose.size() + " file" + (loose.size() == 1 ? "" : "s") + " beside the category folders left out (not in a category), e.g. "
                        + loose.get(0).getFileName());
            }
        }
        // every file: a supported type, not empty
        boolean allNumbered = true;
        for (Source s : sources) {
            String ext = extension(s.file().getFileName().toString());
            if (!IMAGE.contains(ext) && !WAV.contains(ext) && !SOUND.contains(ext) && !VIDEO.contains(ext) && !TEXT.contains(ext)) {
                throw new StimulusException(s.file(), "unsupported file type '" + (ext.isEmpty() ? "(none)" : "." + ext)
                        + "' (supported: " + SUPPORTED + ")");
            }
            if (!Files.isRegularFile(s.file())) {
                throw new StimulusException(s.file(), "is not a regular file (a pipe, socket or device); copy the stimulus into the folder as a file");
            }
            long size;
            try {
                size = Files.size(s.file());
            } catch (IOException e) {
                throw new StimulusException(s.file(), "cannot read the file (" + e.getMessage() + ")", e);
            }
            if (size == 0) throw new StimulusException(s.file(), "the " + mediumWord(ext) + " file is empty (0 bytes)");
            if (!Files.isReadable(s.file())) throw new StimulusException(s.file(), "cannot read the file (permission denied)");
            if (runFromName(s.file().getFileName().toString()) < 1) allNumbered = false;
        }
        // group by category (sorted), files in path order
        Map<String, List<Source>> byCat = new TreeMap<>();
        for (Source s : sources) byCat.computeIfAbsent(s.category(), c -> new ArrayList<>()).add(s);
        for (List<Source> l : byCat.values()) l.sort((a, b) -> a.rel().compareTo(b.rel()));
        List<StimulusFolder.Item> items = new ArrayList<>();
        Counts counts = new Counts();
        for (Map.Entry<String, List<Source>> e : byCat.entrySet()) {
            items.addAll(category(r, e.getKey(), e.getValue(), sidecarRuns, allNumbered && !sidecarRuns, counts, notes));
        }
        if (items.isEmpty()) throw new StimulusException(r, "no usable stimulus in the folder (" + SUPPORTED + ")");
        if (counts.restFiles > 0) {
            notes.add(String.format(Locale.ROOT, "%d file%s had a last part shorter than %s s, left out (%.1f s in all)", counts.restFiles,
                    counts.restFiles == 1 ? "" : "s", StimulusFolder.seconds(clipSeconds), counts.restSeconds));
        }
        StimulusFolder.checkUniqueIds(items);
        return new Scan(layout, items, notes);
    }

    private static final class Counts {
        int restFiles;
        double restSeconds;
    }

    /** The items of one category. */
    private List<StimulusFolder.Item> category(Path root, String category, List<Source> files, boolean sidecarRuns, boolean nameRuns,
                                               Counts counts, List<String> notes) {
        Map<String, Integer> stems = new HashMap<>();
        for (Source s : files) stems.merge(stem(root, s, category), 1, Integer::sum);
        long txtFiles = files.stream().filter(s -> TEXT.contains(extension(s.file().getFileName().toString()))).count();
        Map<Source, List<List<String>>> textBlocks = new LinkedHashMap<>();
        boolean anyBlocks = false;
        for (Source s : files) {
            if (!TEXT.contains(extension(s.file().getFileName().toString()))) continue;
            List<List<String>> b = blocks(s.file());
            textBlocks.put(s, b);
            if (b.size() > 1) anyBlocks = true;
        }
        TextMode categoryMode = textMode == TextMode.AUTO && txtFiles > 1 && !anyBlocks ? TextMode.FILES : textMode;
        List<StimulusFolder.Item> out = new ArrayList<>();
        int k = 0;
        for (Source s : files) {
            Path f = s.file();
            String fn = f.getFileName().toString();
            String ext = extension(fn);
            String stem = stem(root, s, category);
            String id = safe(category + "_" + (stems.get(stem) > 1 ? stem + "_" + ext : stem));
            int fixedRun = sidecarRuns ? s.sidecarRun() : nameRuns ? runFromName(fn) : -1;
            Map<String, String> attrs = new LinkedHashMap<>(s.extra());
            attrs.put("file", s.rel());
            Provenance prov = Provenance.file(f.toString());
            if (TEXT.contains(ext)) {
                List<String> texts = texts(textBlocks.get(s), categoryMode);
                for (int t = 0; t < texts.size(); t++) {
                    int run = fixedRun > 0 ? fixedRun : k % runs + 1;
                    String text = texts.get(t);
                    String tid = categoryMode == TextMode.FILES ? id : id + "_" + (t + 1);
                    Map<String, String> a = Map.copyOf(attrs);
                    out.add(new StimulusFolder.Item(tid, category, run, a, f, null, "text", null,
                            () -> new Stimulus(tid, category, run, null, null, text, a, prov)));
                    k++;
                }
            } else if (IMAGE.contains(ext)) {
                int run = fixedRun > 0 ? fixedRun : k % runs + 1;
                Map<String, String> a = Map.copyOf(attrs);
                out.add(new StimulusFolder.Item(id, category, run, a, f, null, "image", null,
                        () -> new Stimulus(id, category, run, Images.read(f), null, null, a, prov)));
                k++;
            } else {
                FFmpeg.Probe probe = null;
                boolean video = false, silent = false;
                if (VIDEO.contains(ext)) {
                    probe = FFmpeg.probe(f);
                    video = probe.hasVideo();
                    silent = video && !probe.hasAudio();
                    if (silent && silentVideo == SilentVideo.REFUSE) {
                        throw new StimulusException(f, "the video has no sound track; this analysis needs sound in every video "
                                + "(add a sound track, or use its frames alone for a visual localizer)");
                    }
                    if (silent) {
                        notes.add(s.rel() + ": the video has no sound track; its frames alone are used");
                        attrs.put("sound", "none");
                    }
                } else if (SOUND.contains(ext) && clipSeconds > 0) {
                    probe = FFmpeg.probe(f);
                }
                double duration = probe != null ? probe.duration() : clipSeconds > 0 ? Wav.seconds(f) : Double.NaN;
                if (clipSeconds > 0 && !(duration > 0)) {
                    throw new StimulusException(f, "cannot tell how long it is, so it cannot be cut into " + StimulusFolder.seconds(clipSeconds) + " s clips");
                }
                List<StimulusFolder.Span> spans = new ArrayList<>();
                if (clipSeconds > 0) {
                    int n = (int) Math.floor(duration / clipSeconds + 1e-9);
                    if (n == 0) {
                        spans.add(new StimulusFolder.Span(0, duration));
                    } else {
                        for (int c = 0; c < n; c++) spans.add(new StimulusFolder.Span(c * clipSeconds, (c + 1) * clipSeconds));
                        double rest = duration - n * clipSeconds;
                        if (rest > 1e-3) {
                            counts.restFiles++;
                            counts.restSeconds += rest;
                        }
                    }
                } else {
                    spans.add(null);
                }
                boolean asVideo = video;
                boolean withSound = !silent;
                double fps = asVideo ? frameRateFor(spans.get(0) == null ? duration : spans.get(0).seconds()) : 0;
                if (asVideo) attrs.put("frame_rate", String.format(Locale.ROOT, "%.4g", fps));
                int digits = Math.max(3, Integer.toString(spans.size() - 1).length());
                for (int c = 0; c < spans.size(); c++) {
                    StimulusFolder.Span span = spans.get(c);
                    int run = fixedRun > 0 ? fixedRun : k % runs + 1;
                    String cid = span == null ? id : id + "_c" + String.format(Locale.ROOT, "%0" + digits + "d", c);
                    Map<String, String> a = new LinkedHashMap<>(attrs);
                    if (span != null) {
                        a.put("start_s", StimulusFolder.seconds(span.start()));
                        a.put("end_s", StimulusFolder.seconds(span.end()));
                        a.put("clip", Integer.toString(c));
                    }
                    Map<String, String> fa = Map.copyOf(a);
                    Supplier<Stimulus> load = asVideo
                            ? () -> video(f, cid, category, run, span, duration, fps, withSound, fa, prov)
                            : () -> sound(f, ext, cid, category, run, span, fa, prov);
                    out.add(new StimulusFolder.Item(cid, category, run, fa, f, span, asVideo ? "video" : "audio", null, load));
                    k++;
                }
            }
        }
        return out;
    }

    /** The frame rate for a video stimulus of this length: the loader's rate, lowered so that at most maxFrames frames are taken. */
    private double frameRateFor(double seconds) {
        if (!(seconds > 0)) return frameRate;
        return Math.min(frameRate, maxFrames / seconds);
    }

    // ------------------------------------------------------------------ decoding

    private Stimulus video(Path f, String id, String category, int run, StimulusFolder.Span span, double fileSeconds, double fps,
                           boolean withSound, Map<String, String> attrs, Provenance prov) {
        double start = span == null ? 0 : span.start(), dur = span == null ? 0 : span.seconds();
        FFmpeg.Segment seg = FFmpeg.decode(f, start, dur, fps, withSound ? sampleRate : 0);
        String where = span == null ? "" : String.format(Locale.ROOT, " between %.3f and %.3f s", span.start(), span.end());
        if (seg.frames() == null) throw new StimulusException(f, "no video frames could be decoded" + where);
        Frames frames = seg.frames();
        // the frames at start + k / fps that lie inside the segment (the filter may add one at its very end)
        double length = span != null ? span.seconds() : fileSeconds;
        if (length > 0) {
            int inside = Math.max(1, (int) Math.ceil(length * fps - 1e-6));
            if (frames.count() > inside) {
                frames = new Frames(frames.images().subList(0, inside), Arrays.copyOf(frames.times(), inside), frames.rate());
            }
        }
        if (frames.count() > maxFrames) frames = evenly(frames, maxFrames);
        Audio audio = seg.audio();
        if (withSound && audio == null) throw new StimulusException(f, "its sound track gave no samples" + where);
        return new Stimulus(id, category, run, null, audio, null, attrs, prov, frames);
    }

    private static Frames evenly(Frames f, int n) {
        List<java.awt.image.BufferedImage> imgs = new ArrayList<>(n);
        double[] t = f.times(), times = new double[n];
        for (int i = 0; i < n; i++) {
            int k = (int) Math.round(i * (f.count() - 1) / (double) Math.max(1, n - 1));
            imgs.add(f.images().get(k));
            times[i] = t[k];
        }
        return new Frames(imgs, times, f.rate() * n / f.count());
    }

    /** The last whole sound file decoded, so that the clips of one long file decode it once. */
    private final Object cacheLock = new Object();
    private Path cachedFile;
    private Audio cachedAudio;

    private Stimulus sound(Path f, String ext, String id, String category, int run, StimulusFolder.Span span, Map<String, String> attrs,
                           Provenance prov) {
        Audio whole;
        synchronized (cacheLock) {
            if (f.equals(cachedFile)) {
                whole = cachedAudio;
            } else {
                whole = decodeSound(f, ext);
                if (span != null) { // only clips come back for the same file
                    cachedFile = f;
                    cachedAudio = whole;
                }
            }
        }
        Audio a = whole;
        if (span != null) {
            int from = (int) Math.min(whole.samples().length, Math.round(span.start() * whole.sampleRate()));
            int to = (int) Math.min(whole.samples().length, Math.round(span.end() * whole.sampleRate()));
            if (to <= from) {
                throw new StimulusException(f, String.format(Locale.ROOT, "has no samples between %.3f and %.3f s", span.start(), span.end()));
            }
            a = new Audio(Arrays.copyOfRange(whole.samples(), from, to), whole.sampleRate());
        }
        return new Stimulus(id, category, run, null, a, null, attrs, prov);
    }

    private Audio decodeSound(Path f, String ext) {
        Audio a;
        if (WAV.contains(ext)) {
            a = Wav.read(f);
            if (a.samples().length == 0) throw new StimulusException(f, "the WAV file has no samples");
            if (a.sampleRate() != sampleRate) a = Resampler.resample(a, sampleRate);
        } else {
            a = FFmpeg.audio(f, sampleRate, 0, 0);
            if (a == null || a.samples().length == 0) throw new StimulusException(f, "the sound file has no samples");
        }
        return a;
    }

    // ------------------------------------------------------------------ texts

    private static List<List<String>> blocks(Path f) {
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
        return blocks;
    }

    private static List<String> texts(List<List<String>> blocks, TextMode mode) {
        if (mode == TextMode.FILES) {
            List<String> all = new ArrayList<>();
            for (List<String> b : blocks) all.addAll(b);
            return List.of(String.join(" ", all));
        }
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

    // ------------------------------------------------------------------ folders

    private static void checkFolder(Path r) {
        if (!Files.exists(r)) throw new StimulusException(r, "no such folder");
        if (!Files.isDirectory(r)) {
            throw new StimulusException(r, "not a folder (expected ROOT/ON + ROOT/OFF, ROOT/<category>/..., or a folder of files)");
        }
    }

    private static Path realPath(Path r) {
        try {
            return r.toRealPath();
        } catch (IOException e) {
            throw new StimulusException(r, "cannot resolve the folder (" + e.getMessage() + ")", e);
        }
    }

    /** Refuses a file or folder that is (or lies under) a symbolic link leading outside the stimulus folder, or a broken link. */
    static void checkInside(Path p, Path realRoot) {
        Path real;
        try {
            real = p.toRealPath();
        } catch (IOException e) {
            throw new StimulusException(p, Files.isSymbolicLink(p) ? "is a broken symbolic link (its target does not exist)"
                    : "cannot be read (" + e.getMessage() + ")", e);
        }
        if (!real.startsWith(realRoot)) {
            throw new StimulusException(p, "is a symbolic link (or under one) that leads outside the stimulus folder, to " + real
                    + "; copy the file into the folder instead");
        }
    }

    private static String folderCategory(String name, boolean onOff) {
        return onOff ? name.toLowerCase(Locale.ROOT) : name;
    }

    private static boolean isOnOff(List<Path> dirs) {
        if (dirs.size() != 2) return false;
        Set<String> names = new HashSet<>();
        for (Path d : dirs) names.add(d.getFileName().toString().toUpperCase(Locale.ROOT));
        return names.equals(Set.of("ON", "OFF"));
    }

    private static List<Path> listFiles(Path dir, Path realRoot) {
        List<Path> files = new ArrayList<>();
        for (Path p : list(dir, realRoot)) {
            if (Files.isDirectory(p)) {
                throw new StimulusException(p, "nested folder inside category folder " + dir.getFileName()
                        + " is not supported; put the files directly in ROOT/<category>/ (or list them in " + Sidecar.FILE_NAME + ")");
            }
            files.add(p);
        }
        return files;
    }

    /** Every stimulus-candidate file under the root (for stimuli.csv), symbolic links checked. */
    private static List<Path> walk(Path root, Path realRoot) {
        List<Path> out = new ArrayList<>();
        for (Path p : list(root, realRoot)) {
            if (Files.isDirectory(p)) out.addAll(walk(p, realRoot));
            else out.add(p);
        }
        return out;
    }

    /** Non-hidden entries, sorted by name, without the inspector's folder and stimuli.csv at the top; each checked to stay inside. */
    private static List<Path> list(Path dir, Path realRoot) {
        List<Path> out;
        try (Stream<Path> s = Files.list(dir)) {
            out = s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new StimulusException(dir, "cannot list the folder (" + e.getMessage() + ")", e);
        }
        List<Path> kept = new ArrayList<>();
        boolean top = realPath(dir).equals(realRoot);
        for (Path p : out) {
            String n = p.getFileName().toString();
            if (top && (n.equals(StimulusInspector.FOLDER) || n.equals(Sidecar.FILE_NAME))) continue;
            checkInside(p, realRoot);
            kept.add(p);
        }
        return kept;
    }

    private static String rel(Path root, Path f) {
        return root.relativize(f).toString().replace('\\', '/');
    }

    /** The file's path inside its category folder (or inside the root), without extension. */
    private static String stem(Path root, Source s, String category) {
        Path rel = root.relativize(s.file());
        if (rel.getNameCount() > 1 && folderCategory(rel.getName(0).toString(), true).equals(category.toLowerCase(Locale.ROOT))) {
            rel = rel.subpath(1, rel.getNameCount());
        }
        return stripExtension(rel.toString().replace('\\', '/').replace('/', '_'));
    }

    private static String mediumWord(String ext) {
        if (IMAGE.contains(ext)) return "image";
        if (WAV.contains(ext)) return "WAV";
        if (SOUND.contains(ext)) return "sound";
        if (VIDEO.contains(ext)) return "video";
        return "text";
    }

    static String extension(String name) {
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

package org.topoomni.stimuli;

import com.fasterxml.jackson.databind.JsonNode;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Decodes video and compressed sound files (MP4, AVI, MOV, WebM, MKV; FLAC, MP3, Ogg, Opus, M4A)
 * with the FFmpeg command-line tools of the Debian package {@code ffmpeg} ({@code ffprobe} for
 * what a file holds, {@code ffmpeg} for frames and samples), run as child processes.
 *
 * <p>Why the binaries and not a Java binding: one decoder for every container and codec a lab
 * has, installed like the project's other stimulus sources (./setup), with no 25 MB native jar
 * and long transitive dependency tree on the class path; and a decoder that crashes or hangs on a
 * damaged file takes down a child process (killed after a time limit), never the JVM. A call
 * costs a process start (tens of milliseconds), which is small next to a forward pass.
 *
 * <p>Frames come out as RGB PNG files at the requested rate ({@code fps} filter with
 * {@code round=up}: frame k of a segment starting at s is the frame on screen at s + k / rate,
 * the last one whose time is at most that; the filter's default rounding picks a frame up to a
 * quarter of the output period later, measured on a ramp video); sound comes out as 32-bit
 * float mono at the requested sample rate (FFmpeg's own down-mix and resampler). Seeking is
 * frame-accurate ({@code -ss} before the input, with decoding). Every failure is a
 * {@link StimulusException} naming the file and carrying FFmpeg's own message.
 *
 * <p>The programs are {@code ffmpeg} and {@code ffprobe} on the PATH, or the paths in the system
 * properties {@code topoomni.ffmpeg} and {@code topoomni.ffprobe}.
 */
public final class FFmpeg {
    private FFmpeg() {}

    /** What a media file holds. Duration is the container's (or the longest stream's), in seconds. */
    public record Probe(Path file, String format, double duration, boolean hasVideo, boolean hasAudio,
                        int width, int height, double frameRate, int sampleRate, int channels) {}

    /** The frames and sound of one segment of a file (either may be null when not asked for or absent). */
    public record Segment(Frames frames, Audio audio) {}

    static String ffmpeg() {
        return System.getProperty("topoomni.ffmpeg", "ffmpeg");
    }

    static String ffprobe() {
        return System.getProperty("topoomni.ffprobe", "ffprobe");
    }

    /** Whether both programs can be run. */
    public static boolean available() {
        for (String p : new String[] {ffmpeg(), ffprobe()}) {
            try {
                Process pr = new ProcessBuilder(p, "-version").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!pr.waitFor(20, TimeUnit.SECONDS)) {
                    pr.destroyForcibly();
                    return false;
                }
                if (pr.exitValue() != 0) return false;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Reads what streams a file has and how long it is. */
    public static Probe probe(Path file) {
        Path tmp = tempDir(file);
        try {
            Path out = tmp.resolve("probe.json");
            run(file, List.of(ffprobe(), "-v", "error", "-print_format", "json", "-show_format", "-show_streams", file.toString()),
                    out, tmp, 60);
            JsonNode root;
            try {
                root = org.topoomni.io.Json.mapper().readTree(Files.readAllBytes(out));
            } catch (IOException e) {
                throw new StimulusException(file, "ffprobe's answer cannot be read (" + e.getMessage() + ")", e);
            }
            boolean video = false, audio = false;
            int w = 0, h = 0, rate = 0, ch = 0;
            double fps = 0, dur = number(root.path("format").path("duration"));
            for (JsonNode s : root.path("streams")) {
                String type = s.path("codec_type").asText("");
                double sd = number(s.path("duration"));
                if (type.equals("video") && s.path("disposition").path("attached_pic").asInt(0) == 0 && !video) {
                    video = true;
                    w = s.path("width").asInt(0);
                    h = s.path("height").asInt(0);
                    fps = ratio(s.path("avg_frame_rate").asText(""));
                    if (!(dur > 0) && sd > 0) dur = sd;
                } else if (type.equals("audio") && !audio) {
                    audio = true;
                    rate = s.path("sample_rate").asInt(0);
                    ch = s.path("channels").asInt(0);
                    if (!(dur > 0) && sd > 0) dur = sd;
                }
            }
            String format = root.path("format").path("format_name").asText("unknown");
            if (!video && !audio) {
                throw new StimulusException(file, "holds neither a video nor a sound stream (ffprobe reads it as '" + format + "')");
            }
            return new Probe(file, format, dur > 0 ? dur : Double.NaN, video, audio, w, h, fps, rate, ch);
        } finally {
            deleteTree(tmp);
        }
    }

    /** The sound track of a file (or of {@code [start, start + duration)}; duration <= 0: to the end), mono at {@code rate} Hz. */
    public static Audio audio(Path file, int rate, double start, double duration) {
        return decode(file, start, duration, 0, rate).audio();
    }

    /**
     * Decodes a segment of a file: frames at {@code fps} (0: none) and the sound track at
     * {@code sampleRate} Hz (0: none), in one pass.
     *
     * @param start    seconds from the start of the file
     * @param duration seconds; 0 or less: to the end of the file
     */
    public static Segment decode(Path file, double start, double duration, double fps, int sampleRate) {
        if (start < 0 || Double.isNaN(start)) throw new IllegalArgumentException("segment start must be >= 0 s, got " + start);
        if (fps < 0 || sampleRate < 0) throw new IllegalArgumentException("frame rate and sample rate must be >= 0");
        if (fps == 0 && sampleRate == 0) throw new IllegalArgumentException("ask for frames, sound or both");
        Path tmp = tempDir(file);
        try {
            List<String> cmd = new ArrayList<>(List.of(ffmpeg(), "-nostdin", "-v", "error", "-y"));
            if (start > 0) cmd.addAll(List.of("-ss", seconds(start)));
            if (duration > 0) cmd.addAll(List.of("-t", seconds(duration)));
            cmd.addAll(List.of("-i", file.toString()));
            if (fps > 0) {
                cmd.addAll(List.of("-map", "0:V:0?", "-vf", "fps=" + String.format(Locale.ROOT, "%.6f", fps) + ":round=up", "-pix_fmt", "rgb24",
                        "-f", "image2", tmp.resolve("f%06d.png").toString()));
            }
            if (sampleRate > 0) {
                cmd.addAll(List.of("-map", "0:a:0?", "-ac", "1", "-ar", Integer.toString(sampleRate), "-f", "f32le",
                        tmp.resolve("audio.f32").toString()));
            }
            long limit = 120 + (long) (4 * (duration > 0 ? duration : 600));
            run(file, cmd, null, tmp, limit);
            Frames frames = null;
            if (fps > 0) {
                List<Path> pngs;
                try (Stream<Path> s = Files.list(tmp)) {
                    pngs = s.filter(p -> p.getFileName().toString().matches("f\\d{6}\\.png"))
                            .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
                } catch (IOException e) {
                    throw new StimulusException(file, "cannot list the decoded frames (" + e.getMessage() + ")", e);
                }
                if (!pngs.isEmpty()) {
                    List<BufferedImage> imgs = new ArrayList<>(pngs.size());
                    double[] times = new double[pngs.size()];
                    for (int k = 0; k < pngs.size(); k++) {
                        imgs.add(Images.read(pngs.get(k)));
                        times[k] = start + k / fps;
                    }
                    frames = new Frames(imgs, times, fps);
                }
            }
            Audio audio = null;
            Path raw = tmp.resolve("audio.f32");
            if (sampleRate > 0 && Files.isRegularFile(raw)) {
                byte[] b = FileBytes.read(raw);
                float[] x = new float[b.length / 4];
                ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(x);
                if (x.length > 0) audio = new Audio(x, sampleRate);
            }
            return new Segment(frames, audio);
        } finally {
            deleteTree(tmp);
        }
    }

    /** Runs a command; a failure, a time-out or a missing program is a StimulusException naming {@code file}. */
    private static void run(Path file, List<String> cmd, Path stdout, Path tmp, long timeoutSeconds) {
        Path err = tmp.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile())
                .redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new StimulusException(file, "decoding it needs FFmpeg (" + cmd.get(0) + "), which cannot be run ("
                    + e.getMessage() + "); install the Debian package ffmpeg (./setup does)", e);
        }
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                throw new StimulusException(file, cmd.get(0) + " did not finish within " + timeoutSeconds + " s; the file may be damaged");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new StimulusException(file, "decoding was interrupted", e);
        }
        if (p.exitValue() != 0) {
            throw new StimulusException(file, "cannot be decoded: " + lastLines(err, file) + " (" + Path.of(cmd.get(0)).getFileName()
                    + " exit code " + p.exitValue() + ")");
        }
    }

    private static String lastLines(Path err, Path file) {
        String s;
        try {
            s = Files.readString(err, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "no message";
        }
        if (s.isEmpty()) return "no message";
        s = s.replace(file.toString() + ": ", "").replace(file.toString(), "the file");
        String[] lines = s.split("\\R");
        String last = lines[lines.length - 1].strip();
        return last.length() > 300 ? last.substring(0, 300) + "..." : last;
    }

    private static Path tempDir(Path file) {
        try {
            return Files.createTempDirectory("topo-omni-ffmpeg");
        } catch (IOException e) {
            throw new StimulusException(file, "cannot make a temporary folder to decode it (" + e.getMessage() + ")", e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.6f", s);
    }

    private static double number(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) return Double.NaN;
        try {
            return Double.parseDouble(n.asText());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double ratio(String s) {
        int slash = s.indexOf('/');
        try {
            if (slash < 0) return Double.parseDouble(s);
            double d = Double.parseDouble(s.substring(slash + 1));
            return d == 0 ? 0 : Double.parseDouble(s.substring(0, slash)) / d;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

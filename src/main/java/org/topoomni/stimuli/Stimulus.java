package org.topoomni.stimuli;

import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.TreeMap;

/**
 * One stimulus: an image, a sound, a text, a video (frames, usually with its sound), or several
 * of them presented together (an audiovisual item is an image and a sound with a prompt text).
 * At least one is present.
 *
 * <p>A video keeps all its sampled frames in {@link #frames()} and its middle frame in
 * {@link #image()}, so a backbone that takes one image sees the representative frame and one that
 * takes frames sees them all; its sound track is {@link #audio()}.
 *
 * @param id         unique within its set, also the base of its file names
 * @param category   the condition it belongs to (e.g. "faces", "speech", "false_belief")
 * @param run        run number (1-based); analyses split runs even/odd
 * @param image      RGB image (for a video: its middle frame), or null
 * @param audio      mono audio, or null
 * @param text       text (a sentence, story, problem, or the prompt of an audiovisual item), or null
 * @param attributes finer labels of the item (e.g. "instrument" = "piano", "voice" = "en-us+f3",
 *                   "angle_deg" = "45", "frequency_hz" = "400"; for a file "file", and for a clip
 *                   "start_s" and "end_s"); never null
 * @param provenance how it was made
 * @param frames     the frames of a video with their times, or null
 */
public record Stimulus(String id, String category, int run, BufferedImage image, Audio audio, String text,
                       Map<String, String> attributes, Provenance provenance, Frames frames) {
    public Stimulus {
        attributes = attributes == null ? Map.of() : Map.copyOf(new TreeMap<>(attributes));
        if (id == null || id.isBlank()) throw new IllegalArgumentException("stimulus id must not be empty");
        if (category == null || category.isBlank()) throw new IllegalArgumentException("stimulus '" + id + "' has no category");
        if (run < 1) throw new IllegalArgumentException("stimulus '" + id + "' has run " + run + "; runs start at 1");
        if (image == null && frames != null) image = frames.middle();
        if (image == null && audio == null && text == null) {
            throw new IllegalArgumentException("stimulus '" + id + "' has no image, audio or text");
        }
    }

    /** A stimulus without frames (an image, a sound, a text, or a pair). */
    public Stimulus(String id, String category, int run, BufferedImage image, Audio audio, String text,
                    Map<String, String> attributes, Provenance provenance) {
        this(id, category, run, image, audio, text, attributes, provenance, null);
    }

    /** The same stimulus under another id. */
    public Stimulus withId(String newId) {
        return new Stimulus(newId, category, run, image, audio, text, attributes, provenance, frames);
    }

    public boolean hasImage() { return image != null; }

    public boolean hasAudio() { return audio != null; }

    public boolean hasText() { return text != null; }

    /** Whether it is a video with its frames (then {@link #image()} is the middle frame). */
    public boolean hasFrames() { return frames != null; }
}

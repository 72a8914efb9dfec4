package org.topoomni.stimuli;

import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.TreeMap;

/**
 * One stimulus: an image, a sound, a text, or several of them presented together (an
 * audiovisual item is an image and a sound with a prompt text). At least one is present.
 *
 * @param id         unique within its set, also the base of its file names
 * @param category   the condition it belongs to (e.g. "faces", "speech", "false_belief")
 * @param run        run number (1-based); analyses split runs even/odd
 * @param image      RGB image, or null
 * @param audio      mono audio, or null
 * @param text       text (a sentence, story, problem, or the prompt of an audiovisual item), or null
 * @param attributes finer labels of the item (e.g. "instrument" = "piano", "voice" = "en-us+f3",
 *                   "angle_deg" = "45", "frequency_hz" = "400"); never null
 * @param provenance how it was made
 */
public record Stimulus(String id, String category, int run, BufferedImage image, Audio audio, String text,
                       Map<String, String> attributes, Provenance provenance) {
    public Stimulus {
        attributes = attributes == null ? Map.of() : Map.copyOf(new TreeMap<>(attributes));
        if (id == null || id.isBlank()) throw new IllegalArgumentException("stimulus id must not be empty");
        if (category == null || category.isBlank()) throw new IllegalArgumentException("stimulus '" + id + "' has no category");
        if (run < 1) throw new IllegalArgumentException("stimulus '" + id + "' has run " + run + "; runs start at 1");
        if (image == null && audio == null && text == null) {
            throw new IllegalArgumentException("stimulus '" + id + "' has no image, audio or text");
        }
    }

    /** The same stimulus under another id. */
    public Stimulus withId(String newId) {
        return new Stimulus(newId, category, run, image, audio, text, attributes, provenance);
    }

    public boolean hasImage() { return image != null; }

    public boolean hasAudio() { return audio != null; }

    public boolean hasText() { return text != null; }
}

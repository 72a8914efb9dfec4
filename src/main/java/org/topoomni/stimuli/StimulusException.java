package org.topoomni.stimuli;

import java.nio.file.Path;

/**
 * A stimulus file or set that cannot be used: an empty folder, a truncated or corrupt file, an
 * unsupported format, a manifest entry that points outside its set. The message names the file
 * and says what is wrong. It is an {@link IllegalArgumentException}, so the command line reports
 * it as one line.
 */
public class StimulusException extends IllegalArgumentException {
    private final transient Path file;

    public StimulusException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public StimulusException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file or folder the problem is about. */
    public Path file() {
        return file;
    }
}

package org.topoomni.stimuli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a stimulus file whole; a failure is a {@link StimulusException} naming the file. */
final class FileBytes {
    private FileBytes() {}

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StimulusException(file, "cannot read the file (" + e.getMessage() + ")", e);
        }
    }
}

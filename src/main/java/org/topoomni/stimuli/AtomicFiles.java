package org.topoomni.stimuli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Atomic writes for stimulus sets ({@link org.topoomni.io.AtomicFiles}), failing unchecked with the file named. */
public final class AtomicFiles {
    private AtomicFiles() {}

    public static void write(Path target, byte[] bytes) {
        try {
            org.topoomni.io.AtomicFiles.writeBytes(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}

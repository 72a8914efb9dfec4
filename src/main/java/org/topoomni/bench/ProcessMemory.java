package org.topoomni.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident-set sizes of this process (Linux /proc), which include native (PyTorch) memory. */
public final class ProcessMemory {
    private ProcessMemory() {}

    /** Peak resident set size in bytes (VmHWM), or -1 where /proc is unavailable. */
    public static long peakRssBytes() {
        return field("VmHWM:");
    }

    /** Current resident set size in bytes (VmRSS), or -1. */
    public static long rssBytes() {
        return field("VmRSS:");
    }

    /**
     * Resident memory outside the Java heap: the resident set minus the heap the JVM has
     * committed (which grows with Java garbage until a collection, and is not native memory).
     * -1 where /proc is unavailable.
     */
    public static long nonHeapRssBytes() {
        long rss = rssBytes();
        return rss < 0 ? -1 : rss - Runtime.getRuntime().totalMemory();
    }

    private static long field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) {
                    String[] parts = line.substring(name.length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024L;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}

package org.topoomni.cli;

import picocli.CommandLine;

/** Version line: the program's and the runtime's. */
public final class Versions implements CommandLine.IVersionProvider {
    public static final String VERSION = "0.1.0";

    @Override
    public String[] getVersion() {
        return new String[] {
                "topo-omni " + VERSION,
                "java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}

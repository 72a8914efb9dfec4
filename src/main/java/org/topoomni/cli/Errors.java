package org.topoomni.cli;

import picocli.CommandLine;

/**
 * Turns an exception a user can act on into one clear line on stderr (exit 2); anything else
 * also prints its stack trace. Set TOPO_OMNI_DEBUG=1 to always see the stack trace.
 */
final class Errors {
    private Errors() {}

    static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parse) {
        boolean userError = ex instanceof IllegalArgumentException || ex instanceof java.io.IOException
                || ex instanceof IllegalStateException || ex instanceof java.io.UncheckedIOException;
        String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": error: " + msg);
        if (!userError || System.getenv("TOPO_OMNI_DEBUG") != null) ex.printStackTrace(cl.getErr());
        return userError ? 2 : 1;
    }
}

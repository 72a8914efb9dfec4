package org.topoomni.report;

/**
 * A verdict against a target: met, not met, no target at all (NONE), or not measured because the
 * input is absent (MISSING). The report colours a number only by one of these.
 */
public enum Status {
    PASS("pass", "\u2713 met"), FAIL("fail", "\u2717 not met"), NONE("none", ""), MISSING("missing", "not measured");

    /** The CSS class of a cell or card with this verdict. */
    public final String css;
    /** The verdict in words. */
    public final String word;

    Status(String css, String word) {
        this.css = css;
        this.word = word;
    }

    public static Status of(boolean ok) {
        return ok ? PASS : FAIL;
    }

    /** PASS only if every part passes; MISSING if any part is missing and none fails. */
    public static Status all(Iterable<Status> parts) {
        boolean missing = false, any = false;
        for (Status s : parts) {
            if (s == FAIL) return FAIL;
            if (s == MISSING) missing = true;
            if (s == PASS) any = true;
        }
        return missing ? MISSING : any ? PASS : NONE;
    }
}

package org.poolact.cli;

/** The exit codes of every {@code poolact} command. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** An unexpected failure: a bug, or an I/O error the user could not have prevented. */
    public static final int FAILURE = 1;
    /** Bad input: a wrong option, an unreadable or malformed file, an invalid parameter. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}

package org.poolact.lab.data;

import java.io.IOException;

/**
 * A data set could not be fetched or prepared. The message says what went wrong and what to do by
 * hand: the exact command to run, or which files to put where.
 */
public final class DataFetchException extends IOException {
    private static final long serialVersionUID = 1L;

    public DataFetchException(String message) {
        super(message);
    }

    public DataFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}

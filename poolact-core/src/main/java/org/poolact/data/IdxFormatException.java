package org.poolact.data;

import java.io.IOException;

/**
 * An IDX file that is truncated, corrupt or not the kind expected. The message names the file, the
 * byte position, what was expected and what came, e.g.
 * {@code train-images-idx3-ubyte: truncated at byte 1234: expected 47040016 bytes for 60000 images of 28x28, got 1234}.
 */
public final class IdxFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String fileName;
    private final long position;

    /** {@code fileName: problem at byte position: detail}. */
    public IdxFormatException(String fileName, long position, String message) {
        super(fileName + ": " + message);
        this.fileName = fileName;
        this.position = position;
    }

    /** The file (or stream) name given to the reader. */
    public String fileName() {
        return fileName;
    }

    /** The byte offset at which the problem was found. */
    public long position() {
        return position;
    }
}

package org.poolact.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;

/** Assertions for the bad-input rule: an IllegalArgumentException with exactly PyTorch's kind of message. */
public final class BadInput {
    private BadInput() {
    }

    /** Asserts that {@code call} throws IllegalArgumentException with exactly {@code expected} as its message. */
    public static IllegalArgumentException assertMessage(String expected, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(expected, e.getMessage());
        return e;
    }
}

package org.poolact.cli;

/**
 * Bad input from the user (a file that is missing, empty or malformed, an unknown name...). Its
 * message is shown as one line, {@code poolact: <message>}, and the command exits with
 * {@link ExitCodes#BAD_INPUT}.
 */
public final class UserInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}

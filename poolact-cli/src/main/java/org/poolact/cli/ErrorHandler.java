package org.poolact.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place that turns errors into output and exit codes:
 * <ul>
 * <li>bad command-line parameters, {@link UserInputException} and {@link IllegalArgumentException}
 * (the engine's message for a bad parameter) print one line {@code poolact: <message>} on stderr,
 * no stack trace, and exit with {@link ExitCodes#BAD_INPUT};</li>
 * <li>anything else is a bug: one line naming the exception, exit {@link ExitCodes#FAILURE}; set
 * {@code POOLACT_STACKTRACE=1} to see the stack trace.</li>
 * </ul>
 */
public final class ErrorHandler {
    private ErrorHandler() {
    }

    static int handleParameterException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        String help = "'" + cl.getCommandSpec().qualifiedName() + " --help'";
        printLine(cl.getErr(), ex.getMessage() + " (see " + help + ")");
        return ExitCodes.BAD_INPUT;
    }

    static int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
        int code = exitCodeOf(ex);
        PrintWriter err = cl.getErr();
        if (code == ExitCodes.BAD_INPUT) {
            printLine(err, ex.getMessage());
        } else {
            printLine(err, "internal error: " + ex);
            if (System.getenv("POOLACT_STACKTRACE") != null) {
                ex.printStackTrace(err);
            }
        }
        err.flush();
        return code;
    }

    /** The exit code for an exception that escaped a command. */
    static int exitCodeOf(Throwable ex) {
        if (ex instanceof UserInputException || ex instanceof IllegalArgumentException
                || ex instanceof ParameterException) {
            return ExitCodes.BAD_INPUT;
        }
        return ExitCodes.FAILURE;
    }

    /** {@code poolact: <message>} on one line (line breaks in the message are folded). */
    private static void printLine(PrintWriter err, String message) {
        String m = message == null ? "(no message)" : message.strip().replaceAll("\\s*\\R\\s*", " ");
        err.println("poolact: " + m);
        err.flush();
    }
}

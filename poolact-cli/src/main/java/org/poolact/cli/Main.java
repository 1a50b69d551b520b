package org.poolact.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;

/**
 * Entry point of the {@code poolact} command. The only place that calls {@link System#exit}: every
 * command returns an exit code (see {@link ExitCodes}) and {@link #execute} maps errors to one.
 */
public final class Main {
    private Main() {
    }

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = execute(System.in, out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs {@code poolact args...} writing to the given streams, and returns the exit code. Tests call
     * this with {@link java.io.StringWriter}s.
     */
    public static int execute(InputStream in, PrintWriter out, PrintWriter err, String... args) {
        return commandLine(in, out, err).execute(args);
    }

    /** The configured command line: subcommands, streams, error handlers. */
    public static CommandLine commandLine(InputStream in, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new PoolactCommand(in));
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(ErrorHandler::handleParameterException);
        cl.setExecutionExceptionHandler(ErrorHandler::handleExecutionException);
        cl.setExitCodeExceptionMapper(ErrorHandler::exitCodeOf);
        return cl;
    }
}

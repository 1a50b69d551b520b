package org.poolact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Runs {@code poolact ...} in-process, the way a user would, and captures exit code and output. */
public final class Cli {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Cli() {
    }

    /** The outcome of one run. */
    public record Run(int exit, String out, String err) {
        /** stdout parsed as JSON. */
        public JsonNode json() {
            try {
                return MAPPER.readTree(out);
            } catch (Exception e) {
                throw new AssertionError("stdout is not JSON: " + e.getMessage() + "\n" + out, e);
            }
        }

        /** Asserts success and an empty stderr. */
        public Run ok() {
            assertEquals(0, exit, () -> "exit code; stderr: " + err);
            assertEquals("", err, "stderr");
            return this;
        }
    }

    /** {@code poolact args...} with an empty stdin. */
    public static Run run(String... args) {
        return runWithStdin("", args);
    }

    /** {@code poolact args...} reading {@code stdin}. */
    public static Run runWithStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * Asserts the bad-input contract: exit code 2, nothing on stdout, exactly one line on stderr of the
     * form {@code poolact: <message>} containing {@code expected}, and no stack trace.
     */
    public static void assertBadInput(Run r, String expected) {
        assertEquals(2, r.exit(), () -> "exit code; stderr: " + r.err());
        assertEquals("", r.out(), "stdout");
        String err = r.err();
        assertTrue(err.endsWith("\n"), "stderr ends with a line break: " + err);
        String line = err.substring(0, err.length() - 1);
        assertFalse(line.contains("\n"), "one line only: " + err);
        assertTrue(line.startsWith("poolact: "), line);
        assertFalse(line.contains("Exception") || line.contains("\tat "), "no stack trace or exception name: " + line);
        assertTrue(line.contains(expected), () -> "'" + expected + "' in: " + line);
    }

    /** The shape of a JSON nested list, e.g. {@code [1,1,5,5]}. */
    public static String shapeOf(JsonNode n) {
        StringBuilder sb = new StringBuilder("[");
        while (n.isArray()) {
            sb.append(sb.length() > 1 ? "," : "").append(n.size());
            n = n.get(0);
        }
        return sb.append(']').toString();
    }
}

package org.poolact.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Runs the post's example (compiled by the build from src/main) and checks what it prints. */
class PostExampleTest {
    private static String[] run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            PostExample.main(args);
        } finally {
            System.setOut(saved);
        }
        return buf.toString(StandardCharsets.UTF_8).split("\n(?=tensor\\()");
    }

    @Test
    void printsConvOutputAndBothOrdersForMaxThenAvg() {
        String[] t = run();
        assertEquals(6, t.length, String.join("\n", t));
        assertTrue(t[0].contains("grad_fn=<ConvolutionBackward0>"), t[0]);
        assertTrue(t[1].contains("grad_fn=<MaxPool2DWithIndicesBackward0>"), t[1]);
        assertTrue(t[2].contains("grad_fn=<ReluBackward0>"), t[2]);
        assertTrue(t[4].contains("grad_fn=<AvgPool2DBackward0>"), t[4]);
        assertTrue(t[5].contains("grad_fn=<ReluBackward0>"), t[5]);
        // max pooling: the two orders print the same numbers
        assertEquals(values(t[1]), values(t[2]));
    }

    @Test
    void theSeedArgumentIsUsed() {
        assertNotEquals(run("0")[0], run("1")[0]);
        assertEquals(run("3")[0], run("3")[0]);
    }

    private static String values(String printed) {
        return printed.substring(0, printed.indexOf(", grad_fn"));
    }
}

package org.poolact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void helpListsTheSubcommands() {
        Cli.Run r = Cli.run("--help").ok();
        assertTrue(r.out().contains("Usage: poolact"), r.out());
        assertTrue(r.out().contains("demo"), r.out());
        assertTrue(r.out().contains("compare"), r.out());
    }

    @Test
    void noArgumentsPrintsTheUsage() {
        Cli.Run r = Cli.run().ok();
        assertTrue(r.out().contains("Commands:"), r.out());
    }

    @Test
    void versionNamesTheProjectVersion() {
        Cli.Run r = Cli.run("--version").ok();
        assertTrue(r.out().matches("(?s)poolact \\d+\\.\\d+\\.\\d+.*"), r.out());
    }

    @Test
    void subcommandsHaveVersionToo() {
        assertTrue(Cli.run("demo", "--version").ok().out().startsWith("poolact "));
    }

    @Test
    void subcommandHelp() {
        Cli.Run r = Cli.run("compare", "--help").ok();
        assertTrue(r.out().contains("--count-include-pad"), r.out());
        assertTrue(r.out().contains("--format"), r.out());
    }

    @Test
    void unknownCommandIsBadInput() {
        Cli.assertBadInput(Cli.run("frobnicate"), "Unmatched argument");
    }

    @Test
    void unknownOptionIsBadInput() {
        Cli.assertBadInput(Cli.run("demo", "--bogus"), "Unknown option: '--bogus'");
    }

    @Test
    void badFormatIsBadInput() {
        Cli.assertBadInput(Cli.run("demo", "--format", "xml"), "--format");
    }

    @Test
    void badSeedIsBadInput() {
        Cli.assertBadInput(Cli.run("demo", "--seed", "zero"), "--seed");
    }

    @Test
    void exitCodesOfErrors() {
        assertEquals(ExitCodes.BAD_INPUT, ErrorHandler.exitCodeOf(new IllegalArgumentException("x")));
        assertEquals(ExitCodes.BAD_INPUT, ErrorHandler.exitCodeOf(new UserInputException("x")));
        assertEquals(ExitCodes.FAILURE, ErrorHandler.exitCodeOf(new IllegalStateException("x")));
    }
}

package org.poolact.cli;

import java.io.InputStream;

import org.poolact.cli.commands.AnalyzeCommand;
import org.poolact.cli.commands.CompareCommand;
import org.poolact.cli.commands.DataCommand;
import org.poolact.cli.commands.StudyCommand;
import org.poolact.cli.commands.TrainCommand;
import org.poolact.cli.commands.DemoCommand;

import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code poolact} command. To add a subcommand, write a class in
 * {@code org.poolact.cli.commands} that implements {@code Callable<Integer>} and add it to
 * {@code subcommands} below (one line).
 */
@Command(name = "poolact",
        mixinStandardHelpOptions = true,
        // NOTE: INHERIT gives every subcommand --help and --version (with this version provider).
        scope = ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        description = "Activation before or after pooling? Run the experiment, compare both orders on your own numbers.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
            DemoCommand.class,
            CompareCommand.class,
            AnalyzeCommand.class,
            TrainCommand.class,
            StudyCommand.class,
            DataCommand.class,
        })
public final class PoolactCommand implements Runnable {
    private final InputStream stdin;

    @Spec
    CommandSpec spec;

    /** @param stdin what {@code -} reads */
    public PoolactCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    /** Standard input as given to {@link Main#execute}: what a {@code -} file argument reads. */
    public InputStream stdin() {
        return stdin;
    }

    /** Without a subcommand: print the usage (exit 0), like {@code git}. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

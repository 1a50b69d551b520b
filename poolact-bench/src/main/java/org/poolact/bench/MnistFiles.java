package org.poolact.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.poolact.lab.data.DataDirs;
import org.poolact.lab.data.DataSetId;
import org.poolact.lab.data.DataSets;
import org.poolact.lab.data.IdxFiles;

/**
 * Where the benchmark looks for MNIST's IDX files, first match wins: {@code $POOLACT_DATA/mnist},
 * then {@code data-cache/mnist} in the working directory or its nearest parent that has a
 * {@code data-cache} (where {@code .ci/fetch-data.sh} puts it), then the user cache
 * {@code ~/.cache/poolact/data/mnist} (where {@code ./poolact data fetch mnist} puts it).
 */
final class MnistFiles {
    private MnistFiles() {
    }

    /** The data directories searched, in order. */
    static List<Path> candidates() {
        List<Path> dirs = new ArrayList<>();
        String env = System.getenv(DataDirs.ENV);
        boolean fromEnv = env != null && !env.isBlank();
        if (fromEnv) {
            dirs.add(Path.of(env));
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("data-cache"))) {
                dirs.add(p.resolve("data-cache"));
                break;
            }
        }
        if (!fromEnv) {
            dirs.add(DataDirs.defaultDataDir());
        }
        return dirs;
    }

    /** MNIST's four files from the first candidate that has all of them with the right sizes. */
    static Optional<IdxFiles> find() {
        return candidates().stream().map(d -> DataSets.files(DataSetId.MNIST, d)).filter(IdxFiles::complete)
                .findFirst();
    }
}

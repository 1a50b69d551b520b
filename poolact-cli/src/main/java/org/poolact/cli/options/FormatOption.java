package org.poolact.cli.options;

import picocli.CommandLine.Option;

/** The shared {@code --format text|json} option; add it to a command with {@code @Mixin}. */
public final class FormatOption {
    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Output format: text (default) or json (one JSON object).")
    OutputFormat format = OutputFormat.TEXT;

    /** The chosen format. */
    public OutputFormat format() {
        return format;
    }

    /** True for {@code --format json}. */
    public boolean isJson() {
        return format == OutputFormat.JSON;
    }
}

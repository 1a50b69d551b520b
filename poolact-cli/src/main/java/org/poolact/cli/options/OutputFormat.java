package org.poolact.cli.options;

/** What a command prints: readable text or one JSON object. */
public enum OutputFormat {
    TEXT,
    JSON
}

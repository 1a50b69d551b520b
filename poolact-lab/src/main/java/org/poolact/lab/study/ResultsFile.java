package org.poolact.lab.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.poolact.io.AtomicFiles;
import org.poolact.lab.train.LabJson;

/**
 * {@code results.jsonl}: one JSON object per finished run. Appending is atomic: the old content plus
 * the new line go to a temporary file in the same directory, which is forced to disk and renamed over
 * the old file, so a kill at any moment leaves either the old or the new file, never half a line.
 */
public final class ResultsFile {
    private ResultsFile() {
    }

    /**
     * The records in {@code file}, in order; an absent file gives none. A last line without its
     * newline (a file cut by something other than {@link #append}) is dropped and reported in
     * {@link Loaded#droppedPartialLine()}, so that run is done again.
     *
     * @throws IOException if a complete line is not a valid record (the message gives the line number)
     */
    public static Loaded load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new Loaded(List.of(), false);
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<RunRecord> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        boolean dropped = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean last = i == lines.length - 1;
            if (line.isBlank()) {
                continue;
            }
            if (last) {
                dropped = true;
                continue;
            }
            try {
                out.add(LabJson.mapper().readValue(line, RunRecord.class));
            } catch (JsonProcessingException e) {
                throw new IOException(file + ": line " + (i + 1) + ": not a run record: " + e.getOriginalMessage());
            }
        }
        return new Loaded(List.copyOf(out), dropped);
    }

    /**
     * The content of a results file.
     *
     * @param records            complete records
     * @param droppedPartialLine a trailing line without newline was ignored
     */
    public record Loaded(List<RunRecord> records, boolean droppedPartialLine) {
    }

    /** Appends {@code record} as one line, atomically (see the class comment). */
    public static void append(Path file, RunRecord record) throws IOException {
        List<RunRecord> existing = load(file).records();
        StringBuilder sb = new StringBuilder();
        for (RunRecord r : existing) {
            sb.append(LabJson.mapper().writeValueAsString(r)).append('\n');
        }
        sb.append(LabJson.mapper().writeValueAsString(record)).append('\n');
        AtomicFiles.writeString(file, sb);
    }
}

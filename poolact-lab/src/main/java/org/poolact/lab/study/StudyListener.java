package org.poolact.lab.study;

import org.poolact.lab.train.TrainListener;

/** Callbacks of a {@link Study}. */
public interface StudyListener {
    /** The study starts: {@code done} of {@code total} runs are already in results.jsonl. */
    default void onStudyStart(int done, int total, boolean droppedPartialLine) {
    }

    /** A run starts ({@code index} counts from 1 over all runs). */
    default void onRunStart(RunKey key, int index, int total) {
    }

    /** A run finished and its line was appended. */
    default void onRunEnd(RunRecord record, int index, int total) {
    }

    /** The listener that follows the training of each run (progress bars, log lines), or null. */
    default TrainListener trainListener() {
        return null;
    }
}

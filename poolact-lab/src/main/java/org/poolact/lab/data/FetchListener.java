package org.poolact.lab.data;

/**
 * Progress of a fetch, reported by {@link DataSets#fetch}; the command line renders it (a progress
 * bar on a terminal, log lines otherwise). Calls come from the fetching thread.
 */
public interface FetchListener {
    /** The steps of a fetch, in order; a step may be skipped. */
    enum Stage {
        /** {@code npm pack}; bytes of the tarball (npm reports no progress: 0 then all). */
        DOWNLOAD,
        /** SHA-256 of the tarball; bytes hashed. */
        VERIFY,
        /** Reading the tar.gz; compressed bytes read. */
        EXTRACT,
        /** Fashion-MNIST JSON to IDX; JSON bytes parsed. */
        CONVERT
    }

    /** A listener that ignores everything. */
    FetchListener NONE = new FetchListener() {
    };

    /** A step starts or something worth a log line happened. */
    default void message(Stage stage, String text) {
    }

    /** {@code done} of {@code total} units of {@code stage} (bytes; see {@link Stage}). */
    default void progress(Stage stage, long done, long total) {
    }
}

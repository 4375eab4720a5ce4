package io.mlops.engine;

/** Receives one-line progress messages of a long-running run, for a log. */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that drops every message. */
    ProgressListener NONE = message -> {};

    /**
     * Reports progress.
     *
     * @param message one line, without a trailing newline
     */
    void progress(String message);
}

package io.jenkins.plugins.mlops.triggers.poll;

/** What one poll found. */
public enum PollOutcome {
    /** The first poll of a source: its state is remembered, no build is started. */
    BASELINE,
    /** Nothing that matters changed since the last poll. */
    NO_CHANGE,
    /** Something changed: a build is started. */
    CHANGED,
    /** The source could not be read; the state is kept and no build is started. */
    FAILED
}

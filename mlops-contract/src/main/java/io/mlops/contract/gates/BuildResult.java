package io.mlops.contract.gates;

/**
 * What a run's outcome means for the Jenkins build that ran it. The engine decides the outcome once (gate status and
 * exit code); the plugin only maps it with this, 1:1, and never re-decides it.
 */
public enum BuildResult {
    /** The build stays as it is. */
    SUCCESS,
    /** The build (and stage) is marked unstable; the Pipeline goes on. */
    UNSTABLE,
    /** The build and the step fail. */
    FAILURE
}

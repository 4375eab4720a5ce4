package io.jenkins.plugins.mlops.execution;

/** The build result an {@code mlEvaluate} call sets when a quality gate fails. */
public enum GateFailureResult {
    /** Mark the build unstable and go on. */
    UNSTABLE,
    /** Mark the build failed and stop the Pipeline. */
    FAILURE
}

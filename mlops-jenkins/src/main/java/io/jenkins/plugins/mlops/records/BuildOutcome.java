package io.jenkins.plugins.mlops.records;

/** The build result a step asks for; the Jenkins layer maps it to {@code hudson.model.Result}. */
public enum BuildOutcome {
    /** Nothing to report. */
    SUCCESS,
    /** Mark the build unstable. */
    UNSTABLE,
    /** Mark the build failed. */
    FAILURE
}

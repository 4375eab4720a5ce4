package io.jenkins.plugins.mlops.execution;

import java.io.IOException;

/**
 * A step fails with this message and nothing more: bad arguments, the engine's own error, failed gates. The
 * Jenkins layer turns it into the build's error message, without a stack trace; the work itself stays free of
 * Jenkins types.
 */
public final class StepFailure extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the failure.
     *
     * @param message the message for the build log, naming the step, e.g. {@code [mlTrain] ...}
     */
    public StepFailure(String message) {
        super(message);
    }
}

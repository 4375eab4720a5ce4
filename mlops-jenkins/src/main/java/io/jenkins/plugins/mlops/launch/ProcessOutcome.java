package io.jenkins.plugins.mlops.launch;

import java.io.Serializable;

/**
 * How a child process ended: its exit code and the error line that explains it.
 *
 * @param exitCode the exit code of the process
 * @param lastErrorLine the line of standard error that best explains a failure (see EngineProcess), or an empty string
 */
public record ProcessOutcome(int exitCode, String lastErrorLine) implements Serializable {
    private static final long serialVersionUID = 1L;
}

package io.jenkins.plugins.mlops.launch;

import java.io.Serializable;

/**
 * How a child process ended: its exit code and the error line that explains it.
 *
 * @param exitCode the exit code of the process
 * @param lastErrorLine the line of standard error that best explains a failure (see EngineProcess), or an empty string
 * @param output the captured standard output, or {@code null} when it went to the log
 */
public record ProcessOutcome(int exitCode, String lastErrorLine, String output) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the outcome of a process whose output went to the log.
     *
     * @param exitCode the exit code
     * @param lastErrorLine the explaining error line, or an empty string
     */
    public ProcessOutcome(int exitCode, String lastErrorLine) {
        this(exitCode, lastErrorLine, null);
    }
}

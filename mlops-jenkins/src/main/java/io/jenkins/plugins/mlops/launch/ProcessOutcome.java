package io.jenkins.plugins.mlops.launch;

import java.io.Serializable;

/**
 * How a child process ended: its exit code and the last line it wrote to standard error.
 *
 * @param exitCode the exit code of the process
 * @param lastErrorLine the last non-blank line of standard error, or an empty string
 */
public record ProcessOutcome(int exitCode, String lastErrorLine) implements Serializable {
    private static final long serialVersionUID = 1L;
}

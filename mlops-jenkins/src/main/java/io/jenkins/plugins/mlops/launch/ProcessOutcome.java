package io.jenkins.plugins.mlops.launch;

/**
 * How an engine process ended: its exit code and the line of its error output that explains it.
 *
 * @param exitCode the exit code of the process
 * @param lastErrorLine the line that best explains a failure (see {@link ErrorLine}), or an empty string
 */
public record ProcessOutcome(int exitCode, String lastErrorLine) {}

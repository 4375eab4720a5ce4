package io.jenkins.plugins.mlops.execution;

import java.io.Serializable;

/**
 * The load test of {@code mlDeploy}: an open-loop test at a fixed rate, with gates on p99 latency and error rate.
 *
 * @param rps requests per second, 1 or more
 * @param seconds duration, 1 or more
 * @param p99Ms the largest acceptable p99 latency in milliseconds, above 0
 * @param maxErrorRate the largest acceptable share of failed requests, 0 to 1
 */
public record LoadSpec(int rps, int seconds, double p99Ms, double maxErrorRate) implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The command's default duration. */
    public static final int DEFAULT_SECONDS = 10;
    /** The command's default p99 gate. */
    public static final double DEFAULT_P99_MS = 50;
    /** The command's default error-rate gate. */
    public static final double DEFAULT_MAX_ERROR_RATE = 0.001;
}

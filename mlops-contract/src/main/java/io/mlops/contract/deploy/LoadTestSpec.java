package io.mlops.contract.deploy;

import io.mlops.contract.MlopsException;

/**
 * A load test and its gates.
 *
 * @param rps          requests per second to send (open loop: the schedule does not wait for answers)
 * @param seconds      how long to send
 * @param p99Ms        the largest acceptable 99th-percentile latency in milliseconds
 * @param maxErrorRate the largest acceptable share of failed requests
 */
public record LoadTestSpec(int rps, int seconds, double p99Ms, double maxErrorRate) {
    /** The most requests per second a load test may send. */
    public static final int MAX_RPS = 100_000;
    /** The longest a load test may run, in seconds; the command line and the Jenkins step check the same limit. */
    public static final int MAX_SECONDS = 600;
    /** How long a load test runs when no duration is given, in seconds. */
    public static final int DEFAULT_SECONDS = 10;
    /** The p99 latency gate when none is given, in milliseconds. */
    public static final int DEFAULT_P99_MS = 50;
    /** The error-rate gate when none is given. */
    public static final double DEFAULT_MAX_ERROR_RATE = 0.001;

    /**
     * Creates a spec.
     *
     * @throws MlopsException if a value is out of range
     */
    public LoadTestSpec {
        if (rps < 1 || rps > MAX_RPS) {
            throw new MlopsException("load test 'rps' must be from 1 to " + MAX_RPS + ", got " + rps);
        }
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new MlopsException("load test 'seconds' must be from 1 to " + MAX_SECONDS + ", got " + seconds);
        }
        if (!(p99Ms > 0)) {
            throw new MlopsException("load test 'p99Ms' must be a positive number, got " + p99Ms);
        }
        if (!(maxErrorRate >= 0 && maxErrorRate <= 1)) {
            throw new MlopsException("load test 'maxErrorRate' must be between 0 and 1, got " + maxErrorRate);
        }
    }
}

package io.jenkins.plugins.mlops.execution;

import io.mlops.contract.MlopsException;
import io.mlops.contract.deploy.LoadTestSpec;
import java.io.Serializable;

/**
 * The load test of {@code mlDeploy}, kept in the step's durable state (the contract's {@link LoadTestSpec} is not
 * serializable): made only from values the contract accepts, so the step refuses what the command line would refuse
 * (e.g. more than {@value LoadTestSpec#MAX_SECONDS} seconds) before an engine JVM starts.
 *
 * @param rps requests per second
 * @param seconds duration in seconds
 * @param p99Ms the largest acceptable p99 latency in milliseconds
 * @param maxErrorRate the largest acceptable share of failed requests
 */
public record LoadSpec(int rps, int seconds, double p99Ms, double maxErrorRate) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Creates a load test.
     *
     * @throws IllegalArgumentException with the contract's message if a value is out of the contract's limits
     */
    public LoadSpec {
        try {
            new LoadTestSpec(rps, seconds, p99Ms, maxErrorRate);
        } catch (MlopsException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** @return the contract's load test */
    public LoadTestSpec spec() {
        return new LoadTestSpec(rps, seconds, p99Ms, maxErrorRate);
    }
}

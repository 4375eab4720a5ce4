package io.jenkins.plugins.mlops.records;

import io.jenkins.plugins.mlops.execution.GateFailureResult;

/** Maps the outcome of the quality gates to a build result, like warnings-ng's quality gates. */
public final class GateOutcomes {
    private GateOutcomes() {}

    /**
     * Maps a gate outcome to a build result.
     *
     * @param gateOutcome {@code PASSED}, {@code UNSTABLE}, {@code FAILED}, or {@code null} when no gate ran
     * @param onGateFailure the result for a failed gate
     * @return SUCCESS for passed (or no) gates, UNSTABLE for unstable gates, the configured result for failed ones
     */
    public static BuildOutcome toBuildOutcome(String gateOutcome, GateFailureResult onGateFailure) {
        if (gateOutcome == null || "PASSED".equals(gateOutcome)) {
            return BuildOutcome.SUCCESS;
        }
        return switch (gateOutcome) {
            case "UNSTABLE" -> BuildOutcome.UNSTABLE;
            case "FAILED" -> onGateFailure == GateFailureResult.UNSTABLE ? BuildOutcome.UNSTABLE : BuildOutcome.FAILURE;
            default -> throw new IllegalArgumentException("not a gate outcome: " + gateOutcome);
        };
    }
}

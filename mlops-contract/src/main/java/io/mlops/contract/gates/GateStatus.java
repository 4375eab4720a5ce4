package io.mlops.contract.gates;

import io.mlops.contract.ExitCode;

/**
 * The result of one gate, and of all gates together (ordered from best to worst, INACTIVE aside).
 *
 * <p>The overall status is the engine's single answer: the command line exits with {@link #exitCode()} and the Jenkins
 * plugin sets {@link #buildResult()}. A gate's own suffix ({@code (unstable)}, {@code (failure)}) decides its
 * criticality; {@code --on-gate-failure} (the step's {@code onGateFailure}) is only the criticality of gates without
 * one. So {@code accuracy >= 0.85 (failure)} with {@code --on-gate-failure UNSTABLE} is {@link #FAILED} everywhere.</p>
 */
public enum GateStatus {
    /** The metric is not available (e.g. no baseline, or no probabilities for log-loss). */
    INACTIVE,
    /** The condition holds. */
    PASSED,
    /** The condition does not hold and the gate is configured as {@link Criticality#UNSTABLE}. */
    UNSTABLE,
    /** The condition does not hold and the gate is configured as {@link Criticality#FAILURE}. */
    FAILED;

    /** @return the exit code of a run whose gates have this overall status */
    public ExitCode exitCode() {
        return switch (this) {
            case INACTIVE, PASSED -> ExitCode.OK;
            case UNSTABLE -> ExitCode.GATES_UNSTABLE;
            case FAILED -> ExitCode.GATES_FAILED;
        };
    }

    /** @return the build result of a run whose gates have this overall status */
    public BuildResult buildResult() {
        return switch (this) {
            case INACTIVE, PASSED -> BuildResult.SUCCESS;
            case UNSTABLE -> BuildResult.UNSTABLE;
            case FAILED -> BuildResult.FAILURE;
        };
    }

    /**
     * Returns the failure status of a gate with a criticality.
     *
     * @param criticality what a failure of the gate does
     * @return {@link #FAILED} or {@link #UNSTABLE}
     */
    public static GateStatus failed(final Criticality criticality) {
        return criticality == Criticality.FAILURE ? FAILED : UNSTABLE;
    }
}

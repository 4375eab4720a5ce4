package io.mlops.engine.gates;

/** The result of one gate, and of all gates together (ordered from best to worst, INACTIVE aside). */
public enum GateStatus {
    /** The metric is not available (e.g. no baseline, or no probabilities for log-loss). */
    INACTIVE,
    /** The condition holds. */
    PASSED,
    /** The condition does not hold and the gate is configured as {@link Criticality#UNSTABLE}. */
    UNSTABLE,
    /** The condition does not hold and the gate is configured as {@link Criticality#FAILURE}. */
    FAILED
}

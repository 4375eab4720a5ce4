package io.mlops.contract.gates;

/** What a gate that is not met does to the run. */
public enum Criticality {
    /** The run is marked unstable. */
    UNSTABLE,
    /** The run fails. */
    FAILURE
}

package io.mlops.contract.retrain;

/** The outcome of one retrain condition. */
public enum ConditionStatus {
    /** The condition holds: it asks for retraining. */
    FIRED,
    /** The condition was checked and does not hold. */
    NOT_FIRED,
    /**
     * The condition could not be checked (too little feedback, a service the user allowed to be unreachable, no
     * reference histogram); its reason says why. It never asks for retraining.
     */
    INACTIVE
}

package io.mlops.contract.deploy;

/** Whether a deployment stayed. */
public enum DeployStatus {
    /** The new version passed its checks and serves. */
    DEPLOYED,
    /** A check failed and the previous version serves again. */
    ROLLED_BACK
}

package io.jenkins.plugins.mlops.triggers;

import hudson.model.Cause;

/** Why {@code mlDataChanged} started a build: what was added, changed or removed, and where. */
public final class DataChangedCause extends Cause {
    private final String changes;

    /** @param changes what changed, as the poll described it */
    public DataChangedCause(final String changes) {
        this.changes = changes;
    }

    /** @return what changed */
    public String getChanges() {
        return changes;
    }

    @Override
    public String getShortDescription() {
        return TriggerMessages.format("DataChangedCause.ShortDescription", changes);
    }
}

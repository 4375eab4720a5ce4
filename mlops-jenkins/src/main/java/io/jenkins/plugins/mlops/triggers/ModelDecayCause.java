package io.jenkins.plugins.mlops.triggers;

import hudson.model.Cause;

/** Why {@code mlModelDecay} started a build: the model served, and which condition fired with its numbers. */
public final class ModelDecayCause extends Cause {
    private final String decay;

    /** @param decay the model and the conditions that fired, as the poll described them */
    public ModelDecayCause(final String decay) {
        this.decay = decay;
    }

    /** @return the model and the conditions that fired */
    public String getDecay() {
        return decay;
    }

    @Override
    public String getShortDescription() {
        return TriggerMessages.format("ModelDecayCause.ShortDescription", decay);
    }
}

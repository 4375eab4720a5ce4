package io.mlops.engine.registry;

import io.mlops.contract.MlopsException;

/**
 * A model reference that names nothing in the registry (yet): an unknown model, a model without versions, an alias
 * that is not set or a version that does not exist. Callers that may expect this, such as a baseline before the first
 * promotion, catch it; everyone else sees a bad-input error.
 */
public final class ModelNotFoundException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is missing and what exists
     */
    public ModelNotFoundException(final String message) {
        super(message);
    }
}

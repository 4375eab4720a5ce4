package io.mlops.contract.metadata;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What a run did; the {@code kind} of its run metadata. */
public enum RunKind {
    /** {@code mlops train}: trained a model and wrote a bundle. */
    TRAIN,
    /** {@code mlops evaluate}: evaluated a model and applied gates. */
    EVALUATE,
    /** {@code mlops deploy}: deployed a model, checked it and kept or rolled it back. */
    DEPLOY,
    /** {@code mlops retrain-check}: decided whether a model should be retrained; since format 1.1. */
    RETRAIN_CHECK;

    /** @return the name in documents, e.g. {@code train} or {@code retrain-check} */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Finds a kind by its name in documents.
     *
     * @param id e.g. {@code train}
     * @return the kind
     * @throws IllegalArgumentException for an unknown name
     */
    @JsonCreator
    public static RunKind of(final String id) {
        return Arrays.stream(values())
                .filter(k -> k.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "not a run kind: '" + id + "'; expected one of train, evaluate, deploy, retrain-check"));
    }
}

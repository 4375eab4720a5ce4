package io.mlops.contract.retrain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a retrain condition looks at. */
public enum ConditionKind {
    /** The training data set now differs from the data the model was trained on. */
    DATA_CHANGED,
    /** Live accuracy from the prediction service's feedback fell below a threshold. */
    ACCURACY_DECAY,
    /** The inputs drifted from the training data (population stability index per feature). */
    DRIFT,
    /** The model was trained longer ago than allowed. */
    AGE,
    /** Retraining was asked for explicitly. */
    FORCED;

    /** @return the name in documents and on the command line, e.g. {@code accuracy-decay} */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Finds a kind by its name in documents.
     *
     * @param id e.g. {@code drift}
     * @return the kind
     * @throws IllegalArgumentException for an unknown name
     */
    @JsonCreator
    public static ConditionKind of(final String id) {
        return Arrays.stream(values())
                .filter(k -> k.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a retrain condition: '" + id
                        + "'; expected one of "
                        + Arrays.stream(values()).map(ConditionKind::id).collect(Collectors.joining(", "))));
    }
}

package io.mlops.contract.retrain;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Whether a model should be retrained, and why: every checked condition with its measured value, threshold and
 * outcome, and what data is new. It is the {@code decision} of a {@code retrain-check} run's metadata. Retraining is
 * due exactly when at least one condition fired; inactive conditions never decide. Immutable; made with
 * {@link #builder()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonPropertyOrder({"retrain", "model", "trainedAt", "conditions", "newData"})
@JsonDeserialize(builder = RetrainDecision.Builder.class)
public final class RetrainDecision {
    // written for readers of the document; always derived from the conditions, never read back
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    private final boolean retrain;

    private final String model;
    private final String trainedAt;
    private final List<RetrainCondition> conditions;
    private final DataChange newData;

    private RetrainDecision(final Builder builder) {
        model = Objects.requireNonNull(builder.model, "model == null");
        trainedAt = builder.trainedAt;
        conditions = List.copyOf(Objects.requireNonNull(builder.conditions, "conditions == null"));
        newData = builder.newData;
        retrain = conditions.stream().anyMatch(RetrainCondition::fired);
    }

    /** @return a builder with no condition */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder with all values of this decision */
    public Builder toBuilder() {
        return new Builder()
                .model(model)
                .trainedAt(trainedAt)
                .conditions(conditions)
                .newData(newData);
    }

    /** @return whether retraining is due: at least one condition fired */
    public boolean retrain() {
        return retrain;
    }

    /** @return the model checked, as given (a bundle folder or {@code NAME@REF}) */
    public String model() {
        return model;
    }

    /** @return when the model was trained (ISO-8601), or {@code null} if its metadata does not say */
    public String trainedAt() {
        return trainedAt;
    }

    /** @return every condition checked, in the order checked */
    public List<RetrainCondition> conditions() {
        return conditions;
    }

    /** @return the conditions that fired */
    public List<RetrainCondition> fired() {
        return conditions.stream().filter(RetrainCondition::fired).toList();
    }

    /** @return the conditions that could not be checked */
    public List<RetrainCondition> inactive() {
        return conditions.stream()
                .filter(c -> c.status() == ConditionStatus.INACTIVE)
                .toList();
    }

    /** @return how the training data differs from the model's, or {@code null} if the data was not checked */
    public DataChange newData() {
        return newData;
    }

    /**
     * Says the decision in one line, e.g. {@code retrain: accuracy-decay, drift} or {@code no retraining: 3 conditions
     * checked, none fired (1 inactive)}.
     *
     * @return the line
     */
    public String summary() {
        if (retrain) {
            return "retrain: " + fired().stream().map(c -> c.kind().id()).collect(Collectors.joining(", "));
        }
        int inactive = inactive().size();
        return "no retraining: " + conditions.size() + (conditions.size() == 1 ? " condition" : " conditions")
                + " checked, none fired" + (inactive == 0 ? "" : " (" + inactive + " inactive)");
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof RetrainDecision that
                && model.equals(that.model)
                && Objects.equals(trainedAt, that.trainedAt)
                && conditions.equals(that.conditions)
                && Objects.equals(newData, that.newData);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, trainedAt, conditions, newData);
    }

    @Override
    public String toString() {
        return model + ": " + summary();
    }

    /** Collects the values of a {@link RetrainDecision}. */
    @JsonPOJOBuilder(withPrefix = "")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Builder {
        private String model;
        private String trainedAt;
        private List<RetrainCondition> conditions = List.of();
        private DataChange newData;

        private Builder() {}

        /**
         * @param value the model checked, as given
         * @return this builder
         */
        public Builder model(final String value) {
            model = value;
            return this;
        }

        /**
         * @param value when the model was trained (ISO-8601)
         * @return this builder
         */
        public Builder trainedAt(final String value) {
            trainedAt = value;
            return this;
        }

        /**
         * @param value the conditions checked, in order
         * @return this builder
         */
        public Builder conditions(final List<RetrainCondition> value) {
            conditions = value;
            return this;
        }

        /**
         * @param value how the training data differs from the model's
         * @return this builder
         */
        public Builder newData(final DataChange value) {
            newData = value;
            return this;
        }

        /**
         * Makes the decision; retraining is due when a condition fired.
         *
         * @return the decision
         * @throws NullPointerException naming a missing value, e.g. {@code model == null}
         */
        public RetrainDecision build() {
            return new RetrainDecision(this);
        }
    }
}

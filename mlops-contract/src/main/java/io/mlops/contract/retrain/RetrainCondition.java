package io.mlops.contract.retrain;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One checked condition of a retrain decision: what was measured, against which threshold, and whether it fired; or,
 * when it could not be checked, that it is {@link ConditionStatus#INACTIVE} and why. Immutable; made with
 * {@link #builder(ConditionKind)} (usually by {@link RetrainRules}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonPropertyOrder({"kind", "status", "measured", "threshold", "detail", "reason", "values"})
@JsonDeserialize(builder = RetrainCondition.Builder.class)
public final class RetrainCondition {
    private final ConditionKind kind;
    private final ConditionStatus status;
    private final Double measured;
    private final Double threshold;
    private final String detail;
    private final String reason;
    private final Map<String, Double> values;

    private RetrainCondition(final Builder builder) {
        kind = Objects.requireNonNull(builder.kind, "kind == null");
        status = Objects.requireNonNull(builder.status, "status == null");
        measured = builder.measured;
        threshold = builder.threshold;
        detail = Objects.requireNonNull(builder.detail, "detail == null");
        reason = builder.reason;
        values = builder.values == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(builder.values));
        if (status == ConditionStatus.INACTIVE && reason == null) {
            throw new IllegalArgumentException("an inactive " + kind.id() + " condition needs a reason");
        }
    }

    /**
     * Starts a condition.
     *
     * @param kind what it looks at
     * @return a builder
     */
    public static Builder builder(final ConditionKind kind) {
        return new Builder().kind(kind);
    }

    /** @return a builder with all values of this condition */
    public Builder toBuilder() {
        return new Builder()
                .kind(kind)
                .status(status)
                .measured(measured)
                .threshold(threshold)
                .detail(detail)
                .reason(reason)
                .values(values);
    }

    /** @return what the condition looks at */
    public ConditionKind kind() {
        return kind;
    }

    /** @return whether it fired, did not, or could not be checked */
    public ConditionStatus status() {
        return status;
    }

    /** @return whether it asks for retraining */
    public boolean fired() {
        return status == ConditionStatus.FIRED;
    }

    /**
     * Returns the measured value: the live accuracy, the largest PSI, the age in days, the number of new rows; for
     * {@link ConditionKind#FORCED} and inactive conditions {@code null}.
     *
     * @return the value, or {@code null}
     */
    public Double measured() {
        return measured;
    }

    /** @return the threshold the measured value was compared with, or {@code null} */
    public Double threshold() {
        return threshold;
    }

    /** @return one line a person reads, e.g. {@code live accuracy 0.7600 < 0.8800 over 400 labelled events} */
    public String detail() {
        return detail;
    }

    /** @return why the condition is inactive, else {@code null} */
    public String reason() {
        return reason;
    }

    /** @return the measured value per part (PSI per feature for drift), or {@code null} */
    public Map<String, Double> values() {
        return values;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof RetrainCondition that
                && kind == that.kind
                && status == that.status
                && Objects.equals(measured, that.measured)
                && Objects.equals(threshold, that.threshold)
                && detail.equals(that.detail)
                && Objects.equals(reason, that.reason)
                && Objects.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, status, measured, threshold, detail, reason, values);
    }

    @Override
    public String toString() {
        return kind.id() + " " + status + ": " + detail;
    }

    /** Collects the values of a {@link RetrainCondition}. */
    @JsonPOJOBuilder(withPrefix = "")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Builder {
        private ConditionKind kind;
        private ConditionStatus status;
        private Double measured;
        private Double threshold;
        private String detail;
        private String reason;
        private Map<String, Double> values;

        private Builder() {}

        /**
         * @param value what the condition looks at
         * @return this builder
         */
        public Builder kind(final ConditionKind value) {
            kind = value;
            return this;
        }

        /**
         * @param value the outcome
         * @return this builder
         */
        public Builder status(final ConditionStatus value) {
            status = value;
            return this;
        }

        /**
         * @param value the measured value
         * @return this builder
         */
        public Builder measured(final Double value) {
            measured = value;
            return this;
        }

        /**
         * @param value the threshold
         * @return this builder
         */
        public Builder threshold(final Double value) {
            threshold = value;
            return this;
        }

        /**
         * @param value the readable line
         * @return this builder
         */
        public Builder detail(final String value) {
            detail = value;
            return this;
        }

        /**
         * @param value why the condition is inactive
         * @return this builder
         */
        public Builder reason(final String value) {
            reason = value;
            return this;
        }

        /**
         * @param value the measured value per part
         * @return this builder
         */
        public Builder values(final Map<String, Double> value) {
            values = value;
            return this;
        }

        /**
         * Makes the condition.
         *
         * @return the condition
         * @throws NullPointerException     naming a missing value, e.g. {@code status == null}
         * @throws IllegalArgumentException if an inactive condition has no reason
         */
        public RetrainCondition build() {
            return new RetrainCondition(this);
        }
    }
}

package io.mlops.contract.retrain;

import java.time.Duration;

/**
 * The thresholds of a retrain decision: what counts as decay, drift, old age and enough new data. The same values are
 * options of {@code mlops retrain-check} and arguments of the Jenkins step and triggers. Which conditions are checked
 * depends on what the check is given (a data set, a service, a batch); this says only when each one fires.
 * Immutable; made with {@link #builder()}.
 */
public final class RetrainPolicy {
    /** Default of {@link #minFeedback()}: fewer labelled events say too little about accuracy. */
    public static final int DEFAULT_MIN_FEEDBACK = 100;
    /** Default of {@link #minNewRows()}: any new row counts. */
    public static final long DEFAULT_MIN_NEW_ROWS = 1;

    private final Double accuracyBelow;
    private final Double maxAccuracyDrop;
    private final int minFeedback;
    private final double driftAbove;
    private final Duration maxAge;
    private final long minNewRows;
    private final boolean force;

    private RetrainPolicy(final Builder builder) {
        accuracyBelow = builder.accuracyBelow;
        maxAccuracyDrop = builder.maxAccuracyDrop;
        minFeedback = builder.minFeedback;
        driftAbove = builder.driftAbove;
        maxAge = builder.maxAge;
        minNewRows = builder.minNewRows;
        force = builder.force;
        if (accuracyBelow != null && !(accuracyBelow >= 0 && accuracyBelow <= 1)) {
            throw new IllegalArgumentException("accuracyBelow must be between 0 and 1: " + accuracyBelow);
        }
        if (maxAccuracyDrop != null && !(maxAccuracyDrop >= 0 && maxAccuracyDrop <= 1)) {
            throw new IllegalArgumentException("maxAccuracyDrop must be between 0 and 1: " + maxAccuracyDrop);
        }
        if (minFeedback < 1) {
            throw new IllegalArgumentException("minFeedback must be 1 or more: " + minFeedback);
        }
        if (!(driftAbove > 0)) {
            throw new IllegalArgumentException("driftAbove must be more than 0: " + driftAbove);
        }
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            throw new IllegalArgumentException("maxAge must be positive: " + maxAge);
        }
        if (minNewRows < 1) {
            throw new IllegalArgumentException("minNewRows must be 1 or more: " + minNewRows);
        }
    }

    /** @return a builder with the defaults: no accuracy threshold, PSI above 0.2, no age limit */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder with all values of this policy */
    public Builder toBuilder() {
        return new Builder()
                .accuracyBelow(accuracyBelow)
                .maxAccuracyDrop(maxAccuracyDrop)
                .minFeedback(minFeedback)
                .driftAbove(driftAbove)
                .maxAge(maxAge)
                .minNewRows(minNewRows)
                .force(force);
    }

    /** @return live accuracy below this fires, or {@code null} for no absolute threshold */
    public Double accuracyBelow() {
        return accuracyBelow;
    }

    /** @return live accuracy below the model's test accuracy minus this fires, or {@code null} */
    public Double maxAccuracyDrop() {
        return maxAccuracyDrop;
    }

    /** @return whether an accuracy threshold is set at all */
    public boolean checksAccuracy() {
        return accuracyBelow != null || maxAccuracyDrop != null;
    }

    /** @return the fewest labelled events in the feedback window for accuracy to count */
    public int minFeedback() {
        return minFeedback;
    }

    /** @return a PSI above this fires; default {@value Psi#USUAL_THRESHOLD} */
    public double driftAbove() {
        return driftAbove;
    }

    /** @return a model older than this fires, or {@code null} for no age limit */
    public Duration maxAge() {
        return maxAge;
    }

    /** @return fewer new rows than this, when the data only grew, do not fire (a trickle) */
    public long minNewRows() {
        return minNewRows;
    }

    /** @return whether retraining is forced */
    public boolean force() {
        return force;
    }

    /** Collects the values of a {@link RetrainPolicy}. */
    public static final class Builder {
        private Double accuracyBelow;
        private Double maxAccuracyDrop;
        private int minFeedback = DEFAULT_MIN_FEEDBACK;
        private double driftAbove = Psi.USUAL_THRESHOLD;
        private Duration maxAge;
        private long minNewRows = DEFAULT_MIN_NEW_ROWS;
        private boolean force;

        private Builder() {}

        /**
         * @param value live accuracy below this fires; {@code null} for none
         * @return this builder
         */
        public Builder accuracyBelow(final Double value) {
            accuracyBelow = value;
            return this;
        }

        /**
         * @param value live accuracy below test accuracy minus this fires; {@code null} for none
         * @return this builder
         */
        public Builder maxAccuracyDrop(final Double value) {
            maxAccuracyDrop = value;
            return this;
        }

        /**
         * @param value the fewest labelled events for accuracy to count
         * @return this builder
         */
        public Builder minFeedback(final int value) {
            minFeedback = value;
            return this;
        }

        /**
         * @param value a PSI above this fires
         * @return this builder
         */
        public Builder driftAbove(final double value) {
            driftAbove = value;
            return this;
        }

        /**
         * @param value a model older than this fires; {@code null} for no limit
         * @return this builder
         */
        public Builder maxAge(final Duration value) {
            maxAge = value;
            return this;
        }

        /**
         * @param days a model older than this many days fires
         * @return this builder
         */
        public Builder maxAgeDays(final long days) {
            return maxAge(Duration.ofDays(days));
        }

        /**
         * @param value fewer new rows than this (when the data only grew) do not fire
         * @return this builder
         */
        public Builder minNewRows(final long value) {
            minNewRows = value;
            return this;
        }

        /**
         * @param value whether retraining is forced
         * @return this builder
         */
        public Builder force(final boolean value) {
            force = value;
            return this;
        }

        /**
         * Makes the policy.
         *
         * @return the policy
         * @throws IllegalArgumentException naming a value out of range
         */
        public RetrainPolicy build() {
            return new RetrainPolicy(this);
        }
    }
}

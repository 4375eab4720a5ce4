package io.mlops.contract.serving;

import io.mlops.contract.MlopsException;
import io.mlops.contract.serving.PrometheusText.Sample;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the prediction service's {@code GET /metrics} says about the model it serves: which model, its live accuracy
 * and recall over the feedback window, and the input drift (PSI per feature). It is read from the Prometheus text the
 * service writes ({@link #read(String, String)}), by the engine's retrain check and by Jenkins triggers on the
 * controller, which never load the engine. Immutable; made with {@link #builder()}.
 */
public final class LiveMetrics {
    private final String modelName;
    private final String modelVersion;
    private final String modelSha256;
    private final Double liveAccuracy;
    private final int feedbackWindow;
    private final long feedbackTotal;
    private final Map<String, Double> liveRecall;
    private final Map<String, Double> driftPsi;
    private final Double driftScore;

    private LiveMetrics(final Builder builder) {
        modelName = Objects.requireNonNull(builder.modelName, "modelName == null");
        modelVersion = Objects.requireNonNull(builder.modelVersion, "modelVersion == null");
        modelSha256 = Objects.requireNonNull(builder.modelSha256, "modelSha256 == null");
        liveAccuracy = builder.liveAccuracy;
        feedbackWindow = builder.feedbackWindow;
        feedbackTotal = builder.feedbackTotal;
        liveRecall = Collections.unmodifiableMap(new LinkedHashMap<>(builder.liveRecall));
        driftPsi = Collections.unmodifiableMap(new LinkedHashMap<>(builder.driftPsi));
        driftScore = builder.driftScore;
        if (feedbackWindow < 0) {
            throw new IllegalArgumentException("feedbackWindow < 0: " + feedbackWindow);
        }
    }

    /** @return a builder with nothing set */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the metrics document of a prediction service.
     *
     * @param source where the text came from, for messages (e.g. {@code http://127.0.0.1:8080/metrics})
     * @param text   the Prometheus text the service wrote
     * @return the metrics
     * @throws MlopsException naming the source if the text is not the metrics of an mlops prediction service
     */
    public static LiveMetrics read(final String source, final String text) {
        List<Sample> samples = PrometheusText.parse(source, text);
        Builder builder = builder();
        boolean model = false;
        boolean window = false;
        for (Sample sample : samples) {
            switch (sample.name()) {
                case ServiceMetricNames.MODEL_VERSION -> {
                    model = true;
                    builder.modelName(label(source, sample, ServiceMetricNames.LABEL_NAME))
                            .modelVersion(label(source, sample, ServiceMetricNames.LABEL_VERSION))
                            .modelSha256(label(source, sample, ServiceMetricNames.LABEL_SHA256));
                }
                case ServiceMetricNames.LIVE_ACCURACY -> builder.liveAccuracy(finite(sample));
                case ServiceMetricNames.LIVE_FEEDBACK_WINDOW -> {
                    window = true;
                    builder.feedbackWindow((int) sample.value());
                }
                case ServiceMetricNames.FEEDBACK -> builder.feedbackTotal((long) sample.value());
                case ServiceMetricNames.LIVE_RECALL -> builder.liveRecall(
                        label(source, sample, ServiceMetricNames.LABEL_CLASS), sample.value());
                case ServiceMetricNames.INPUT_DRIFT_PSI -> builder.driftPsi(
                        label(source, sample, ServiceMetricNames.LABEL_FEATURE), sample.value());
                case ServiceMetricNames.INPUT_DRIFT_SCORE -> builder.driftScore(finite(sample));
                default -> {
                    // request counters and latency: not part of what a retrain decision reads
                }
            }
        }
        if (!model || !window) {
            throw new MlopsException(source + ": not the metrics of an mlops prediction service: no "
                    + (model ? ServiceMetricNames.LIVE_FEEDBACK_WINDOW : ServiceMetricNames.MODEL_VERSION));
        }
        return builder.build();
    }

    private static Double finite(final Sample sample) {
        return Double.isFinite(sample.value()) ? sample.value() : null;
    }

    private static String label(final String source, final Sample sample, final String label) {
        String value = sample.labels().get(label);
        if (value == null) {
            throw new MlopsException(source + ": " + sample.name() + " has no label '" + label + "'");
        }
        return value;
    }

    /** @return the registered name of the model served */
    public String modelName() {
        return modelName;
    }

    /** @return the version label of the model served */
    public String modelVersion() {
        return modelVersion;
    }

    /** @return the SHA-256 of the model file served */
    public String modelSha256() {
        return modelSha256;
    }

    /** @return the accuracy over the feedback window, or {@code null} while it is empty */
    public Double liveAccuracy() {
        return liveAccuracy;
    }

    /** @return how many labelled feedback events are in the window */
    public int feedbackWindow() {
        return feedbackWindow;
    }

    /** @return feedback events since the service started */
    public long feedbackTotal() {
        return feedbackTotal;
    }

    /** @return recall per class over the window, by class */
    public Map<String, Double> liveRecall() {
        return liveRecall;
    }

    /** @return PSI per monitored feature; empty until the service observed enough inputs */
    public Map<String, Double> driftPsi() {
        return driftPsi;
    }

    /** @return the largest PSI of all features, or {@code null} if the document has none */
    public Double driftScore() {
        return driftScore;
    }

    /** @return a builder with all values of this document */
    public Builder toBuilder() {
        Builder builder = builder()
                .modelName(modelName)
                .modelVersion(modelVersion)
                .modelSha256(modelSha256)
                .liveAccuracy(liveAccuracy)
                .feedbackWindow(feedbackWindow)
                .feedbackTotal(feedbackTotal)
                .driftScore(driftScore);
        liveRecall.forEach(builder::liveRecall);
        driftPsi.forEach(builder::driftPsi);
        return builder;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof LiveMetrics that
                && modelName.equals(that.modelName)
                && modelVersion.equals(that.modelVersion)
                && modelSha256.equals(that.modelSha256)
                && Objects.equals(liveAccuracy, that.liveAccuracy)
                && feedbackWindow == that.feedbackWindow
                && feedbackTotal == that.feedbackTotal
                && liveRecall.equals(that.liveRecall)
                && driftPsi.equals(that.driftPsi)
                && Objects.equals(driftScore, that.driftScore);
    }

    @Override
    public int hashCode() {
        return Objects.hash(modelName, modelVersion, modelSha256, liveAccuracy, feedbackWindow, feedbackTotal);
    }

    @Override
    public String toString() {
        return "LiveMetrics[" + modelName + " " + modelVersion + ", accuracy " + liveAccuracy + " over "
                + feedbackWindow + ", drift " + driftScore + "]";
    }

    /** Collects the values of {@link LiveMetrics}. */
    public static final class Builder {
        private String modelName;
        private String modelVersion;
        private String modelSha256;
        private Double liveAccuracy;
        private int feedbackWindow;
        private long feedbackTotal;
        private final Map<String, Double> liveRecall = new LinkedHashMap<>();
        private final Map<String, Double> driftPsi = new LinkedHashMap<>();
        private Double driftScore;

        private Builder() {}

        /**
         * @param value the registered model name
         * @return this builder
         */
        public Builder modelName(final String value) {
            modelName = value;
            return this;
        }

        /**
         * @param value the version label
         * @return this builder
         */
        public Builder modelVersion(final String value) {
            modelVersion = value;
            return this;
        }

        /**
         * @param value the SHA-256 of the model file
         * @return this builder
         */
        public Builder modelSha256(final String value) {
            modelSha256 = value;
            return this;
        }

        /**
         * @param value accuracy over the window, {@code null} while it is empty
         * @return this builder
         */
        public Builder liveAccuracy(final Double value) {
            liveAccuracy = value;
            return this;
        }

        /**
         * @param value labelled events in the window
         * @return this builder
         */
        public Builder feedbackWindow(final int value) {
            feedbackWindow = value;
            return this;
        }

        /**
         * @param value feedback events since the service started
         * @return this builder
         */
        public Builder feedbackTotal(final long value) {
            feedbackTotal = value;
            return this;
        }

        /**
         * @param label  the class
         * @param recall its recall over the window
         * @return this builder
         */
        public Builder liveRecall(final String label, final double recall) {
            liveRecall.put(Objects.requireNonNull(label, "label == null"), recall);
            return this;
        }

        /**
         * @param feature the feature
         * @param psi     its population stability index
         * @return this builder
         */
        public Builder driftPsi(final String feature, final double psi) {
            driftPsi.put(Objects.requireNonNull(feature, "feature == null"), psi);
            return this;
        }

        /**
         * @param value the largest PSI
         * @return this builder
         */
        public Builder driftScore(final Double value) {
            driftScore = value;
            return this;
        }

        /**
         * Makes the metrics.
         *
         * @return the metrics
         * @throws NullPointerException naming a missing model value, e.g. {@code modelName == null}
         */
        public LiveMetrics build() {
            return new LiveMetrics(this);
        }
    }
}

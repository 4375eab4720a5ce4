package io.mlops.engine.retrain;

import io.mlops.contract.retrain.RetrainPolicy;
import io.mlops.engine.data.CsvFormat;
import io.mlops.engine.data.DataWindow;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a retrain check looks at: the model, and the sources of its conditions (current training data, a running
 * prediction service, a new data batch), with the thresholds. Immutable; made with {@link #builder(String, Path)}.
 */
public final class RetrainCheckRequest {
    private final String model;
    private final Path bundle;
    private final List<String> data;
    private final DataWindow window;
    private final CsvFormat csv;
    private final String service;
    private final Path driftData;
    private final RetrainPolicy policy;
    private final boolean unavailableAsInactive;
    private final Path cacheFile;

    private RetrainCheckRequest(final Builder builder) {
        model = Objects.requireNonNull(builder.model, "model == null");
        bundle = Objects.requireNonNull(builder.bundle, "bundle == null");
        data = List.copyOf(builder.data);
        window = builder.window;
        csv = builder.csv;
        service = builder.service;
        driftData = builder.driftData;
        policy = Objects.requireNonNull(builder.policy, "policy == null");
        unavailableAsInactive = builder.unavailableAsInactive;
        cacheFile = builder.cacheFile;
    }

    /**
     * Starts a request.
     *
     * @param model  the model as the user named it (a bundle folder or {@code NAME@REF}), for the decision
     * @param bundle the bundle folder to read
     * @return a builder
     */
    public static Builder builder(final String model, final Path bundle) {
        Builder builder = new Builder();
        builder.model = model;
        builder.bundle = bundle;
        return builder;
    }

    /** @return the model as named */
    public String model() {
        return model;
    }

    /** @return the bundle folder */
    public Path bundle() {
        return bundle;
    }

    /** @return the training data entries (files, folders, globs) to compare with the model's inputs; may be empty */
    public List<String> data() {
        return data;
    }

    /** @return the spec's data window, or {@code null} */
    public DataWindow window() {
        return window;
    }

    /** @return how the data files are written */
    public CsvFormat csv() {
        return csv;
    }

    /** @return the prediction service's URL, or {@code null} */
    public String service() {
        return service;
    }

    /** @return a new data batch for offline drift, or {@code null} */
    public Path driftData() {
        return driftData;
    }

    /** @return the thresholds */
    public RetrainPolicy policy() {
        return policy;
    }

    /** @return whether an unreachable service makes its conditions inactive instead of failing the check */
    public boolean unavailableAsInactive() {
        return unavailableAsInactive;
    }

    /** @return the data scan cache, or {@code null} for none */
    public Path cacheFile() {
        return cacheFile;
    }

    /** @return whether any condition can be checked */
    public boolean checksSomething() {
        return !data.isEmpty() || service != null || driftData != null || policy.maxAge() != null || policy.force();
    }

    /** Collects the values of a {@link RetrainCheckRequest}. */
    public static final class Builder {
        private String model;
        private Path bundle;
        private List<String> data = List.of();
        private DataWindow window;
        private CsvFormat csv = CsvFormat.DETECT;
        private String service;
        private Path driftData;
        private RetrainPolicy policy = RetrainPolicy.builder().build();
        private boolean unavailableAsInactive;
        private Path cacheFile;

        private Builder() {}

        /**
         * @param entries training data files, folders and globs; {@code null} for none
         * @return this builder
         */
        public Builder data(final List<String> entries) {
            data = entries == null ? List.of() : entries;
            return this;
        }

        /**
         * @param value the spec's data window, or {@code null}
         * @return this builder
         */
        public Builder window(final DataWindow value) {
            window = value;
            return this;
        }

        /**
         * @param value how the data files are written; {@code null} to detect
         * @return this builder
         */
        public Builder csv(final CsvFormat value) {
            csv = value == null ? CsvFormat.DETECT : value;
            return this;
        }

        /**
         * @param url the prediction service, or {@code null}
         * @return this builder
         */
        public Builder service(final String url) {
            service = url;
            return this;
        }

        /**
         * @param file a new data batch for offline drift, or {@code null}
         * @return this builder
         */
        public Builder driftData(final Path file) {
            driftData = file;
            return this;
        }

        /**
         * @param value the thresholds
         * @return this builder
         */
        public Builder policy(final RetrainPolicy value) {
            policy = value;
            return this;
        }

        /**
         * @param value whether an unreachable service makes its conditions inactive instead of failing
         * @return this builder
         */
        public Builder unavailableAsInactive(final boolean value) {
            unavailableAsInactive = value;
            return this;
        }

        /**
         * @param file the data scan cache, or {@code null} for none
         * @return this builder
         */
        public Builder cacheFile(final Path file) {
            cacheFile = file;
            return this;
        }

        /**
         * Makes the request.
         *
         * @return the request
         */
        public RetrainCheckRequest build() {
            return new RetrainCheckRequest(this);
        }
    }
}

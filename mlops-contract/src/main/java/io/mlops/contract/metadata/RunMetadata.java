package io.mlops.contract.metadata;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.mlops.contract.data.DataFingerprint;
import io.mlops.contract.data.DataSchema;
import io.mlops.contract.deploy.DeployResult;
import io.mlops.contract.features.FeatureSettings;
import io.mlops.contract.gates.GateReport;
import io.mlops.contract.metrics.Metrics;
import io.mlops.contract.retrain.RetrainDecision;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The record of one run ({@code train}, {@code evaluate}, {@code deploy} or {@code retrain-check}): one JSON document, valid against the
 * schema {@value RunMetadataSchema#RESOURCE}. Immutable; made with {@link #builder(RunKind)} and read with
 * {@link RunMetadataReader}, which fills in defaults for fields a document of an older format version lacks.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonPropertyOrder({
    "schemaVersion", "runId", "kind", "startedAt", "finishedAt", "algorithm", "hyperparameters", "seed", "split",
    "data", "schema", "features", "model", "baseline", "codeVersion", "metrics", "baselineMetrics", "gates",
    "durations", "environment", "deployment", "decision"
})
@JsonDeserialize(builder = RunMetadata.Builder.class)
public final class RunMetadata {
    /** The key of the total duration in {@link #durations()}. */
    public static final String TOTAL_MILLIS = "totalMillis";
    /** The key of the training data in {@link #data()}. */
    public static final String TRAIN_DATA = "train";
    /** The key of the test data in {@link #data()}. */
    public static final String TEST_DATA = "test";

    private final String schemaVersion;
    private final String runId;
    private final RunKind kind;
    private final String startedAt;
    private final String finishedAt;
    private final String algorithm;
    private final Map<String, Object> hyperparameters;
    private final Long seed;
    private final SplitInfo split;
    private final Map<String, DataFingerprint> data;
    private final DataSchema schema;
    private final FeatureSettings features;
    private final ModelInfo model;
    private final ModelInfo baseline;
    private final CodeVersion codeVersion;
    private final Metrics metrics;
    private final Metrics baselineMetrics;
    private final GateReport gates;
    private final Map<String, Long> durations;
    private final EnvironmentInfo environment;
    private final DeployResult deployment;
    private final RetrainDecision decision;

    private RunMetadata(final Builder builder) {
        schemaVersion = Objects.requireNonNull(builder.schemaVersion, "schemaVersion == null");
        runId = Objects.requireNonNull(builder.runId, "runId == null");
        kind = Objects.requireNonNull(builder.kind, "kind == null");
        startedAt = Objects.requireNonNull(builder.startedAt, "startedAt == null");
        finishedAt = Objects.requireNonNull(builder.finishedAt, "finishedAt == null");
        algorithm = builder.algorithm;
        hyperparameters = copy(builder.hyperparameters);
        seed = builder.seed;
        split = builder.split;
        data = copy(builder.data);
        schema = builder.schema;
        features = builder.features;
        model = Objects.requireNonNull(builder.model, "model == null");
        baseline = builder.baseline;
        codeVersion = builder.codeVersion;
        metrics = builder.metrics;
        baselineMetrics = builder.baselineMetrics;
        gates = builder.gates;
        durations = copy(Objects.requireNonNull(builder.durations, "durations == null"));
        environment = Objects.requireNonNull(builder.environment, "environment == null");
        deployment = builder.deployment;
        decision = builder.decision;
        if (!durations.containsKey(TOTAL_MILLIS)) {
            throw new IllegalArgumentException("durations has no " + TOTAL_MILLIS + ": " + durations.keySet());
        }
        if (kind == RunKind.DEPLOY && deployment == null) {
            throw new IllegalArgumentException("a deploy run needs a deployment");
        }
        if (kind == RunKind.RETRAIN_CHECK && decision == null) {
            throw new IllegalArgumentException("a retrain-check run needs a decision");
        }
    }

    /** Keeps the given order and allows {@code null} values, which a hyperparameter map may hold. */
    private static <V> Map<String, V> copy(final Map<String, V> map) {
        return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /**
     * Starts the metadata of a new run in the current format version.
     *
     * @param kind what the run does
     * @return a builder
     */
    public static Builder builder(final RunKind kind) {
        return new Builder().schemaVersion(RunMetadataSchema.VERSION).kind(kind);
    }

    /** @return a builder with all values of this document, to change some */
    public Builder toBuilder() {
        return new Builder()
                .schemaVersion(schemaVersion)
                .runId(runId)
                .kind(kind)
                .startedAt(startedAt)
                .finishedAt(finishedAt)
                .algorithm(algorithm)
                .hyperparameters(hyperparameters)
                .seed(seed)
                .split(split)
                .data(data)
                .schema(schema)
                .features(features)
                .model(model)
                .baseline(baseline)
                .codeVersion(codeVersion)
                .metrics(metrics)
                .baselineMetrics(baselineMetrics)
                .gates(gates)
                .durations(durations)
                .environment(environment)
                .deployment(deployment)
                .decision(decision);
    }

    /** @return the format version of this document, e.g. {@value RunMetadataSchema#VERSION} */
    public String schemaVersion() {
        return schemaVersion;
    }

    /** @return a unique id (a UUID) */
    public String runId() {
        return runId;
    }

    /** @return what the run did */
    public RunKind kind() {
        return kind;
    }

    /** @return the ISO-8601 start time */
    public String startedAt() {
        return startedAt;
    }

    /** @return the ISO-8601 end time */
    public String finishedAt() {
        return finishedAt;
    }

    /** @return the algorithm id, e.g. {@code logistic}; {@code null} for evaluations */
    public String algorithm() {
        return algorithm;
    }

    /** @return the resolved hyperparameters by name, or {@code null} */
    public Map<String, Object> hyperparameters() {
        return hyperparameters;
    }

    /** @return the seed, or {@code null} */
    public Long seed() {
        return seed;
    }

    /** @return how the test data was obtained, or {@code null} */
    public SplitInfo split() {
        return split;
    }

    /** @return data fingerprints by role ({@value #TRAIN_DATA}, {@value #TEST_DATA}), or {@code null} */
    public Map<String, DataFingerprint> data() {
        return data;
    }

    /** @return the data schema, or {@code null} */
    public DataSchema schema() {
        return schema;
    }

    /** @return the feature settings, or {@code null} */
    public FeatureSettings features() {
        return features;
    }

    /** @return the model produced, evaluated or deployed */
    public ModelInfo model() {
        return model;
    }

    /** @return the baseline model of an evaluation, or {@code null} */
    public ModelInfo baseline() {
        return baseline;
    }

    /** @return the Git version of the code, or {@code null} outside Git */
    public CodeVersion codeVersion() {
        return codeVersion;
    }

    /** @return the metrics on the test data, or {@code null} */
    public Metrics metrics() {
        return metrics;
    }

    /** @return the baseline's metrics on the same test data, or {@code null} */
    public Metrics baselineMetrics() {
        return baselineMetrics;
    }

    /** @return the gate results, or {@code null} when no gates were given */
    public GateReport gates() {
        return gates;
    }

    /** @return durations in milliseconds by phase; always has {@value #TOTAL_MILLIS} */
    public Map<String, Long> durations() {
        return durations;
    }

    /** @return where the run ran */
    public EnvironmentInfo environment() {
        return environment;
    }

    /** @return for deploy runs the deployment's outcome, else {@code null} */
    public DeployResult deployment() {
        return deployment;
    }

    /** @return for retrain-check runs whether to retrain and why, else {@code null} */
    public RetrainDecision decision() {
        return decision;
    }

    private List<Object> values() {
        return Arrays.asList(
                schemaVersion,
                runId,
                kind,
                startedAt,
                finishedAt,
                algorithm,
                hyperparameters,
                seed,
                split,
                data,
                schema,
                features,
                model,
                baseline,
                codeVersion,
                metrics,
                baselineMetrics,
                gates,
                durations,
                environment,
                deployment,
                decision);
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof RunMetadata that && values().equals(that.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "RunMetadata[" + kind.id() + " " + runId + "]";
    }

    /** Collects the values of a {@link RunMetadata}; {@link #build()} checks the required ones. */
    @JsonPOJOBuilder(withPrefix = "")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Builder {
        private String schemaVersion;
        private String runId;
        private RunKind kind;
        private String startedAt;
        private String finishedAt;
        private String algorithm;
        private Map<String, Object> hyperparameters;
        private Long seed;
        private SplitInfo split;
        private Map<String, DataFingerprint> data;
        private DataSchema schema;
        private FeatureSettings features;
        private ModelInfo model;
        private ModelInfo baseline;
        private CodeVersion codeVersion;
        private Metrics metrics;
        private Metrics baselineMetrics;
        private GateReport gates;
        private Map<String, Long> durations;
        private EnvironmentInfo environment;
        private DeployResult deployment;
        private RetrainDecision decision;

        private Builder() {}

        /**
         * @param value the format version
         * @return this builder
         */
        public Builder schemaVersion(final String value) {
            schemaVersion = value;
            return this;
        }

        /**
         * @param value the run id
         * @return this builder
         */
        public Builder runId(final String value) {
            runId = value;
            return this;
        }

        /**
         * @param value what the run did
         * @return this builder
         */
        public Builder kind(final RunKind value) {
            kind = value;
            return this;
        }

        /**
         * @param value the ISO-8601 start time
         * @return this builder
         */
        public Builder startedAt(final String value) {
            startedAt = value;
            return this;
        }

        /**
         * @param value the ISO-8601 end time
         * @return this builder
         */
        public Builder finishedAt(final String value) {
            finishedAt = value;
            return this;
        }

        /**
         * @param value the algorithm id
         * @return this builder
         */
        public Builder algorithm(final String value) {
            algorithm = value;
            return this;
        }

        /**
         * @param value the resolved hyperparameters
         * @return this builder
         */
        public Builder hyperparameters(final Map<String, Object> value) {
            hyperparameters = value;
            return this;
        }

        /**
         * @param value the seed
         * @return this builder
         */
        public Builder seed(final Long value) {
            seed = value;
            return this;
        }

        /**
         * @param value how the test data was obtained
         * @return this builder
         */
        public Builder split(final SplitInfo value) {
            split = value;
            return this;
        }

        /**
         * @param value data fingerprints by role
         * @return this builder
         */
        public Builder data(final Map<String, DataFingerprint> value) {
            data = value;
            return this;
        }

        /**
         * @param value the data schema
         * @return this builder
         */
        public Builder schema(final DataSchema value) {
            schema = value;
            return this;
        }

        /**
         * @param value the feature settings
         * @return this builder
         */
        public Builder features(final FeatureSettings value) {
            features = value;
            return this;
        }

        /**
         * @param value the model
         * @return this builder
         */
        public Builder model(final ModelInfo value) {
            model = value;
            return this;
        }

        /**
         * @param value the baseline model
         * @return this builder
         */
        public Builder baseline(final ModelInfo value) {
            baseline = value;
            return this;
        }

        /**
         * @param value the Git version of the code
         * @return this builder
         */
        public Builder codeVersion(final CodeVersion value) {
            codeVersion = value;
            return this;
        }

        /**
         * @param value the metrics
         * @return this builder
         */
        public Builder metrics(final Metrics value) {
            metrics = value;
            return this;
        }

        /**
         * @param value the baseline's metrics
         * @return this builder
         */
        public Builder baselineMetrics(final Metrics value) {
            baselineMetrics = value;
            return this;
        }

        /**
         * @param value the gate results
         * @return this builder
         */
        public Builder gates(final GateReport value) {
            gates = value;
            return this;
        }

        /**
         * @param value durations in milliseconds by phase, with {@value RunMetadata#TOTAL_MILLIS}
         * @return this builder
         */
        public Builder durations(final Map<String, Long> value) {
            durations = value;
            return this;
        }

        /**
         * @param value where the run ran
         * @return this builder
         */
        public Builder environment(final EnvironmentInfo value) {
            environment = value;
            return this;
        }

        /**
         * @param value the deployment's outcome
         * @return this builder
         */
        public Builder deployment(final DeployResult value) {
            deployment = value;
            return this;
        }

        /**
         * @param value the retrain decision of a retrain-check run
         * @return this builder
         */
        public Builder decision(final RetrainDecision value) {
            decision = value;
            return this;
        }

        /**
         * Makes the metadata.
         *
         * @return the metadata
         * @throws NullPointerException     naming a missing required value, e.g. {@code runId == null}
         * @throws IllegalArgumentException if the durations lack the total, a deploy run its deployment or a
         *     retrain-check run its decision
         */
        public RunMetadata build() {
            return new RunMetadata(this);
        }
    }
}

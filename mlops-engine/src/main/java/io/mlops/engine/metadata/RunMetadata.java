package io.mlops.engine.metadata;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mlops.engine.data.DataFingerprint;
import io.mlops.engine.data.DataSchema;
import io.mlops.engine.eval.Metrics;
import io.mlops.engine.features.FeatureSettings;
import io.mlops.engine.gates.GateReport;
import java.util.Map;

/**
 * The record of one run ({@code train}, {@code evaluate} or {@code deploy}), written as JSON and validated against
 * the published schema {@value MetadataWriter#SCHEMA_RESOURCE} before it is written.
 *
 * @param schemaVersion   the schema version, {@value MetadataWriter#SCHEMA_VERSION}
 * @param runId           a unique id
 * @param kind            {@code train}, {@code evaluate} or {@code deploy}
 * @param startedAt       ISO-8601 start time
 * @param finishedAt      ISO-8601 end time
 * @param algorithm       the algorithm
 * @param hyperparameters the resolved hyperparameters
 * @param seed            the seed
 * @param split           how the test data was obtained
 * @param data            data fingerprints by role ({@code train}, {@code test})
 * @param schema          the data schema
 * @param features        the feature settings
 * @param model           the model produced or evaluated
 * @param baseline        the baseline model, if any
 * @param codeVersion     the Git version of the code, absent outside Git
 * @param metrics         the metrics on the test data
 * @param baselineMetrics the baseline's metrics on the same test data
 * @param gates           the gate results, absent when there are no gates
 * @param durations       durations in milliseconds by phase
 * @param environment     the environment
 * @param deployment      for {@code deploy} runs: target, status, checks and load-test results
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunMetadata(
        String schemaVersion,
        String runId,
        String kind,
        String startedAt,
        String finishedAt,
        String algorithm,
        Map<String, Object> hyperparameters,
        Long seed,
        SplitInfo split,
        Map<String, DataFingerprint> data,
        DataSchema schema,
        FeatureSettings features,
        ModelInfo model,
        ModelInfo baseline,
        CodeVersion codeVersion,
        Metrics metrics,
        Metrics baselineMetrics,
        GateReport gates,
        Map<String, Long> durations,
        EnvironmentInfo environment,
        com.fasterxml.jackson.databind.JsonNode deployment) {}

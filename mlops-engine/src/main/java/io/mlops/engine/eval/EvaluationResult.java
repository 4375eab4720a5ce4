package io.mlops.engine.eval;

import io.mlops.contract.gates.GateReport;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.metrics.Metrics;

/**
 * The outcome of an evaluation.
 *
 * @param metrics         the model's metrics
 * @param baselineMetrics the baseline's metrics, or {@code null}
 * @param gates           the gate report (empty results when no gates were given)
 * @param metadata        the run metadata
 * @param metadataJson    the metadata as validated JSON
 */
public record EvaluationResult(
        Metrics metrics, Metrics baselineMetrics, GateReport gates, RunMetadata metadata, String metadataJson) {}

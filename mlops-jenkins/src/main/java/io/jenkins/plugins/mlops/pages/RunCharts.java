package io.jenkins.plugins.mlops.pages;

import io.mlops.contract.data.DataFingerprint;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.metrics.Metrics;
import io.mlops.report.Chart;
import io.mlops.report.ClassMetricsChart;
import io.mlops.report.ColumnCharts;
import io.mlops.report.ConfusionMatrixChart;
import io.mlops.report.LatencyChart;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The charts of one engine run, by {@link ChartKeys key}, made by module mlops-report's chart models: the same ones
 * {@code mlops report} draws, so the build page and the standalone report never disagree.
 */
public final class RunCharts {
    private RunCharts() {}

    /**
     * Makes every chart a run's metadata has data for, in page order: per-class metrics and confusion matrix, a
     * chart per data column, the deploy latencies.
     *
     * @param run the run's metadata
     * @return the charts by key; empty for a run without metrics, data or load test
     */
    public static Map<String, Chart> of(RunMetadata run) {
        Map<String, Chart> charts = new LinkedHashMap<>();
        Metrics metrics = run.metrics();
        if (metrics != null) {
            if (!metrics.perClass().isEmpty()) {
                charts.put(ChartKeys.CLASS_METRICS, ClassMetricsChart.of(metrics.perClass()));
            }
            if (metrics.confusionMatrix() != null) {
                charts.put(ChartKeys.CONFUSION_MATRIX, ConfusionMatrixChart.of(metrics.confusionMatrix()));
            }
        }
        Map<String, DataFingerprint> data = run.data() == null ? Map.of() : run.data();
        data.forEach((role, fingerprint) -> {
            if (fingerprint.columns() != null) {
                fingerprint.columns().forEach((column, stats) -> ColumnCharts.of(column, stats)
                        .ifPresent(chart -> charts.put(ChartKeys.data(role, column), chart)));
            }
        });
        if (run.deployment() != null && run.deployment().load() != null) {
            charts.put(ChartKeys.LATENCY, LatencyChart.of(run.deployment().load()));
        }
        return Collections.unmodifiableMap(charts);
    }
}

package io.mlops.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlops.contract.metrics.ClassMetrics;
import io.mlops.contract.metrics.MetricNames;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Precision, recall and F1 of each class as grouped bars on a 0..1 axis. */
public final class ClassMetricsChart {
    private ClassMetricsChart() {}

    /**
     * Makes the bars.
     *
     * @param perClass the metrics by class, in the order to show
     * @return the chart: one series per metric of {@link MetricNames#PER_CLASS}, one group per class
     */
    public static Chart of(final Map<String, ClassMetrics> perClass) {
        ObjectNode option = Options.categoryChart(perClass.keySet(), "");
        Options.unitRange((ObjectNode) option.get("yAxis"));
        series(option, MetricNames.PRECISION, perClass, ClassMetrics::precision);
        series(option, MetricNames.RECALL, perClass, ClassMetrics::recall);
        series(option, MetricNames.F1, perClass, ClassMetrics::f1);
        return new Chart("precision, recall and F1 per class", option);
    }

    private static void series(
            final ObjectNode option,
            final String name,
            final Map<String, ClassMetrics> perClass,
            final ToDoubleFunction<ClassMetrics> metric) {
        List<Double> values = perClass.values().stream()
                .map(m -> Options.round(metric.applyAsDouble(m)))
                .toList();
        Options.bars(option, name, values);
    }
}

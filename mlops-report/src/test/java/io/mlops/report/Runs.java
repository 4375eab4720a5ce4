package io.mlops.report;

import io.mlops.contract.data.ColumnStats;
import io.mlops.contract.gates.Criticality;
import io.mlops.contract.gates.GateReport;
import io.mlops.contract.gates.GateResult;
import io.mlops.contract.gates.GateStatus;
import io.mlops.contract.metrics.ClassMetrics;
import io.mlops.contract.metrics.ConfusionMatrix;
import io.mlops.contract.metrics.Metrics;
import java.util.List;
import java.util.Map;

/** Small contract values for the chart tests. */
final class Runs {
    private Runs() {}

    static Metrics metrics(final double accuracy, final double macroF1) {
        return new Metrics(
                accuracy,
                0.5,
                0.5,
                macroF1,
                macroF1,
                null,
                10,
                Map.of("food", new ClassMetrics(0.75, 0.6, 0.6667, 5)),
                new ConfusionMatrix(List.of("food", "travel"), new long[][] {{3, 2}, {0, 5}}));
    }

    static GateReport gate(final String metric, final double threshold, final double actual) {
        return new GateReport(
                GateStatus.PASSED,
                List.of(new GateResult(
                        metric + " >= " + threshold,
                        metric,
                        ">=",
                        actual,
                        threshold,
                        null,
                        GateStatus.PASSED,
                        Criticality.FAILURE)));
    }

    static ColumnStats numeric(final double min, final double max, final List<Long> histogram) {
        return new ColumnStats("NUMERIC", 0, min, max, (min + max) / 2, 1.0, null, null, histogram);
    }

    static ColumnStats categorical(final Map<String, Long> counts) {
        return new ColumnStats("CATEGORICAL", 0, null, null, null, null, counts.size(), counts, null);
    }
}

package io.jenkins.plugins.mlops.history;

import io.jenkins.plugins.mlops.charts.TrendIndex;
import io.mlops.contract.metrics.MetricNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The run history of a job as a table: one row per build of the job's {@link TrendIndex} (newest first), one column per
 * overall metric any of them measured (in the contract's order, then others). Made from the index alone, so 1,000
 * builds cost one file read, not one per build.
 *
 * @param rows    the rows, newest build first
 * @param metrics the metric columns
 */
public record HistoryTable(List<Row> rows, List<String> metrics) {
    /** What a missing value shows. */
    static final String NONE = BuildComparison.NONE;

    /**
     * Makes the table of the index lines.
     *
     * @param lines the index lines, oldest first (as {@link TrendIndex#lines(int)} returns them)
     * @return the table
     */
    public static HistoryTable of(final List<TrendIndex.Line> lines) {
        Set<String> seen = new LinkedHashSet<>();
        lines.forEach(line -> seen.addAll(line.metrics().keySet()));
        List<String> metrics = new ArrayList<>();
        MetricNames.OVERALL.stream().filter(seen::contains).forEach(metrics::add);
        seen.stream().filter(name -> !metrics.contains(name)).forEach(metrics::add);
        List<Row> rows = new ArrayList<>();
        for (int i = lines.size() - 1; i >= 0; i--) {
            rows.add(new Row(lines.get(i)));
        }
        return new HistoryTable(List.copyOf(rows), List.copyOf(metrics));
    }

    /** @return whether no build has a line */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** @return the build preselected as A of the comparison: the second newest, or the newest if there is one */
    public Integer defaultA() {
        return rows.isEmpty() ? null : rows.get(Math.min(1, rows.size() - 1)).build();
    }

    /** @return the build preselected as B: the newest */
    public Integer defaultB() {
        return rows.isEmpty() ? null : rows.get(0).build();
    }

    /**
     * One build of the table, with its cells as text.
     *
     * @param line the build's index line
     */
    public record Row(TrendIndex.Line line) {
        /** @return the build number */
        public int build() {
            return line.build();
        }

        /** @return the build's label, e.g. {@code #12} */
        public String label() {
            return line.label();
        }

        /** @return the registered model as {@code name v3}, "-" if the build registered none */
        public String model() {
            if (line.modelName() == null) {
                return NONE;
            }
            return line.modelName() + (line.modelVersion() == null ? "" : " v" + line.modelVersion());
        }

        /** @return the model version's aliases, comma-separated, "-" for none */
        public String aliases() {
            return line.aliases().isEmpty() ? NONE : String.join(", ", line.aliases());
        }

        /** @return the algorithm, "-" if none */
        public String algorithm() {
            return BuildComparison.text(line.algorithm());
        }

        /** @return the data's row count, "-" if unknown */
        public String dataRows() {
            return BuildComparison.text(line.dataRows());
        }

        /** @return the sort key of the row count, -1 if unknown */
        public long dataRowsKey() {
            return line.dataRows() == null ? -1 : line.dataRows();
        }

        /** @return the short SHA-256 of the data, "-" if unknown */
        public String dataFingerprint() {
            return BuildComparison.text(line.dataFingerprint());
        }

        /**
         * A metric's value.
         *
         * @param name the metric
         * @return the value with 4 decimals, "-" if not measured
         */
        public String metric(final String name) {
            return BuildComparison.number(line.metrics().get(name));
        }

        /**
         * A metric's sort key.
         *
         * @param name the metric
         * @return the value, -1 if not measured (sorted below every measured value)
         */
        public String metricKey(final String name) {
            Double value = line.metrics().get(name);
            return value == null ? "-1" : String.format(Locale.ROOT, "%.6f", value);
        }

        /** @return the live accuracy of a retrain check, "-" if none */
        public String liveAccuracy() {
            return BuildComparison.number(line.liveAccuracy());
        }

        /** @return the gate outcome (PASSED, UNSTABLE, FAILED, INACTIVE), "-" without gates */
        public String gateOutcome() {
            return BuildComparison.text(line.gateOutcome());
        }

        /** @return the deployments' statuses, comma-separated, "-" for none */
        public String deployments() {
            return line.deployments().isEmpty() ? NONE : String.join(", ", line.deployments());
        }

        /** @return the retrain reason (the fired conditions, or "not due"), "-" without a retrain check */
        public String retrainReason() {
            return BuildComparison.text(line.retrainReason());
        }
    }
}

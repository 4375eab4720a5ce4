package io.mlops.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlops.contract.data.ColumnStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of a data fingerprint: a histogram of each numeric column (its ten equal-width bins from min to max) and
 * the most frequent values of each categorical or label column.
 */
public final class ColumnCharts {
    private ColumnCharts() {}

    /**
     * Makes the chart of one column.
     *
     * @param column the column name
     * @param stats  its statistics
     * @return the histogram of a numeric column, the top values of a categorical or label column, or empty for a
     *     column without either (e.g. text)
     */
    public static Optional<Chart> of(final String column, final ColumnStats stats) {
        if (stats.histogram() != null && !stats.histogram().isEmpty() && stats.min() != null && stats.max() != null) {
            return Optional.of(histogram(column, stats));
        }
        if (stats.counts() != null && !stats.counts().isEmpty()) {
            ObjectNode option = Options.categoryChart(stats.counts().keySet(), "rows");
            Options.bars(option, column, stats.counts().values());
            return Optional.of(new Chart(column + ": top values", option));
        }
        return Optional.empty();
    }

    private static Chart histogram(final String column, final ColumnStats stats) {
        List<Long> counts = stats.histogram();
        double width = (stats.max() - stats.min()) / counts.size();
        List<String> bins = new ArrayList<>();
        for (int bin = 0; bin < counts.size(); bin++) {
            bins.add(String.format(Locale.ROOT, "%.4g", stats.min() + bin * width));
        }
        ObjectNode option = Options.categoryChart(bins, "rows");
        Options.bars(option, column, counts);
        ((ObjectNode) option.get("series").get(0)).put("barCategoryGap", "2%");
        return new Chart(column + ": histogram", option);
    }
}

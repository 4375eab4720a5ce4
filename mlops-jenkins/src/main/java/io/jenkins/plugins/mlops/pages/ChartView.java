package io.jenkins.plugins.mlops.pages;

import io.mlops.report.Chart;
import java.util.List;

/** One chart of the build page: where the script draws it ({@code data-mlops-*}) and its numbers as a table. */
public final class ChartView {
    private final String runId;
    private final String key;
    private final String title;
    private final ChartTable table;

    /**
     * Creates the view.
     *
     * @param runId the run the chart belongs to
     * @param key   the chart's {@link ChartKeys key}
     * @param chart the chart
     */
    public ChartView(String runId, String key, Chart chart) {
        this.runId = runId;
        this.key = key;
        this.title = chart.title();
        this.table = ChartTable.of(chart);
    }

    /** @return the run id ({@code data-mlops-run}) */
    public String getRunId() {
        return runId;
    }

    /** @return the chart key ({@code data-mlops-chart}) */
    public String getKey() {
        return key;
    }

    /** @return what the chart shows */
    public String getTitle() {
        return title;
    }

    /** @return the headings of the chart's table */
    public List<String> getHeader() {
        return table.header();
    }

    /** @return the rows of the chart's table */
    public List<List<String>> getRows() {
        return table.rows();
    }
}

package io.mlops.cli.report;

import io.mlops.contract.MlopsException;
import io.mlops.report.MetricTrend;
import io.mlops.report.TrendPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * The three kinds of standalone report, each one self-contained HTML page: one run, the comparison of two runs, and
 * a trend over a series of runs.
 */
public final class ReportPages {
    private ReportPages() {}

    /**
     * The page of one run: lineage, metrics with gates, per-class bars and the confusion matrix, hyperparameters, the
     * data fingerprints with a chart per column, and the deployment with its latency percentiles.
     *
     * @param reported the run
     * @return the HTML text
     */
    public static String run(final ReportedRun reported) {
        HtmlPage page = new HtmlPage(
                "mlops run report",
                reported.run().kind().id() + " run " + reported.run().runId() + " from " + reported.source());
        RunSections.metrics(page, reported.run());
        RunSections.deployment(page, reported.run().deployment());
        RunSections.lineage(page, reported.run());
        RunSections.hyperparameters(page, reported.run());
        RunSections.data(page, reported.run());
        return page.html();
    }

    /**
     * The comparison of run A with run B: metric deltas, hyperparameter differences, data differences with drift, and
     * the confusion matrices side by side.
     *
     * @param a the earlier or reference run
     * @param b the run compared with it
     * @return the HTML text
     */
    public static String comparison(final ReportedRun a, final ReportedRun b) {
        HtmlPage page = new HtmlPage("mlops run comparison", "A: " + a.source() + ", B: " + b.source());
        ComparisonSections.runs(page, a, b);
        ComparisonSections.metrics(page, a.run(), b.run());
        ComparisonSections.hyperparameters(page, a.run(), b.run());
        ComparisonSections.data(page, a.run(), b.run());
        return page.html();
    }

    /**
     * The trend of the given metrics over runs, ordered by start time, numbered from 1, with the gate thresholds.
     *
     * @param runs    the runs; each needs metrics
     * @param metrics the metric names to draw
     * @return the HTML text
     * @throws MlopsException naming a run without metrics or an unknown metric
     */
    public static String trend(final List<ReportedRun> runs, final List<String> metrics) {
        MetricTrend trend;
        try {
            trend = new MetricTrend(metrics);
        } catch (IllegalArgumentException exception) {
            throw new MlopsException(exception.getMessage(), exception);
        }
        List<ReportedRun> ordered = new ArrayList<>(runs);
        ordered.sort(Comparator.comparing(r -> r.run().startedAt()));
        List<TrendPoint> points = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("run", "file", "started", "algorithm"));
        header.addAll(trend.metrics());
        header.add("gates");
        rows.add(header);
        for (int i = 0; i < ordered.size(); i++) {
            ReportedRun reported = ordered.get(i);
            if (reported.run().metrics() == null) {
                throw new MlopsException(reported.source() + ": a "
                        + reported.run().kind().id() + " run has no metrics to draw on a trend");
            }
            TrendPoint point = TrendPoint.of(reported.run(), "#" + (i + 1), i + 1);
            points.add(point);
            List<String> row = new ArrayList<>(List.of(
                    point.label(),
                    reported.source(),
                    reported.run().startedAt(),
                    Cells.text(reported.run().algorithm())));
            Map<String, Double> values = point.metrics();
            trend.metrics().forEach(metric -> row.add(Cells.number(values.get(metric))));
            row.add(
                    reported.run().gates() == null
                            ? "none"
                            : reported.run().gates().outcome().name());
            rows.add(row);
        }
        HtmlPage page = new HtmlPage("mlops metric trend", ordered.size() + " runs, oldest first");
        Element section = page.section("Metrics over runs");
        HtmlPage.chart(section, trend.chart(points));
        List<String> missing = new ArrayList<>(trend.metrics());
        missing.removeAll(trend.drawn(points));
        if (!missing.isEmpty()) {
            section.appendElement("p").text("Not drawn, as not every run has it: " + String.join(", ", missing));
        }
        HtmlPage.table(section, rows).attr("id", "runs");
        return page.html();
    }
}

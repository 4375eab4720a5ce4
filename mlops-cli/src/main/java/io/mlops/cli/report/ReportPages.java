package io.mlops.cli.report;

import io.mlops.contract.MlopsException;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.report.MetricTrend;
import io.mlops.report.TrendPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Element;

/**
 * The three kinds of standalone report, each one self-contained HTML page: one run, the comparison of two runs, and
 * a trend over a series of runs.
 */
public final class ReportPages {
    private ReportPages() {}

    /**
     * The page of one run: lineage, metrics with gates, per-class bars and the confusion matrix, hyperparameters, the
     * data fingerprints with a chart per column, a retrain decision's conditions, and the deployment with its latency
     * percentiles.
     *
     * @param reported the run
     * @return the HTML text
     */
    public static String run(final ReportedRun reported) {
        HtmlPage page = new HtmlPage(
                "mlops run report",
                reported.run().kind().id() + " run " + reported.run().runId() + " from " + reported.source());
        RunSections.metrics(page, reported.run());
        RunSections.decision(page, reported.run().decision());
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
     * The trend of the given metrics over runs, ordered by start time, numbered from 1, with the gate thresholds. A
     * retrain check adds the live accuracy it measured (the series {@value MetricTrend#LIVE_ACCURACY}); runs with
     * nothing to draw (a deploy run, a retrain check that measured no accuracy) are listed as left out.
     *
     * @param runs    the runs
     * @param metrics the metric names to draw, or {@code null} for {@link MetricTrend#DEFAULT_SERIES}, each drawn if
     *     a run has it
     * @return the HTML text
     * @throws MlopsException naming the runs if none has anything to draw, or naming an unknown metric
     */
    public static String trend(final List<ReportedRun> runs, final List<String> metrics) {
        MetricTrend trend;
        try {
            trend = new MetricTrend(metrics == null ? MetricTrend.DEFAULT_SERIES : metrics);
        } catch (IllegalArgumentException exception) {
            throw new MlopsException(exception.getMessage(), exception);
        }
        List<ReportedRun> ordered = new ArrayList<>(runs);
        ordered.sort(Comparator.comparing(r -> r.run().startedAt()));
        List<ReportedRun> drawnRuns = new ArrayList<>();
        List<TrendPoint> points = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (ReportedRun reported : ordered) {
            int number = points.size() + 1;
            Optional<TrendPoint> point = point(reported.run(), "#" + number, number);
            if (point.isPresent()) {
                drawnRuns.add(reported);
                points.add(point.get());
            } else {
                leftOut.add(reported.source() + " (" + reported.run().kind().id() + " run)");
            }
        }
        if (points.isEmpty()) {
            throw new MlopsException(
                    "no run has metrics or a measured live accuracy to draw on a trend: " + String.join(", ", leftOut));
        }
        List<String> drawn = trend.drawn(points);
        List<String> columns = trend.metrics().stream().filter(drawn::contains).toList();
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("run", "file", "kind", "started", "algorithm"));
        header.addAll(columns);
        header.add("gates");
        rows.add(header);
        for (int i = 0; i < points.size(); i++) {
            RunMetadata run = drawnRuns.get(i).run();
            TrendPoint point = points.get(i);
            List<String> row = new ArrayList<>(List.of(
                    point.label(),
                    drawnRuns.get(i).source(),
                    run.kind().id(),
                    run.startedAt(),
                    Cells.text(run.algorithm())));
            columns.forEach(metric -> row.add(Cells.number(point.metrics().get(metric))));
            row.add(run.gates() == null ? "none" : run.gates().outcome().name());
            rows.add(row);
        }
        HtmlPage page = new HtmlPage("mlops metric trend", points.size() + " runs, oldest first");
        Element section = page.section("Metrics over runs");
        HtmlPage.chart(section, trend.chart(points));
        if (metrics != null) {
            List<String> missing = new ArrayList<>(trend.metrics());
            missing.removeAll(drawn);
            if (!missing.isEmpty()) {
                section.appendElement("p")
                        .attr("id", "not-drawn")
                        .text("Not drawn, as no run has it: " + String.join(", ", missing));
            }
        }
        if (!leftOut.isEmpty()) {
            section.appendElement("p")
                    .attr("id", "left-out")
                    .text("Left out, as they have no metrics and no measured live accuracy: "
                            + String.join(", ", leftOut));
        }
        HtmlPage.table(section, rows).attr("id", "runs");
        return page.html();
    }

    /** The point of a run with metrics or with a retrain decision that measured the live accuracy. */
    private static Optional<TrendPoint> point(final RunMetadata run, final String label, final int number) {
        if (run.metrics() != null) {
            return Optional.of(TrendPoint.of(run, label, number));
        }
        if (run.decision() != null && TrendPoint.liveAccuracy(run.decision()).isPresent()) {
            return Optional.of(new TrendPoint(label, number, Map.of(), Map.of()).withLiveAccuracy(run.decision()));
        }
        return Optional.empty();
    }
}

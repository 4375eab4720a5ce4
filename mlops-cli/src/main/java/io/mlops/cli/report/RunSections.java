package io.mlops.cli.report;

import io.mlops.contract.data.ColumnStats;
import io.mlops.contract.data.DataFingerprint;
import io.mlops.contract.deploy.DeployResult;
import io.mlops.contract.gates.GateReport;
import io.mlops.contract.gates.GateResult;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.metrics.MetricNames;
import io.mlops.contract.metrics.Metrics;
import io.mlops.report.ClassMetricsChart;
import io.mlops.report.ColumnCharts;
import io.mlops.report.ConfusionMatrixChart;
import io.mlops.report.LatencyChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/** The sections of the page of one run: lineage, metrics and gates, hyperparameters, data and deployment. */
final class RunSections {
    private RunSections() {}

    static void lineage(final HtmlPage page, final RunMetadata run) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("", "value"));
        rows.add(List.of("run", run.runId()));
        rows.add(List.of("kind", run.kind().id()));
        rows.add(List.of("started", run.startedAt()));
        rows.add(List.of("finished", run.finishedAt()));
        rows.add(List.of("algorithm", Cells.text(run.algorithm())));
        rows.add(List.of(
                "model",
                run.model().path() + " (sha256 " + Cells.shortHash(run.model().sha256()) + ")"));
        if (run.baseline() != null) {
            rows.add(List.of("baseline", run.baseline().path()));
        }
        if (run.codeVersion() != null) {
            rows.add(List.of(
                    "commit",
                    run.codeVersion().commit() + " on "
                            + Cells.text(run.codeVersion().branch())
                            + (run.codeVersion().dirty() ? " (uncommitted changes)" : "")));
        }
        rows.add(List.of("seed", Cells.text(run.seed())));
        rows.add(List.of(
                "environment",
                "mlops " + run.environment().mlops() + ", Java "
                        + run.environment().java()));
        HtmlPage.table(page.section("Lineage"), rows);
    }

    static void metrics(final HtmlPage page, final RunMetadata run) {
        Metrics metrics = run.metrics();
        if (metrics == null) {
            return;
        }
        Element section = page.section("Metrics");
        section.appendElement("p").text("on " + metrics.examples() + " test examples");
        Map<String, Double> values = metrics.byName();
        Map<String, Double> baseline =
                run.baselineMetrics() == null ? Map.of() : run.baselineMetrics().byName();
        List<List<String>> rows = new ArrayList<>();
        rows.add(baseline.isEmpty() ? List.of("metric", "value") : List.of("metric", "value", "baseline", "delta"));
        for (String name : MetricNames.OVERALL) {
            if (values.containsKey(name)) {
                rows.add(
                        baseline.isEmpty()
                                ? List.of(name, Cells.number(values.get(name)))
                                : List.of(
                                        name,
                                        Cells.number(values.get(name)),
                                        Cells.number(baseline.get(name)),
                                        Cells.delta(baseline.get(name), values.get(name))));
            }
        }
        HtmlPage.table(section, rows).attr("id", "metrics");
        gates(section, run.gates());
        Element charts = HtmlPage.charts(section);
        HtmlPage.chart(charts, ClassMetricsChart.of(metrics.perClass()));
        HtmlPage.chart(charts, ConfusionMatrixChart.of(metrics.confusionMatrix()));
    }

    static void gates(final Element section, final GateReport gates) {
        if (gates == null || gates.results().isEmpty()) {
            return;
        }
        section.appendElement("h3").text("Quality gates: " + gates.outcome());
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("gate", "actual", "threshold", "status", "on failure"));
        for (GateResult gate : gates.results()) {
            rows.add(List.of(
                    gate.expression(),
                    Cells.number(gate.actual()),
                    gate.threshold() == null ? "n/a" : gate.operator() + " " + Cells.number(gate.threshold()),
                    gate.status().name(),
                    gate.criticality().name()));
        }
        Element table = HtmlPage.table(section, rows);
        table.select("tbody tr td:eq(3)").forEach(cell -> cell.addClass("status-" + cell.text()));
    }

    static void hyperparameters(final HtmlPage page, final RunMetadata run) {
        if (run.hyperparameters() == null || run.hyperparameters().isEmpty()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("hyperparameter", "value"));
        run.hyperparameters().forEach((name, value) -> rows.add(List.of(name, Cells.text(value))));
        HtmlPage.table(page.section("Hyperparameters"), rows);
    }

    static void data(final HtmlPage page, final RunMetadata run) {
        if (run.data() == null || run.data().isEmpty()) {
            return;
        }
        Element section = page.section("Data");
        run.data().forEach((role, fingerprint) -> fingerprint(section, role, fingerprint));
    }

    private static void fingerprint(final Element section, final String role, final DataFingerprint data) {
        section.appendElement("h3")
                .text(role + ": " + data.file() + ", " + data.rows() + " rows, sha256 "
                        + Cells.shortHash(data.sha256()));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("column", "type", "missing", "min", "mean", "max", "distinct"));
        data.columns()
                .forEach((name, stats) -> rows.add(List.of(
                        name,
                        Cells.text(stats.type()),
                        Long.toString(stats.missing()),
                        Cells.number(stats.min()),
                        Cells.number(stats.mean()),
                        Cells.number(stats.max()),
                        Cells.text(stats.distinct()))));
        HtmlPage.table(section, rows);
        Element charts = HtmlPage.charts(section);
        for (Map.Entry<String, ColumnStats> column : data.columns().entrySet()) {
            ColumnCharts.of(column.getKey(), column.getValue()).ifPresent(chart -> HtmlPage.chart(charts, chart));
        }
    }

    static void deployment(final HtmlPage page, final DeployResult deployment) {
        if (deployment == null) {
            return;
        }
        Element section = page.section("Deployment");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("", "value"));
        rows.add(List.of("status", deployment.status().name()));
        rows.add(List.of("target", deployment.target()));
        rows.add(List.of("location", deployment.location()));
        rows.add(List.of("model", deployment.name() + "@" + deployment.version()));
        if (deployment.golden() != null) {
            rows.add(List.of(
                    "golden check",
                    deployment.golden().passed() + " of " + deployment.golden().total() + " passed"));
        }
        if (deployment.load() != null) {
            rows.add(List.of(
                    "requests",
                    deployment.load().sent() + " sent, " + deployment.load().failed() + " failed"));
            rows.add(List.of("throughput", Cells.number(deployment.load().throughput()) + " per second"));
        }
        deployment.reasons().forEach(reason -> rows.add(List.of("rolled back because", reason)));
        HtmlPage.table(section, rows);
        if (deployment.load() != null) {
            HtmlPage.chart(HtmlPage.charts(section), LatencyChart.of(deployment.load()));
        }
    }
}

package io.mlops.cli.report;

import io.mlops.contract.data.ColumnStats;
import io.mlops.contract.data.DataFingerprint;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.metrics.Metrics;
import io.mlops.contract.retrain.ColumnDrift;
import io.mlops.contract.retrain.DataDrift;
import io.mlops.report.ClassMetricsChart;
import io.mlops.report.ConfusionMatrixChart;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jsoup.nodes.Element;

/** The sections of the comparison of run A with run B: metric deltas, hyperparameter and data differences. */
final class ComparisonSections {
    private ComparisonSections() {}

    static void runs(final HtmlPage page, final ReportedRun a, final ReportedRun b) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("", "A", "B"));
        rows.add(List.of("file", a.source(), b.source()));
        rows.add(List.of("run", a.run().runId(), b.run().runId()));
        rows.add(List.of("kind", a.run().kind().id(), b.run().kind().id()));
        rows.add(List.of("started", a.run().startedAt(), b.run().startedAt()));
        rows.add(List.of(
                "algorithm", Cells.text(a.run().algorithm()), Cells.text(b.run().algorithm())));
        rows.add(List.of("model", a.run().model().path(), b.run().model().path()));
        rows.add(List.of("gates", outcome(a.run()), outcome(b.run())));
        HtmlPage.table(page.section("Runs"), rows);
    }

    private static String outcome(final RunMetadata run) {
        return run.gates() == null ? "none" : run.gates().outcome().name();
    }

    static void metrics(final HtmlPage page, final RunMetadata a, final RunMetadata b) {
        Element section = page.section("Metric deltas");
        Map<String, Double> before =
                a.metrics() == null ? Map.of() : a.metrics().byName();
        Map<String, Double> after = b.metrics() == null ? Map.of() : b.metrics().byName();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("metric", "A", "B", "B - A"));
        for (String name : union(before.keySet(), after.keySet())) {
            rows.add(List.of(
                    name,
                    Cells.number(before.get(name)),
                    Cells.number(after.get(name)),
                    Cells.delta(before.get(name), after.get(name))));
        }
        Element charts = section.appendElement("div").addClass("side-by-side");
        matrices(charts, "A", a.metrics());
        matrices(charts, "B", b.metrics());
        HtmlPage.table(section, rows).attr("id", "metric-deltas");
    }

    private static void matrices(final Element charts, final String name, final Metrics metrics) {
        Element column = charts.appendElement("div");
        column.appendElement("h3").text(name);
        if (metrics == null) {
            column.appendElement("p").text("no metrics");
            return;
        }
        HtmlPage.chart(column, ConfusionMatrixChart.of(metrics.confusionMatrix()));
        HtmlPage.chart(column, ClassMetricsChart.of(metrics.perClass()));
    }

    static void hyperparameters(final HtmlPage page, final RunMetadata a, final RunMetadata b) {
        Element section = page.section("Hyperparameter differences");
        Map<String, Object> before = a.hyperparameters() == null ? Map.of() : a.hyperparameters();
        Map<String, Object> after = b.hyperparameters() == null ? Map.of() : b.hyperparameters();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("hyperparameter", "A", "B"));
        if (!Objects.equals(a.algorithm(), b.algorithm())) {
            rows.add(List.of("algorithm", Cells.text(a.algorithm()), Cells.text(b.algorithm())));
        }
        for (String name : union(before.keySet(), after.keySet())) {
            if (!Objects.equals(before.get(name), after.get(name))) {
                rows.add(List.of(name, Cells.text(before.get(name)), Cells.text(after.get(name))));
            }
        }
        if (rows.size() == 1) {
            section.appendElement("p").text("The same algorithm and hyperparameters.");
        } else {
            HtmlPage.table(section, rows).attr("id", "hyperparameter-differences");
        }
    }

    static void data(final HtmlPage page, final RunMetadata a, final RunMetadata b) {
        Element section = page.section("Data differences");
        Map<String, DataFingerprint> before = a.data() == null ? Map.of() : a.data();
        Map<String, DataFingerprint> after = b.data() == null ? Map.of() : b.data();
        for (String role : union(before.keySet(), after.keySet())) {
            DataFingerprint x = before.get(role);
            DataFingerprint y = after.get(role);
            section.appendElement("h3").text(role);
            if (x == null || y == null) {
                section.appendElement("p").text("only run " + (x == null ? "B" : "A") + " has " + role + " data");
                continue;
            }
            section.appendElement("p")
                    .text((x.sha256().equals(y.sha256()) ? "the same file content" : "different file content") + ": "
                            + x.rows() + " rows in A, " + y.rows() + " rows in B");
            HtmlPage.table(section, columns(x, y)).addClass("data-drift");
        }
    }

    /**
     * Each column's statistics in A and B, with its drift as the contract's {@link DataDrift} defines it (the PSI of B
     * against A; the Jenkins comparison and the retrain check use the same measure).
     */
    private static List<List<String>> columns(final DataFingerprint a, final DataFingerprint b) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("column", "in", "type", "mean A", "mean B", "missing A", "missing B", "drift (PSI)"));
        for (ColumnDrift drift : DataDrift.between(a, b)) {
            ColumnStats x = a.columns().get(drift.column());
            ColumnStats y = b.columns().get(drift.column());
            rows.add(List.of(
                    drift.column(),
                    presence(drift.change()),
                    Objects.equals(drift.typeA(), drift.typeB())
                            ? drift.typeA()
                            : Cells.text(drift.typeA()) + " -> " + Cells.text(drift.typeB()),
                    x == null ? Cells.NONE : Cells.number(x.mean()),
                    y == null ? Cells.NONE : Cells.number(y.mean()),
                    x == null ? Cells.NONE : Long.toString(x.missing()),
                    y == null ? Cells.NONE : Long.toString(y.missing()),
                    drift.psi() == null
                            ? Cells.NONE
                            : String.format(Locale.ROOT, "%.4f%s", drift.psi(), drift.drifted() ? " drifted" : "")));
        }
        return rows;
    }

    private static String presence(final ColumnDrift.Change change) {
        return switch (change) {
            case KEPT -> "both";
            case ADDED -> "B only";
            case REMOVED -> "A only";
            case RETYPED -> "both, retyped";
        };
    }

    private static List<String> union(final Set<String> a, final Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }
}

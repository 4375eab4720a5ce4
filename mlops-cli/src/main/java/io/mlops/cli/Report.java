package io.mlops.cli;

import io.mlops.contract.gates.GateReport;
import io.mlops.contract.gates.GateResult;
import io.mlops.contract.metrics.ConfusionMatrix;
import io.mlops.contract.metrics.MetricNames;
import io.mlops.contract.metrics.Metrics;
import io.mlops.contract.text.Printable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders metrics and gate results as plain-text tables for people. */
final class Report {
    private final PrintWriter out;

    Report(final PrintWriter out) {
        this.out = out;
    }

    void metrics(final String title, final Metrics metrics, final Metrics baseline) {
        out.println(title);
        List<String[]> rows = new ArrayList<>();
        rows.add(
                baseline == null
                        ? new String[] {"metric", "value"}
                        : new String[] {"metric", "value", "baseline", "delta"});
        Map<String, Double> values = metrics.byName();
        Map<String, Double> base = baseline == null ? Map.of() : baseline.byName();
        for (String name : MetricNames.OVERALL) {
            if (!values.containsKey(name)) {
                continue;
            }
            Double b = base.get(name);
            rows.add(
                    baseline == null
                            ? new String[] {name, number(values.get(name))}
                            : new String[] {
                                name,
                                number(values.get(name)),
                                b == null ? "-" : number(b),
                                b == null ? "-" : signed(values.get(name) - b)
                            });
        }
        table(rows);
        out.println();
        List<String[]> classes = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("class"));
        header.addAll(MetricNames.PER_CLASS);
        header.add("support");
        classes.add(header.toArray(String[]::new));
        metrics.perClass()
                .forEach((label, m) -> classes.add(new String[] {
                    label, number(m.precision()), number(m.recall()), number(m.f1()), Long.toString(m.support())
                }));
        table(classes);
        out.println();
        confusion(metrics.confusionMatrix());
        out.println();
    }

    private void confusion(final ConfusionMatrix matrix) {
        out.println("confusion matrix (rows: true class, columns: predicted class)");
        List<String[]> rows = new ArrayList<>();
        List<String> labels = matrix.labels();
        String[] header = new String[labels.size() + 1];
        header[0] = "";
        for (int i = 0; i < labels.size(); i++) {
            header[i + 1] = labels.get(i);
        }
        rows.add(header);
        for (int r = 0; r < labels.size(); r++) {
            String[] row = new String[labels.size() + 1];
            row[0] = labels.get(r);
            for (int c = 0; c < labels.size(); c++) {
                row[c + 1] = Long.toString(matrix.counts()[r][c]);
            }
            rows.add(row);
        }
        table(rows);
    }

    void gates(final GateReport report) {
        if (report == null || report.results().isEmpty()) {
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"gate", "actual", "threshold", "status"});
        for (GateResult result : report.results()) {
            rows.add(new String[] {
                result.expression(),
                result.actual() == null ? "n/a" : number(result.actual()),
                result.threshold() == null ? "n/a" : result.operator() + " " + number(result.threshold()),
                result.status().name()
            });
        }
        table(rows);
        out.println("quality gates: " + report.outcome());
    }

    /** Prints a table; control characters in cells are escaped, so no value can start a row of its own. */
    void table(final List<String[]> given) {
        List<String[]> rows = given.stream()
                .map(row -> java.util.Arrays.stream(row).map(Printable::escape).toArray(String[]::new))
                .toList();
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        java.util.Arrays.fill(widths, 1);
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = rows.get(r)[c];
                line.append(
                        c == 0
                                ? String.format("%-" + widths[c] + "s", cell)
                                : "  " + String.format("%" + widths[c] + "s", cell));
            }
            out.println(line.toString().stripTrailing());
            if (r == 0) {
                out.println("-".repeat(line.toString().stripTrailing().length()));
            }
        }
    }

    static String number(final double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static String signed(final double value) {
        return String.format(Locale.ROOT, "%+.4f", value);
    }
}

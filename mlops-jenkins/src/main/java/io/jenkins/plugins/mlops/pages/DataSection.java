package io.jenkins.plugins.mlops.pages;

import io.mlops.contract.data.ColumnStats;
import io.mlops.contract.data.DataFingerprint;
import io.mlops.contract.data.InputFile;
import io.mlops.report.Chart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The fingerprint of one data set of a run (e.g. its training data): files, column statistics, column charts. */
public final class DataSection {
    private final String role;
    private final DataFingerprint fingerprint;
    private final List<ChartView> charts = new ArrayList<>();

    DataSection(String runId, String role, DataFingerprint fingerprint, Map<String, Chart> runCharts) {
        this.role = role;
        this.fingerprint = fingerprint;
        if (fingerprint.columns() != null) {
            for (String column : fingerprint.columns().keySet()) {
                String key = ChartKeys.data(role, column);
                if (runCharts.containsKey(key)) {
                    charts.add(new ChartView(runId, key, runCharts.get(key)));
                }
            }
        }
    }

    /** @return the data set's role, e.g. {@code train} or {@code test} */
    public String getRole() {
        return role;
    }

    /** @return the file name as given */
    public String getFile() {
        return fingerprint.file();
    }

    /** @return the SHA-256 of the data */
    public String getSha256() {
        return fingerprint.sha256();
    }

    /** @return the number of rows */
    public long getRows() {
        return fingerprint.rows();
    }

    /** @return each input file: name, SHA-256, rows */
    public List<List<String>> getInputs() {
        List<List<String>> rows = new ArrayList<>();
        List<InputFile> inputs = fingerprint.inputs() == null
                ? List.of(new InputFile(fingerprint.file(), fingerprint.sha256(), fingerprint.rows()))
                : fingerprint.inputs();
        inputs.forEach(in -> rows.add(List.of(in.file(), in.sha256(), Long.toString(in.rows()))));
        return rows;
    }

    /** @return one row per column: name, type, missing, min, mean, max, standard deviation, distinct */
    public List<List<String>> getColumns() {
        List<List<String>> rows = new ArrayList<>();
        if (fingerprint.columns() != null) {
            fingerprint.columns().forEach((name, stats) -> rows.add(row(name, stats)));
        }
        return rows;
    }

    private static List<String> row(String name, ColumnStats stats) {
        return List.of(
                name,
                text(stats.type()),
                Long.toString(stats.missing()),
                number(stats.min()),
                number(stats.mean()),
                number(stats.max()),
                number(stats.stdDev()),
                text(stats.distinct()));
    }

    /** @return a chart per column with a histogram or top values */
    public List<ChartView> getCharts() {
        return List.copyOf(charts);
    }

    static String number(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.4g", value);
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}

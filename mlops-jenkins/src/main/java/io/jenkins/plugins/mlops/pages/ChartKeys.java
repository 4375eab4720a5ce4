package io.jenkins.plugins.mlops.pages;

import java.util.regex.Pattern;

/**
 * The names of a run's charts in {@code <build>/ml/charts}: written once here, read by the page's view, the JSON
 * endpoint and (through the JSON) {@code js/mlops-charts.js}.
 */
public final class ChartKeys {
    /** The confusion-matrix heatmap of a run with metrics. */
    public static final String CONFUSION_MATRIX = "confusion-matrix";
    /** Precision, recall and F1 bars per class of a run with metrics. */
    public static final String CLASS_METRICS = "class-metrics";
    /** The latency percentiles of a deployment's load test. */
    public static final String LATENCY = "latency";
    /** The prefix of a data column's chart: {@code data/ROLE/COLUMN}, e.g. {@code data/test/amount}. */
    public static final String DATA_PREFIX = "data/";

    private static final Pattern DATA = Pattern.compile("data/[^/\\p{Cntrl}]+/[^\\p{Cntrl}]+");

    private ChartKeys() {}

    /**
     * The key of a data column's chart.
     *
     * @param role   the data set's role, e.g. {@code test}
     * @param column the column
     * @return {@code data/ROLE/COLUMN}
     */
    public static String data(String role, String column) {
        return DATA_PREFIX + role + "/" + column;
    }

    /**
     * Tells whether a text is the name of a chart of some run (it need not exist in a given build).
     *
     * @param key the text
     * @return whether it is one of the fixed keys or {@code data/ROLE/COLUMN}
     */
    public static boolean isWellFormed(String key) {
        return CONFUSION_MATRIX.equals(key)
                || CLASS_METRICS.equals(key)
                || LATENCY.equals(key)
                || DATA.matcher(key).matches();
    }
}

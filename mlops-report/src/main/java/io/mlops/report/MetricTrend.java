package io.mlops.report;

import edu.hm.hafner.echarts.Palette;
import edu.hm.hafner.echarts.line.LineSeries;
import edu.hm.hafner.echarts.line.LinesChartModel;
import io.mlops.contract.metrics.MetricNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Metrics over runs: one line per chosen metric and one per gate threshold on it, on a continuous axis from 0 to 1.
 * {@link #model(List)} gives echarts-build-trends' {@link LinesChartModel}, which the Jenkins echarts-api plugin
 * renders; {@link #chart(List)} gives the same model as an ECharts option for the standalone report.
 *
 * <p>A series is drawn if at least one point has a value for it; a point without one leaves a gap in the line (e.g. the
 * {@link #LIVE_ACCURACY live accuracy} of builds that checked for retraining, or a gate added later). {@link
 * #drawn(List)} tells which series are. Each point keeps its build number, so a click on it can open that build.
 */
public final class MetricTrend {
    /** The metrics a trend shows unless others are chosen. */
    public static final List<String> DEFAULT_METRICS = List.of(MetricNames.ACCURACY, MetricNames.MACRO_F1);

    /** The series of the accuracy the prediction service measured from feedback ({@code mlRetrainWhen}). */
    public static final String LIVE_ACCURACY = "liveAccuracy";

    /** The series drawn unless others are chosen: the live accuracy only where builds have it. */
    public static final List<String> DEFAULT_SERIES =
            List.of(MetricNames.ACCURACY, MetricNames.MACRO_F1, LIVE_ACCURACY);

    /** The series one can choose: the contract's overall metrics and the live accuracy. */
    public static final List<String> SELECTABLE_SERIES = List.copyOf(
            java.util.stream.Stream.concat(MetricNames.OVERALL.stream(), java.util.stream.Stream.of(LIVE_ACCURACY))
                    .toList());

    private static final Pattern PER_CLASS =
            Pattern.compile("(" + String.join("|", MetricNames.PER_CLASS) + ")\\[[^\\]]+\\]");

    /** Strong colors for metrics; the palette's first ones (yellow, lime) are hard to see on white. */
    private static final List<Palette> METRIC_COLORS = List.of(
            Palette.BLUE, Palette.ORANGE, Palette.GREEN, Palette.PURPLE, Palette.TEAL, Palette.INDIGO, Palette.BROWN);
    /** Gate lines in warning colors. */
    private static final List<Palette> THRESHOLD_COLORS = List.of(Palette.RED, Palette.GRAY, Palette.BROWN);

    private final List<String> metrics;

    /**
     * Creates a trend of the given metrics.
     *
     * @param metrics metric names of {@link MetricNames} (overall ones or per class such as {@code recall[lodging]}) or
     *     {@link #LIVE_ACCURACY}
     * @throws IllegalArgumentException naming a metric that is not known, or if none is given
     */
    public MetricTrend(final List<String> metrics) {
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("a trend needs at least one metric, e.g. " + DEFAULT_METRICS);
        }
        metrics.forEach(MetricTrend::requireKnown);
        this.metrics = List.copyOf(metrics);
    }

    /** @return a trend of {@link #DEFAULT_METRICS} */
    public static MetricTrend defaults() {
        return new MetricTrend(DEFAULT_METRICS);
    }

    /**
     * Checks a metric name.
     *
     * @param metric the name
     * @throws IllegalArgumentException naming the metric and what is expected
     */
    public static void requireKnown(final String metric) {
        if (!MetricNames.OVERALL.contains(metric)
                && !PER_CLASS.matcher(metric).matches()
                && !LIVE_ACCURACY.equals(metric)) {
            throw new IllegalArgumentException("unknown metric '" + metric + "': expected one of "
                    + String.join(", ", MetricNames.OVERALL) + ", " + LIVE_ACCURACY + " or a per-class metric such as "
                    + MetricNames.perClass(MetricNames.RECALL, "CLASS"));
        }
    }

    /**
     * Tells whether a metric is one of a class, such as {@code recall[lodging]}.
     *
     * @param metric a metric name
     * @return whether it names a per-class metric of {@link MetricNames#PER_CLASS}
     */
    public static boolean isPerClass(final String metric) {
        return PER_CLASS.matcher(metric).matches();
    }

    /**
     * Names the line of a gate's threshold.
     *
     * @param metric the metric of the gate
     * @return e.g. {@code accuracy gate}
     */
    public static String thresholdSeries(final String metric) {
        return metric + " gate";
    }

    /** @return the metrics of this trend, in legend order */
    public List<String> metrics() {
        return metrics;
    }

    /**
     * Tells which series are drawn for the given points.
     *
     * @param points the runs, oldest first
     * @return the names of the drawn series: metrics first, then thresholds
     */
    public List<String> drawn(final List<TrendPoint> points) {
        return new ArrayList<>(values(points).keySet());
    }

    /**
     * Makes the echarts-build-trends model that the Jenkins trend chart renders.
     *
     * @param points the runs, oldest first, with distinct build numbers
     * @return the model, with a continuous range axis from 0 to 1
     * @throws IllegalStateException if two points have the same build number
     */
    public LinesChartModel model(final List<TrendPoint> points) {
        Map<String, Function<TrendPoint, Double>> series = values(points);
        List<String> labels = new ArrayList<>();
        List<Integer> builds = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (TrendPoint point : points) {
            if (!seen.add(point.buildNumber())) {
                throw new IllegalStateException("build " + point.buildNumber() + " is twice on the trend");
            }
            labels.add(point.label());
            builds.add(point.buildNumber());
        }
        LinesChartModel model = new LinesChartModel(labels, builds);
        model.useContinuousRangeAxis();
        model.setRangeMin(0);
        model.setRangeMax(1);
        model.setDomainAxisItemName("Run");
        int metricColor = 0;
        int thresholdColor = 0;
        for (Map.Entry<String, Function<TrendPoint, Double>> entry : series.entrySet()) {
            Palette color = metrics.contains(entry.getKey())
                    ? METRIC_COLORS.get(metricColor++ % METRIC_COLORS.size())
                    : THRESHOLD_COLORS.get(thresholdColor++ % THRESHOLD_COLORS.size());
            // null is a gap: ECharts draws no point there and breaks the line
            List<Double> data = new ArrayList<>();
            for (TrendPoint point : points) {
                Double value = entry.getValue().apply(point);
                data.add(value == null ? null : Options.round(value));
            }
            model.addSeries(new LineSeries(
                    entry.getKey(),
                    color.getNormal(),
                    LineSeries.StackedMode.SEPARATE_LINES,
                    LineSeries.FilledMode.LINES,
                    data));
        }
        return model;
    }

    /**
     * Makes the chart of the standalone report from the same model.
     *
     * @param points the runs, oldest first, with distinct build numbers
     * @return the chart
     */
    public Chart chart(final List<TrendPoint> points) {
        return new Chart("metrics over runs", TrendOption.of(model(points)));
    }

    private Map<String, Function<TrendPoint, Double>> values(final List<TrendPoint> points) {
        Map<String, Function<TrendPoint, Double>> series = new LinkedHashMap<>();
        for (String metric : metrics) {
            if (points.stream().anyMatch(p -> p.metrics().get(metric) != null)) {
                series.put(metric, p -> p.metrics().get(metric));
            }
        }
        for (String metric : metrics) {
            if (points.stream().anyMatch(p -> p.thresholds().get(metric) != null)) {
                series.put(thresholdSeries(metric), p -> p.thresholds().get(metric));
            }
        }
        return series;
    }
}

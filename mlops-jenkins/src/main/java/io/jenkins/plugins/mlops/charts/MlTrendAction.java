package io.jenkins.plugins.mlops.charts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.model.Action;
import hudson.model.Item;
import hudson.model.Job;
import io.jenkins.plugins.echarts.AsyncConfigurableTrendChart;
import io.jenkins.plugins.echarts.AsyncTrendChart;
import io.jenkins.plugins.mlops.pages.JsonResponse;
import io.mlops.report.MetricTrend;
import io.mlops.report.TrendPoint;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.bind.JavaScriptMethod;

/**
 * The metric trend of a job, drawn by echarts-api's {@code <c:trend-chart>} in the job page's floating box
 * ({@code floatingBox.jelly}) from the job's {@link TrendIndex}. Its model is echarts-build-trends'
 * {@code LinesChartModel} from REPORT's {@link MetricTrend} (the standalone report draws the same model). The chart
 * loads it through the bound {@link JavaScriptMethod}s; {@code ml-trend/model} serves it as JSON. Both need
 * {@link Item#READ} on the job. Created by {@link MlTrendActionFactory} for every job, so the chart stays when the
 * last build failed its gates.
 */
public final class MlTrendAction implements Action, AsyncTrendChart, AsyncConfigurableTrendChart {
    /** The action's URL below the job. */
    public static final String URL_NAME = "ml-trend";
    /** Builds drawn unless the chart's configuration says otherwise. */
    public static final int DEFAULT_BUILDS = 50;
    /** The most builds one chart draws. */
    public static final int MAX_BUILDS = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Job<?, ?> job;

    /**
     * Creates the trend of a job.
     *
     * @param job the job
     */
    public MlTrendAction(Job<?, ?> job) {
        this.job = job;
    }

    /** @return the job */
    public Job<?, ?> getOwner() {
        return job;
    }

    @Override
    public String getIconFileName() {
        return null; // no side-panel link: the chart is a floating box of the job page
    }

    @Override
    public String getDisplayName() {
        return "ML metric trend";
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    @Override
    public boolean isTrendVisible() {
        return job.hasPermission(Item.READ) && !points(1).isEmpty();
    }

    @JavaScriptMethod
    @Override
    public String getBuildTrendModel() {
        return model(DEFAULT_BUILDS, MetricTrend.DEFAULT_SERIES);
    }

    /**
     * The chart that {@code floatingBox.jelly} draws: this trend, with a click on a point opening that build's ML page.
     *
     * @return the chart
     */
    public MlTrendChart getChart() {
        return new MlTrendChart(this);
    }

    /**
     * The model for the chart's configuration, as echarts-api's configuration dialog stores it ({@code
     * numberOfBuilds}, as text) plus the {@code metrics} our part of the dialog ({@code floatingBox.jelly},
     * {@code configure-ml-trend.js}) adds: names of {@link MetricTrend#SELECTABLE_SERIES}.
     *
     * @param configuration the configuration JSON; empty or {@code {}} for the defaults
     * @return the model JSON
     * @throws IllegalArgumentException naming a field that is not what is expected
     */
    @JavaScriptMethod
    @Override
    public String getConfigurableBuildTrendModel(String configuration) {
        TrendSettings settings = TrendSettings.parse(configuration);
        return model(settings.builds(), settings.metrics());
    }

    /**
     * Serves the model as JSON: {@code GET job/NAME/ml-trend/model?builds=50&metrics=accuracy,macroF1}.
     *
     * @param builds  how many of the newest builds, default {@link #DEFAULT_BUILDS}
     * @param metrics comma-separated metric names, default {@link MetricTrend#DEFAULT_SERIES}
     * @return the response: 200 with the model, or 400 naming the bad parameter
     */
    public HttpResponse doModel(@QueryParameter String builds, @QueryParameter String metrics) {
        job.checkPermission(Item.READ);
        String body;
        int status;
        try {
            TrendSettings settings = TrendSettings.of(builds, metrics);
            body = model(settings.builds(), settings.metrics());
            status = HttpServletResponse.SC_OK;
        } catch (IllegalArgumentException bad) {
            body = JSON.createObjectNode().put("error", bad.getMessage()).toString();
            status = HttpServletResponse.SC_BAD_REQUEST;
        }
        return JsonResponse.of(status, body);
    }

    /**
     * The per-class metrics of the newest build on the trend, such as {@code recall[lodging]}, in its order: what the
     * configuration dialog offers besides {@link MetricTrend#SELECTABLE_SERIES}.
     *
     * @return the metric names, empty without a build or {@link Item#READ}
     */
    List<String> classSeries() {
        if (!job.hasPermission(Item.READ)) {
            return List.of();
        }
        return points(1).stream()
                .flatMap(point -> point.metrics().keySet().stream())
                .filter(MetricTrend::isPerClass)
                .toList();
    }

    String model(int builds, List<String> metrics) {
        job.checkPermission(Item.READ);
        try {
            return JSON.writeValueAsString(new MetricTrend(metrics).model(points(builds)));
        } catch (JsonProcessingException failure) {
            throw new IllegalStateException("cannot write the trend model of " + job, failure);
        }
    }

    private List<TrendPoint> points(int builds) {
        try {
            return new TrendIndex(job.getRootDir().toPath()).read(builds);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /**
     * What one chart draws.
     *
     * @param builds  how many of the newest builds
     * @param metrics the metric names
     */
    record TrendSettings(int builds, List<String> metrics) {
        TrendSettings {
            if (builds < 1 || builds > MAX_BUILDS) {
                throw new IllegalArgumentException("builds must be between 1 and " + MAX_BUILDS + ", not " + builds);
            }
            metrics.forEach(MetricTrend::requireKnown);
            metrics = List.copyOf(metrics);
        }

        static TrendSettings of(String builds, String metrics) {
            int count = DEFAULT_BUILDS;
            if (builds != null && !builds.isBlank()) {
                try {
                    count = Integer.parseInt(builds.strip());
                } catch (NumberFormatException notNumber) {
                    throw new IllegalArgumentException("builds must be a whole number, not '" + builds + "'");
                }
            }
            List<String> names = new ArrayList<>();
            if (metrics != null && !metrics.isBlank()) {
                for (String name : metrics.split(",")) {
                    if (!name.isBlank()) {
                        names.add(name.strip());
                    }
                }
            }
            return new TrendSettings(count, names.isEmpty() ? MetricTrend.DEFAULT_SERIES : names);
        }

        static TrendSettings parse(String configuration) {
            if (configuration == null || configuration.isBlank()) {
                return of(null, null);
            }
            JsonNode root;
            try {
                root = JSON.readTree(configuration);
            } catch (JsonProcessingException bad) {
                throw new IllegalArgumentException(
                        "the chart configuration is not JSON: " + bad.getOriginalMessage(), bad);
            }
            int count = builds(root.path("numberOfBuilds"));
            JsonNode metrics = root.path("metrics");
            if (!metrics.isMissingNode() && !metrics.isArray()) {
                throw new IllegalArgumentException("metrics must be a list of metric names, not " + metrics);
            }
            List<String> names = new ArrayList<>();
            metrics.forEach(name -> names.add(name.asText()));
            return new TrendSettings(count, names.isEmpty() ? MetricTrend.DEFAULT_SERIES : names);
        }

        /**
         * Reads echarts-api's {@code numberOfBuilds}: its dialog stores the input's text (e.g. {@code "50"}), and "a
         * value less than 2" means all builds.
         */
        private static int builds(JsonNode builds) {
            if (builds.isMissingNode() || builds.isNull() || builds.asText().isBlank()) {
                return DEFAULT_BUILDS;
            }
            int count;
            if (builds.canConvertToInt()) {
                count = builds.asInt();
            } else if (builds.isTextual()) {
                try {
                    count = Integer.parseInt(builds.asText().strip());
                } catch (NumberFormatException notNumber) {
                    throw new IllegalArgumentException("numberOfBuilds must be a whole number, not " + builds);
                }
            } else {
                throw new IllegalArgumentException("numberOfBuilds must be a whole number, not " + builds);
            }
            return count < 2 ? MAX_BUILDS : Math.min(count, MAX_BUILDS);
        }
    }
}

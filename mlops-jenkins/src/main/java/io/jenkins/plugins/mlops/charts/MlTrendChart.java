package io.jenkins.plugins.mlops.charts;

import io.jenkins.plugins.echarts.AsyncConfigurableTrendChart;
import io.jenkins.plugins.echarts.AsyncTrendChart;
import io.jenkins.plugins.mlops.pages.BuildPage;
import io.mlops.report.MetricTrend;
import java.util.List;
import org.kohsuke.stapler.bind.JavaScriptMethod;

/**
 * What echarts-api's {@code <c:trend-chart>} draws on the job page: the {@link MlTrendAction}'s trend, linked to the
 * builds. With {@code enableLinks} the tag sends a click on a point to {@code <build number>/<urlName>} relative to the
 * job page, and takes {@code urlName} from the object it draws; the action's own URL is the trend's
 * ({@value MlTrendAction#URL_NAME}), so this object names the per-build ML page instead: a click opens
 * {@code <job>/<build>/ml/}. Every model comes from the action, which checks {@link hudson.model.Item#READ}.
 */
public final class MlTrendChart implements AsyncTrendChart, AsyncConfigurableTrendChart {
    /** The URL name of the per-build ML page, with the slash its index view is served at. */
    public static final String BUILD_PAGE = BuildPage.URL_NAME + "/";

    private final MlTrendAction trend;

    MlTrendChart(MlTrendAction trend) {
        this.trend = trend;
    }

    /** @return where a click on a point goes, relative to the point's build */
    public String getUrlName() {
        return BUILD_PAGE;
    }

    /** @return the series the configuration dialog offers */
    public List<String> getSelectableSeries() {
        return MetricTrend.SELECTABLE_SERIES;
    }

    /**
     * The per-class series the configuration dialog offers besides {@link #getSelectableSeries()}: precision, recall
     * and F1 of each class of the newest build.
     *
     * @return metric names such as {@code recall[lodging]}
     */
    public List<String> getClassSeries() {
        return trend.classSeries();
    }

    /**
     * Tells whether a series is drawn before the user chooses.
     *
     * @param series a name of {@link #getSelectableSeries()}
     * @return whether it is one of {@link MetricTrend#DEFAULT_SERIES}
     */
    public boolean isDefaultSeries(String series) {
        return MetricTrend.DEFAULT_SERIES.contains(series);
    }

    @Override
    public boolean isTrendVisible() {
        return trend.isTrendVisible();
    }

    @JavaScriptMethod
    @Override
    public String getBuildTrendModel() {
        return trend.getBuildTrendModel();
    }

    @JavaScriptMethod
    @Override
    public String getConfigurableBuildTrendModel(String configuration) {
        return trend.getConfigurableBuildTrendModel(configuration);
    }
}

package io.jenkins.plugins.mlops.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlops.report.MetricTrend;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.stapler.bind.JavaScriptMethod;

class MlTrendChartTest {
    @TempDir
    Path job;

    @Test
    void shouldLinkAPointToItsBuildsMlPageAsEchartsApiResolvesIt() throws Exception {
        TrendIndex index = new TrendIndex(job);
        index.append(new TrendIndex.Line(
                7,
                "#7",
                Map.of("accuracy", 0.9),
                Map.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
        JsonNode model = new ObjectMapper()
                .readTree(new ObjectMapper()
                        .writeValueAsString(new MetricTrend(MetricTrend.DEFAULT_SERIES).model(index.read(50))));

        // echarts-api: buildUrl = buildNumbers[i] + '/' + urlName, relative to the job page
        String target = model.path("buildNumbers").get(0).asInt() + "/" + new MlTrendChart(null).getUrlName();

        assertThat(URI.create("http://127.0.0.1:8080/jenkins/job/receipts/").resolve(target))
                .hasToString("http://127.0.0.1:8080/jenkins/job/receipts/7/ml/");
        assertThat(model.path("domainAxisLabels").get(0).asText()).isEqualTo("#7");
    }

    @Test
    void shouldOfferTheSeriesWithTheDefaultsMarked() {
        MlTrendChart chart = new MlTrendChart(null);

        assertThat(chart.getSelectableSeries()).isEqualTo(MetricTrend.SELECTABLE_SERIES);
        assertThat(chart.getSelectableSeries().stream().filter(chart::isDefaultSeries))
                .containsExactly("accuracy", "macroF1", "liveAccuracy");
    }

    @Test
    void shouldBindTheModelMethodsForTheChartsScript() throws Exception {
        for (Method method : List.of(
                MlTrendChart.class.getMethod("getBuildTrendModel"),
                MlTrendChart.class.getMethod("getConfigurableBuildTrendModel", String.class))) {
            assertThat(method.getAnnotation(JavaScriptMethod.class))
                    .as("%s", method)
                    .isNotNull();
        }
    }
}

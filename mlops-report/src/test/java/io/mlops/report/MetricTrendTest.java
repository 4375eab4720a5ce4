package io.mlops.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import edu.hm.hafner.echarts.JacksonFacade;
import edu.hm.hafner.echarts.line.LineSeries;
import edu.hm.hafner.echarts.line.LinesChartModel;
import io.mlops.contract.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricTrendTest {
    private static final List<TrendPoint> POINTS = List.of(
            new TrendPoint("#1", 1, Map.of("accuracy", 0.8, "macroF1", 0.7), Map.of("accuracy", 0.85)),
            new TrendPoint("#2", 2, Map.of("accuracy", 0.9, "macroF1", 0.81234), Map.of("accuracy", 0.85)));

    @Test
    void shouldDrawAccuracyMacroF1AndTheGateThresholdOnAContinuousUnitAxis() {
        LinesChartModel model = MetricTrend.defaults().model(POINTS);

        assertThat(model.getDomainAxisLabels()).containsExactly("#1", "#2");
        assertThat(model.getBuildNumbers()).containsExactly(1, 2);
        assertThat(model.isIntegerRangeAxis()).isFalse();
        assertThat(model.getRangeMin()).isEqualTo(0.0);
        assertThat(model.getRangeMax()).isEqualTo(1.0);
        assertThat(model.getSeries())
                .extracting(LineSeries::getName)
                .containsExactly("accuracy", "macroF1", "accuracy gate");
        assertThat(model.getSeries().get(1).getData()).containsExactly(0.7, 0.8123);
        assertThat(model.getSeries().get(2).getData()).containsExactly(0.85, 0.85);
    }

    @Test
    void shouldSerializeTheModelAsTheJenkinsTrendChartExpectsIt() throws Exception {
        JsonNode json = Json.mapper()
                .readTree(new JacksonFacade().toJson(MetricTrend.defaults().model(POINTS)));

        assertThat(json.get("domainAxisLabels")).hasSize(2);
        assertThat(json.get("series").get(0).get("data").get(1).asDouble()).isEqualTo(0.9);
        assertThat(json.get("rangeMax").asDouble()).isEqualTo(1.0);
    }

    @Test
    void shouldGiveTheReportTheSameSeriesAsTheModel() {
        JsonNode option = MetricTrend.defaults().chart(POINTS).option();

        assertThat(option.at("/xAxis/data/1").asText()).isEqualTo("#2");
        assertThat(option.at("/yAxis/min").asDouble()).isEqualTo(0.0);
        assertThat(option.at("/yAxis/max").asDouble()).isEqualTo(1.0);
        assertThat(option.at("/series/0/name").asText()).isEqualTo("accuracy");
        assertThat(option.at("/series/0/type").asText()).isEqualTo("line");
        assertThat(option.at("/series/1/data/1").asDouble()).isEqualTo(0.8123);
    }

    @Test
    void shouldDrawAnyKnownMetricWithAGapWhereARunLacksItAndLeaveOutSeriesNoRunHas() {
        List<TrendPoint> points = List.of(
                new TrendPoint("#1", 1, Map.of("recall[food]", 0.5, "logLoss", 0.4), Map.of()),
                new TrendPoint("#2", 2, Map.of("recall[food]", 0.6), Map.of("recall[food]", 0.5)));

        MetricTrend trend = new MetricTrend(List.of("recall[food]", "logLoss", "macroRecall"));
        LinesChartModel model = trend.model(points);

        assertThat(trend.drawn(points)).containsExactly("recall[food]", "logLoss", "recall[food] gate");
        assertThat(model.getSeries().get(1).getData()).containsExactly(0.4, null);
        assertThat(model.getSeries().get(2).getData()).containsExactly(null, 0.5);
    }

    @Test
    void shouldDrawTheLiveAccuracyOfRetrainDecisionsAsItsOwnSeriesWithItsThreshold() throws Exception {
        List<TrendPoint> points = List.of(
                new TrendPoint("#1", 1, Map.of("accuracy", 0.9, "macroF1", 0.8), Map.of()),
                new TrendPoint(
                        "#2", 2, Map.of(MetricTrend.LIVE_ACCURACY, 0.76), Map.of(MetricTrend.LIVE_ACCURACY, 0.8)),
                new TrendPoint("#3", 3, Map.of("accuracy", 0.92, "macroF1", 0.85), Map.of()));

        LinesChartModel model =
                new MetricTrend(List.of("accuracy", "macroF1", MetricTrend.LIVE_ACCURACY)).model(points);

        assertThat(model.getSeries())
                .extracting(LineSeries::getName)
                .containsExactly("accuracy", "macroF1", "liveAccuracy", "liveAccuracy gate");
        assertThat(model.getSeries().get(0).getData()).containsExactly(0.9, null, 0.92);
        assertThat(model.getSeries().get(2).getData()).containsExactly(null, 0.76, null);
        assertThat(model.getBuildNumbers()).containsExactly(1, 2, 3);
        JsonNode json = Json.mapper().readTree(new JacksonFacade().toJson(model));
        assertThat(json.at("/series/2/data/0").isNull()).isTrue();
        assertThat(json.at("/series/2/data/1").asDouble()).isEqualTo(0.76);
        JsonNode option = MetricTrend.defaults().chart(points).option();
        assertThat(option.at("/series/0/data/1").isNull()).isTrue();
    }

    @Test
    void shouldRejectAnUnknownMetricNamingIt() {
        assertThatThrownBy(() -> new MetricTrend(List.of("accurracy")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown metric 'accurracy'")
                .hasMessageContaining("macroF1");
        assertThatThrownBy(() -> new MetricTrend(List.of())).hasMessageContaining("at least one metric");
    }

    @Test
    void shouldRejectTwoPointsOfOneBuild() {
        List<TrendPoint> twice = List.of(POINTS.get(0), POINTS.get(0));

        assertThatThrownBy(() -> MetricTrend.defaults().model(twice)).hasMessageContaining("1");
    }

    @Test
    void shouldTellPerClassMetricsFromOverallOnes() {
        assertThat(List.of("recall[lodging]", "precision[a b]", "f1[x]")).allMatch(MetricTrend::isPerClass);
        assertThat(List.of("recall", "macroRecall", "accuracy[x]", "recall[]", MetricTrend.LIVE_ACCURACY))
                .noneMatch(MetricTrend::isPerClass);
    }
}

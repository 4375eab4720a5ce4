package io.jenkins.plugins.mlops.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.charts.MlTrendAction.TrendSettings;
import io.mlops.contract.metrics.MetricNames;
import io.mlops.report.MetricTrend;
import org.junit.jupiter.api.Test;

class MlTrendActionSettingsTest {
    @Test
    void shouldDefaultToFiftyBuildsOfAccuracyMacroF1AndTheLiveAccuracy() {
        TrendSettings settings = TrendSettings.parse("{}");

        assertThat(settings.builds()).isEqualTo(MlTrendAction.DEFAULT_BUILDS);
        assertThat(settings.metrics()).containsExactly("accuracy", "macroF1", "liveAccuracy");
        assertThat(TrendSettings.parse("{\"metrics\":[]}").metrics()).isEqualTo(MetricTrend.DEFAULT_SERIES);
    }

    @Test
    void shouldReadWhatEchartsApisDialogAndOurSeriesChoiceStore() {
        // echarts-api stores the inputs' text; readConfiguration merges our part with its common part
        TrendSettings settings = TrendSettings.parse("{\"metrics\":[\"macroRecall\",\"liveAccuracy\"],"
                + "\"numberOfBuilds\":\"20\",\"numberOfDays\":\"0\",\"buildAsDomain\":\"true\","
                + "\"width\":\"500\",\"height\":\"200\"}");

        assertThat(settings.builds()).isEqualTo(20);
        assertThat(settings.metrics()).containsExactly("macroRecall", "liveAccuracy");
        assertThat(TrendSettings.parse("{\"numberOfBuilds\":\"1\"}").builds()).isEqualTo(MlTrendAction.MAX_BUILDS);
        assertThat(TrendSettings.parse("{\"numberOfBuilds\":\"\"}").builds()).isEqualTo(MlTrendAction.DEFAULT_BUILDS);
        assertThat(TrendSettings.parse("{\"numberOfBuilds\":\"5000\"}").builds())
                .isEqualTo(MlTrendAction.MAX_BUILDS);
    }

    @Test
    void shouldOfferEveryOverallMetricOfTheContractAndTheLiveAccuracyInTheDialog() {
        assertThat(MetricTrend.SELECTABLE_SERIES)
                .containsAll(MetricNames.OVERALL)
                .contains(MetricTrend.LIVE_ACCURACY)
                .containsAll(MetricTrend.DEFAULT_SERIES);
        MetricTrend.SELECTABLE_SERIES.forEach(MetricTrend::requireKnown);
    }

    @Test
    void shouldReadTheChartDialogsNumberOfBuildsAndOurMetrics() {
        TrendSettings settings = TrendSettings.parse("{\"numberOfBuilds\":20,\"metrics\":[\"weightedF1\"]}");

        assertThat(settings.builds()).isEqualTo(20);
        assertThat(settings.metrics()).containsExactly("weightedF1");
        assertThat(TrendSettings.parse("{\"numberOfBuilds\":0}").builds()).isEqualTo(MlTrendAction.MAX_BUILDS);
    }

    @Test
    void shouldNameWhatIsWrongInTheQuery() {
        assertThatThrownBy(() -> TrendSettings.of("many", null)).hasMessageContaining("'many'");
        assertThatThrownBy(() -> TrendSettings.of("5000", null)).hasMessageContaining("between 1 and 1000");
        assertThatThrownBy(() -> TrendSettings.of(null, "accuracy,speed")).hasMessageContaining("'speed'");
        assertThatThrownBy(() -> TrendSettings.parse("{")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> TrendSettings.parse("{\"numberOfBuilds\":\"ten\"}"))
                .hasMessageContaining("numberOfBuilds")
                .hasMessageContaining("ten");
        assertThatThrownBy(() -> TrendSettings.parse("{\"metrics\":\"accuracy\"}"))
                .hasMessageContaining("list");
        assertThatThrownBy(() -> TrendSettings.parse("{\"metrics\":[\"speed\"]}"))
                .hasMessageContaining("'speed'");
    }
}

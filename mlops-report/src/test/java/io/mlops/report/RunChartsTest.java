package io.mlops.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlops.contract.Json;
import io.mlops.contract.deploy.LoadTestResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunChartsTest {
    @Test
    void shouldDrawTheConfusionMatrixAsAHeatmapWithTrueClassesAsRows() {
        JsonNode option = ConfusionMatrixChart.of(Runs.metrics(0.8, 0.7).confusionMatrix())
                .option();

        assertThat(option.at("/series/0/type").asText()).isEqualTo("heatmap");
        assertThat(option.at("/yAxis/data").toString()).isEqualTo("[\"food\",\"travel\"]");
        // row 0 (food), column 1 (travel): 2 foods predicted as travel
        assertThat(option.at("/series/0/data/1").toString()).isEqualTo("[1,0,2]");
        assertThat(option.at("/visualMap/max").asLong()).isEqualTo(5);
    }

    @Test
    void shouldDrawPrecisionRecallAndF1BarsPerClass() {
        JsonNode option =
                ClassMetricsChart.of(Runs.metrics(0.8, 0.7).perClass()).option();

        assertThat(option.at("/xAxis/data/0").asText()).isEqualTo("food");
        assertThat(option.get("series"))
                .extracting(s -> s.get("name").asText())
                .containsExactly("precision", "recall", "f1");
        assertThat(option.at("/series/2/data/0").asDouble()).isEqualTo(0.6667);
        assertThat(option.at("/yAxis/max").asDouble()).isEqualTo(1.0);
    }

    @Test
    void shouldDrawAHistogramOfANumericColumnWithItsBinStarts() {
        Chart chart = ColumnCharts.of("amount", Runs.numeric(0, 100, List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L)))
                .orElseThrow();

        assertThat(chart.title()).isEqualTo("amount: histogram");
        assertThat(chart.option().at("/xAxis/data/1").asText()).isEqualTo("10.00");
        assertThat(chart.option().at("/series/0/data/9").asDouble()).isEqualTo(10.0);
    }

    @Test
    void shouldDrawTheTopValuesOfACategoricalColumnAndNothingForText() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("EUR", 30L);
        counts.put("USD", 12L);

        Chart chart = ColumnCharts.of("currency", Runs.categorical(counts)).orElseThrow();

        assertThat(chart.option().at("/xAxis/data").toString()).isEqualTo("[\"EUR\",\"USD\"]");
        assertThat(chart.option().at("/series/0/data/0").asDouble()).isEqualTo(30.0);
        assertThat(ColumnCharts.of(
                        "description",
                        new io.mlops.contract.data.ColumnStats("TEXT", 0, null, null, null, null, 90, null, null)))
                .isEmpty();
    }

    @Test
    void shouldDrawLatencyPercentiles() {
        JsonNode option = LatencyChart.of(new LoadTestResult(100, 0, 50, 1.5, 4, 9.25, 12, 0, true))
                .option();

        assertThat(option.at("/xAxis/data").toString()).isEqualTo("[\"p50\",\"p95\",\"p99\",\"max\"]");
        assertThat(option.at("/series/0/data/2").asDouble()).isEqualTo(9.25);
    }

    @Test
    void shouldKeepTheChartUnchangedWhenACallerChangesItsOption() throws Exception {
        Chart chart = LatencyChart.of(new LoadTestResult(1, 0, 1, 1, 1, 1, 1, 0, true));

        chart.option().removeAll();

        assertThat(Json.mapper().readTree(chart.optionJson()).has("series")).isTrue();
    }
}

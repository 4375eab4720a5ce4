package io.mlops.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.hm.hafner.echarts.line.LinesChartModel;
import io.mlops.contract.Json;

/**
 * Turns a {@link LinesChartModel} into the ECharts option that echarts-api's {@code renderConfigurableTrendChart}
 * builds from it in Jenkins (tooltip, legend, a category axis of the runs, the model's range, its series), so the
 * report draws the trend as the job page does.
 */
final class TrendOption {
    private TrendOption() {}

    static ObjectNode of(final LinesChartModel model) {
        ObjectNode option = Options.categoryChart(model.getDomainAxisLabels(), "");
        ((ObjectNode) option.get("tooltip")).putObject("axisPointer").put("type", "cross");
        ObjectNode xAxis = (ObjectNode) option.get("xAxis");
        xAxis.put("boundaryGap", false).put("name", model.getDomainAxisItemName());
        xAxis.remove("axisLabel"); // a trend may have a thousand runs: ECharts picks the labels that fit
        ObjectNode yAxis = (ObjectNode) option.get("yAxis");
        yAxis.remove("name");
        if (model.getRangeMin() != null) {
            yAxis.put("min", model.getRangeMin());
        }
        if (model.getRangeMax() != null) {
            yAxis.put("max", model.getRangeMax());
        }
        option.set("series", Json.mapper().valueToTree(model.getSeries()));
        return option;
    }
}

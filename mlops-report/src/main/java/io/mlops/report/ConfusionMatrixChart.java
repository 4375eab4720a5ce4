package io.mlops.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlops.contract.metrics.ConfusionMatrix;
import java.util.List;

/** The confusion matrix as a heatmap: true class on the y axis (top to bottom), predicted class on the x axis. */
public final class ConfusionMatrixChart {
    private ConfusionMatrixChart() {}

    /**
     * Makes the heatmap.
     *
     * @param matrix the matrix
     * @return the chart; each cell is {@code [predicted index, true index, count]}
     */
    public static Chart of(final ConfusionMatrix matrix) {
        List<String> labels = matrix.labels();
        ObjectNode option = Options.object();
        option.putObject("tooltip").put("position", "top");
        option.putObject("grid")
                .put("left", 10)
                .put("right", 10)
                .put("top", 30)
                .put("bottom", 50)
                .put("containLabel", true);
        ObjectNode xAxis = option.putObject("xAxis");
        xAxis.put("type", "category").set("data", Options.strings(labels));
        Options.allLabels(xAxis, labels.size());
        ObjectNode yAxis = option.putObject("yAxis");
        yAxis.put("type", "category").put("inverse", true).set("data", Options.strings(labels));
        long max = 0;
        ArrayNode data = Options.object().arrayNode();
        for (int row = 0; row < labels.size(); row++) {
            for (int column = 0; column < labels.size(); column++) {
                long count = matrix.counts()[row][column];
                max = Math.max(max, count);
                data.addArray().add(column).add(row).add(count);
            }
        }
        ObjectNode visualMap = option.putObject("visualMap");
        visualMap.put("min", 0).put("max", Math.max(1, max)).put("calculable", true);
        visualMap.put("orient", "horizontal").put("left", "center").put("bottom", 0);
        ObjectNode series = option.putArray("series").addObject();
        series.put("name", "examples").put("type", "heatmap").set("data", data);
        series.putObject("label").put("show", true);
        return new Chart("confusion matrix (rows: true class, columns: predicted class)", option);
    }
}

package io.jenkins.plugins.mlops.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlops.report.Chart;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbers of a chart as a table, read from the chart's own ECharts option, so the table and the drawing never
 * disagree. The build page shows it where no chart can be drawn (echarts-api is an optional dependency) and under each
 * chart for readers who need the exact values.
 *
 * @param header the column headings; the first is the heading of the row labels
 * @param rows   the rows, each starting with its label
 */
public record ChartTable(List<String> header, List<List<String>> rows) {
    /** Copies the lists. */
    public ChartTable {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /**
     * Reads the table of a chart: a heatmap gives one row per y-axis category and one column per x-axis category;
     * bars give one row per category and one column per series.
     *
     * @param chart the chart
     * @return its table
     */
    public static ChartTable of(Chart chart) {
        JsonNode option = chart.option();
        JsonNode series = option.path("series");
        List<String> categories = texts(option.path("xAxis").path("data"));
        if (series.size() == 1 && "heatmap".equals(series.get(0).path("type").asText())) {
            return heatmap(
                    categories,
                    texts(option.path("yAxis").path("data")),
                    series.get(0).path("data"));
        }
        List<String> header = new ArrayList<>();
        header.add(option.path("xAxis").path("name").asText(""));
        series.forEach(s -> header.add(s.path("name").asText()));
        List<List<String>> rows = new ArrayList<>();
        for (int row = 0; row < categories.size(); row++) {
            List<String> cells = new ArrayList<>();
            cells.add(categories.get(row));
            for (JsonNode s : series) {
                cells.add(number(s.path("data").path(row)));
            }
            rows.add(cells);
        }
        return new ChartTable(header, rows);
    }

    private static ChartTable heatmap(List<String> columns, List<String> rowLabels, JsonNode cells) {
        String[][] values = new String[rowLabels.size()][columns.size()];
        for (JsonNode cell : cells) {
            int column = cell.path(0).asInt();
            int row = cell.path(1).asInt();
            if (row < rowLabels.size() && column < columns.size()) {
                values[row][column] = number(cell.path(2));
            }
        }
        List<String> header = new ArrayList<>();
        header.add("");
        header.addAll(columns);
        List<List<String>> rows = new ArrayList<>();
        for (int row = 0; row < rowLabels.size(); row++) {
            List<String> line = new ArrayList<>();
            line.add(rowLabels.get(row));
            for (String value : values[row]) {
                line.add(value == null ? "" : value);
            }
            rows.add(line);
        }
        return new ChartTable(header, rows);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    /** A count as a whole number, a ratio as the option has it (rounded by the chart model). */
    private static String number(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        double number = value.asDouble();
        if (number == Math.rint(number) && Math.abs(number) < 1e15) {
            return Long.toString((long) number);
        }
        return value.asText();
    }
}

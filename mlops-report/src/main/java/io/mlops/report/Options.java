package io.mlops.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlops.contract.Json;
import java.util.Collection;

/** The parts of ECharts options that several charts share, written once. */
final class Options {
    /** Metrics are ratios shown with four decimals, as the command line prints them. */
    static final int DECIMALS = 4;

    private Options() {}

    static ObjectNode object() {
        return Json.mapper().createObjectNode();
    }

    static ArrayNode strings(final Collection<String> values) {
        ArrayNode array = Json.mapper().createArrayNode();
        values.forEach(array::add);
        return array;
    }

    static ArrayNode numbers(final Collection<? extends Number> values) {
        ArrayNode array = Json.mapper().createArrayNode();
        values.forEach(value -> array.add(value.doubleValue()));
        return array;
    }

    /** Rounds for display, so the option and the tooltips show what the tables show. */
    static double round(final double value) {
        double scale = Math.pow(10, DECIMALS);
        return Math.round(value * scale) / scale;
    }

    /** A bar or line chart over categories: tooltip, legend, grid and both axes. */
    static ObjectNode categoryChart(final Collection<String> categories, final String valueName) {
        ObjectNode option = object();
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("legend").put("top", 0);
        ObjectNode grid = option.putObject("grid");
        grid.put("left", 10).put("right", 10).put("bottom", 10).put("top", 30).put("containLabel", true);
        ObjectNode xAxis = option.putObject("xAxis");
        xAxis.put("type", "category").set("data", strings(categories));
        allLabels(xAxis, categories.size());
        ObjectNode yAxis = option.putObject("yAxis");
        yAxis.put("type", "value").put("name", valueName);
        option.putArray("series");
        return option;
    }

    /** Shows every category's label, slanted when there are many, as class names must not be left out. */
    static void allLabels(final ObjectNode axis, final int categories) {
        ObjectNode labels = axis.putObject("axisLabel");
        labels.put("interval", 0);
        if (categories > 4) {
            labels.put("rotate", 30);
        }
    }

    /** Adds a bar series. */
    static void bars(final ObjectNode option, final String name, final Collection<? extends Number> values) {
        ObjectNode series = ((ArrayNode) option.get("series")).addObject();
        series.put("name", name).put("type", "bar").set("data", numbers(values));
    }

    /** A value axis from 0 to 1, for ratios such as accuracy. */
    static void unitRange(final ObjectNode axis) {
        axis.put("min", 0).put("max", 1);
    }
}

package io.mlops.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlops.contract.Json;
import java.util.Objects;

/**
 * One chart: a title for people and the ECharts option that draws it.
 *
 * @param title  what the chart shows, e.g. {@code confusion matrix}
 * @param option the ECharts option ({@code echarts.init(element).setOption(option)})
 */
public record Chart(String title, ObjectNode option) {
    /**
     * Creates a chart.
     */
    public Chart {
        Objects.requireNonNull(title, "title == null");
        Objects.requireNonNull(option, "option == null");
        option = option.deepCopy();
    }

    /** @return a copy of the option, so a caller cannot change this chart */
    @Override
    public ObjectNode option() {
        return option.deepCopy();
    }

    /** @return the ECharts option as compact JSON */
    public String optionJson() {
        try {
            return Json.mapper().writeValueAsString(option);
        } catch (JsonProcessingException exception) {
            throw new IllegalStateException("a tree of JSON nodes is always serializable", exception);
        }
    }
}

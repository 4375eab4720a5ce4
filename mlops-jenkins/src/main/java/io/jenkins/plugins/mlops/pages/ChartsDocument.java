package io.jenkins.plugins.mlops.pages;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlops.contract.Json;
import io.mlops.report.Chart;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The JSON answer of {@code <build>/ml/charts}: every chart of every ML run of a build, or of one run
 * ({@code ?run=ID}) and one chart ({@code ?chart=KEY}). The document:
 *
 * <pre>{@code
 * {"build": 12, "primary": "evaluate-...",
 *  "runs": [{"runId": "...", "functionName": "mlEvaluate", "kind": "evaluate",
 *            "charts": {"confusion-matrix": {"title": "...", "option": {ECharts option}}, ...}}]}
 * }</pre>
 *
 * {@code primary} is the build's last run with metrics (the run the job's trend shows), or {@code null}.
 */
public final class ChartsDocument {
    /** The longest run id or chart key a request may name. */
    static final int MAX_PARAMETER = 500;

    private final int build;
    private final List<Entry> runs;

    /**
     * One ML run of the build and its charts.
     *
     * @param runId        the engine's run id
     * @param functionName the step, e.g. {@code mlEvaluate}
     * @param kind         the run kind, e.g. {@code evaluate}
     * @param charts       its charts by {@link ChartKeys key}
     */
    public record Entry(String runId, String functionName, String kind, Map<String, Chart> charts) {
        /** Copies the charts, keeping their order (the page's). */
        public Entry {
            charts = Collections.unmodifiableMap(new LinkedHashMap<>(charts));
        }
    }

    /**
     * An HTTP answer.
     *
     * @param status the status code
     * @param body   the JSON body
     */
    public record Answer(int status, String body) {}

    /**
     * Creates the document of a build.
     *
     * @param build the build number
     * @param runs  its ML runs in order
     */
    public ChartsDocument(int build, List<Entry> runs) {
        this.build = build;
        this.runs = List.copyOf(runs);
    }

    /** @return the run id of the build's last run with metrics, or {@code null} */
    public String primary() {
        for (int i = runs.size() - 1; i >= 0; i--) {
            if (runs.get(i).charts().containsKey(ChartKeys.CONFUSION_MATRIX)) {
                return runs.get(i).runId();
            }
        }
        return null;
    }

    /**
     * Answers a request.
     *
     * @param run   the run id, or {@code null}/blank for every run
     * @param chart the chart key, or {@code null}/blank for every chart
     * @return 200 with the document; 400 naming a malformed parameter; 404 naming a run or chart the build lacks
     */
    public Answer answer(String run, String chart) {
        String runId = blankToNull(run);
        String key = blankToNull(chart);
        if (runId != null && (runId.length() > MAX_PARAMETER || runId.chars().anyMatch(Character::isISOControl))) {
            return error(
                    400,
                    "run must be the id of one of the build's ML runs (printable, at most " + MAX_PARAMETER
                            + " characters)");
        }
        if (key != null && (key.length() > MAX_PARAMETER || !ChartKeys.isWellFormed(key))) {
            return error(
                    400,
                    "chart must be " + ChartKeys.CONFUSION_MATRIX + ", " + ChartKeys.CLASS_METRICS + ", "
                            + ChartKeys.LATENCY + " or " + ChartKeys.DATA_PREFIX + "ROLE/COLUMN, not '" + shorten(key)
                            + "'");
        }
        List<Entry> selected = runs;
        if (runId != null) {
            selected = runs.stream().filter(e -> e.runId().equals(runId)).toList();
            if (selected.isEmpty()) {
                return error(404, "build #" + build + " has no ML run '" + runId + "'; its runs: " + runIds());
            }
        }
        if (key != null) {
            List<Entry> withChart = new ArrayList<>();
            for (Entry entry : selected) {
                if (entry.charts().containsKey(key)) {
                    withChart.add(new Entry(
                            entry.runId(),
                            entry.functionName(),
                            entry.kind(),
                            Map.of(key, entry.charts().get(key))));
                }
            }
            if (withChart.isEmpty()) {
                return error(
                        404,
                        "build #" + build + " has no chart '" + key + "'"
                                + (runId == null ? "" : " in run '" + runId + "'"));
            }
            selected = withChart;
        }
        return new Answer(200, json(selected));
    }

    private String json(List<Entry> selected) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("build", build);
        root.put("primary", primary());
        ArrayNode array = root.putArray("runs");
        for (Entry entry : selected) {
            ObjectNode node = array.addObject();
            node.put("runId", entry.runId())
                    .put("functionName", entry.functionName())
                    .put("kind", entry.kind());
            ObjectNode charts = node.putObject("charts");
            entry.charts().forEach((key, chart) -> {
                ObjectNode c = charts.putObject(key);
                c.put("title", chart.title());
                c.set("option", chart.option());
            });
        }
        return root.toString();
    }

    private String runIds() {
        return runs.isEmpty() ? "none" : runs.stream().map(Entry::runId).collect(Collectors.joining(", "));
    }

    private static Answer error(int status, String message) {
        return new Answer(
                status, Json.mapper().createObjectNode().put("error", message).toString());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String shorten(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 80 ? printable.substring(0, 80) + "..." : printable;
    }
}

package io.mlops.engine.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The part of a training run's metadata the registry queries: parameters, metrics, data and code.
 * The full {@code run-metadata.json} is kept next to it in the version folder.
 *
 * @param runId      the run id
 * @param algorithm  the algorithm
 * @param seed       the seed
 * @param parameters the resolved hyperparameters
 * @param metrics    the test metrics by name ({@code accuracy}, ..., {@code f1[class]})
 * @param data       the data fingerprints by role ({@code train}, {@code test})
 * @param code       the code version, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunSummary(
        String runId,
        String algorithm,
        Long seed,
        Map<String, Object> parameters,
        Map<String, Double> metrics,
        Map<String, DataRef> data,
        CodeRef code) {

    /**
     * A data file a run read.
     *
     * @param file   the file as given to the run
     * @param sha256 the SHA-256 of its content: the data fingerprint
     * @param rows   the number of rows
     */
    public record DataRef(String file, String sha256, long rows) {}

    /**
     * The code a run came from.
     *
     * @param commit the Git commit
     * @param branch the branch
     * @param dirty  whether tracked files had changes
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CodeRef(String commit, String branch, boolean dirty) {}

    /**
     * Extracts the summary from a run metadata document.
     *
     * @param metadata the parsed {@code run-metadata.json}
     * @return the summary
     */
    static RunSummary of(final JsonNode metadata) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        metadata.path("hyperparameters")
                .fields()
                .forEachRemaining(e -> parameters.put(e.getKey(), scalar(e.getValue())));
        Map<String, Double> metrics = new LinkedHashMap<>();
        JsonNode m = metadata.path("metrics");
        for (String name :
                new String[] {"accuracy", "macroPrecision", "macroRecall", "macroF1", "weightedF1", "logLoss"}) {
            if (m.path(name).isNumber()) {
                metrics.put(name, m.path(name).doubleValue());
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = m.path("perClass").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            for (String name : new String[] {"precision", "recall", "f1"}) {
                if (e.getValue().path(name).isNumber()) {
                    metrics.put(
                            name + "[" + e.getKey() + "]",
                            e.getValue().path(name).doubleValue());
                }
            }
        }
        Map<String, DataRef> data = new LinkedHashMap<>();
        metadata.path("data")
                .fields()
                .forEachRemaining(e -> data.put(
                        e.getKey(),
                        new DataRef(
                                e.getValue().path("file").asText(null),
                                e.getValue().path("sha256").asText(null),
                                e.getValue().path("rows").asLong())));
        JsonNode c = metadata.path("codeVersion");
        CodeRef code = c.isObject()
                ? new CodeRef(
                        c.path("commit").asText(null),
                        c.path("branch").asText(null),
                        c.path("dirty").asBoolean())
                : null;
        return new RunSummary(
                metadata.path("runId").asText(null),
                metadata.path("algorithm").asText(null),
                metadata.path("seed").isNumber() ? metadata.path("seed").longValue() : null,
                parameters,
                metrics,
                data,
                code);
    }

    private static Object scalar(final JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNull() ? null : node.isValueNode() ? node.asText() : node.toString();
    }

    /** @return the SHA-256 of the training data, or {@code null} */
    public String trainDataSha256() {
        DataRef train = data == null ? null : data.get("train");
        return train == null ? null : train.sha256();
    }
}

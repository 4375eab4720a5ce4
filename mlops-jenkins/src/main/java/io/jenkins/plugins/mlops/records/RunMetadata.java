package io.jenkins.plugins.mlops.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metadata document of one engine run (train or evaluate), read from the JSON the engine wrote.
 * Only the fields the plugin shows are interpreted; the document itself is kept as plain maps and
 * lists so a Pipeline script can use all of it.
 */
public final class RunMetadata {
    /** The top-level metrics shown on the build page, in display order. */
    public static final List<String> SUMMARY_METRICS =
            List.of("accuracy", "macroPrecision", "macroRecall", "macroF1", "logLoss");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> document;

    private RunMetadata(Map<String, Object> document) {
        this.document = document;
    }

    /**
     * Parses a metadata document.
     *
     * @param json the JSON text
     * @return the metadata
     * @throws IllegalArgumentException if the text is not a JSON object with a {@code runId}
     */
    public static RunMetadata parse(String json) {
        Map<String, Object> document;
        try {
            document = JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("run metadata is not a JSON object: " + e.getOriginalMessage(), e);
        }
        if (document == null || !(document.get("runId") instanceof String)) {
            throw new IllegalArgumentException("run metadata has no 'runId'");
        }
        return new RunMetadata(document);
    }

    /** @return the run id */
    public String getRunId() {
        return (String) document.get("runId");
    }

    /** @return {@code train} or {@code evaluate}, or {@code null} */
    public String getKind() {
        return string(document, "kind");
    }

    /** @return the algorithm, or {@code null} */
    public String getAlgorithm() {
        return string(document, "algorithm");
    }

    /** @return the summary metrics that are present, in display order */
    public Map<String, Double> getMetrics() {
        Map<String, Object> metrics = object(document, "metrics");
        Map<String, Double> result = new LinkedHashMap<>();
        for (String name : SUMMARY_METRICS) {
            if (metrics.get(name) instanceof Number number) {
                result.put(name, number.doubleValue());
            }
        }
        return result;
    }

    /** @return PASSED, UNSTABLE or FAILED, or {@code null} when no gates were evaluated */
    public String getGateOutcome() {
        return string(object(document, "gates"), "outcome");
    }

    /** @return the evaluated gates, empty when there were none */
    public List<GateResult> getGates() {
        List<GateResult> gates = new ArrayList<>();
        if (object(document, "gates").get("results") instanceof List<?> results) {
            for (Object entry : results) {
                if (entry instanceof Map<?, ?> gate) {
                    gates.add(new GateResult(
                            text(gate.get("expression")),
                            text(gate.get("metric")),
                            text(gate.get("operator")),
                            number(gate.get("actual")),
                            number(gate.get("threshold")),
                            text(gate.get("status")),
                            text(gate.get("criticality"))));
                }
            }
        }
        return gates;
    }

    /** @return the deployment of a {@code deploy} run, or {@code null} for other runs */
    public DeploymentSummary getDeployment() {
        Map<String, Object> deployment = object(document, "deployment");
        return deployment.isEmpty() ? null : new DeploymentSummary(deployment);
    }

    /** @return the model path as the engine recorded it, or {@code null} */
    public String getModelPath() {
        return string(object(document, "model"), "path");
    }

    /** @return the SHA-256 of the model file, or {@code null} */
    public String getModelSha256() {
        return string(object(document, "model"), "sha256");
    }

    /**
     * Returns the whole document as plain, serializable maps, lists, strings, numbers and booleans.
     *
     * @return a copy of the document
     */
    public Map<String, Object> toMap() {
        return JSON.convertValue(document, new TypeReference<LinkedHashMap<String, Object>>() {});
    }

    /**
     * Returns the document as JSON text.
     *
     * @return the JSON text
     */
    public String toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write run metadata " + getRunId(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> parent, String key) {
        return parent.get(key) instanceof Map<?, ?> map ? (Map<String, Object>) map : Collections.emptyMap();
    }

    private static String string(Map<String, Object> parent, String key) {
        return text(parent.get(key));
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }
}

package io.mlops.engine.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How two versions of a model differ: their parameters (algorithm, seed and hyperparameters), their
 * metrics with deltas, and their training data.
 *
 * @param name        the model
 * @param from        the first version
 * @param to          the second version
 * @param parameters  every parameter of either version, in order
 * @param metrics     every metric of either version, in order
 * @param dataChanged whether the training data fingerprints differ
 */
public record VersionDiff(
        String name,
        int from,
        int to,
        List<ParameterChange> parameters,
        List<MetricDelta> metrics,
        boolean dataChanged) {
    /**
     * One parameter in both versions.
     *
     * @param name    the parameter
     * @param from    its value in the first version, or {@code null}
     * @param to      its value in the second version, or {@code null}
     * @param changed whether the values differ
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ParameterChange(String name, Object from, Object to, boolean changed) {}

    /**
     * One metric in both versions.
     *
     * @param name  the metric
     * @param from  its value in the first version, or {@code null}
     * @param to    its value in the second version, or {@code null}
     * @param delta {@code to - from}, or {@code null} when one is missing
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record MetricDelta(String name, Double from, Double to, Double delta) {}
}

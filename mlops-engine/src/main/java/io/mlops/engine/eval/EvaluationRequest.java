package io.mlops.engine.eval;

import io.mlops.engine.gates.Gate;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to evaluate.
 *
 * @param model    the model bundle (folder or model file)
 * @param data     the labelled test data
 * @param gates    the gates
 * @param baseline a baseline model evaluated on the same data for relative gates, or {@code null}
 */
public record EvaluationRequest(Path model, Path data, List<Gate> gates, Path baseline) {
    /**
     * Creates a request.
     */
    public EvaluationRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(data, "data");
        gates = List.copyOf(gates);
    }
}

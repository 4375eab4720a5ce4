package io.mlops.engine.eval;

import io.mlops.engine.data.CsvFormat;
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
 * @param modelName    how the model is named in the metadata (its path, or a registry reference)
 * @param baselineName how the baseline is named in the metadata
 * @param csv          how a CSV data file is written ({@code null}: detected, UTF-8)
 */
public record EvaluationRequest(
        Path model, Path data, List<Gate> gates, Path baseline, String modelName, String baselineName, CsvFormat csv) {
    /**
     * Creates a request.
     */
    public EvaluationRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(data, "data");
        gates = List.copyOf(gates);
        modelName = modelName == null ? model.toString() : modelName;
        baselineName = baselineName == null && baseline != null ? baseline.toString() : baselineName;
        csv = csv == null ? CsvFormat.DETECT : csv;
    }

    /**
     * Creates a request that names the models by their paths.
     *
     * @param model    the model bundle
     * @param data     the labelled test data
     * @param gates    the gates
     * @param baseline the baseline model, or {@code null}
     */
    public EvaluationRequest(final Path model, final Path data, final List<Gate> gates, final Path baseline) {
        this(model, data, gates, baseline, null, null, null);
    }
}

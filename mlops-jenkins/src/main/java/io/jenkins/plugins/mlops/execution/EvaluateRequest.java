package io.jenkins.plugins.mlops.execution;

import io.jenkins.plugins.mlops.launch.EngineCall;
import io.jenkins.plugins.mlops.launch.LaunchResult;
import io.mlops.contract.gates.Criticality;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The validated arguments of one {@code mlEvaluate} call.
 *
 * @param model the model bundle directory or its {@code model.tribuo}, relative to the workspace
 * @param data the evaluation data CSV, or {@code null} for the test data recorded in the bundle
 * @param gates the quality gates, such as {@code accuracy >= 0.90}
 * @param baseline {@code previous}, a model path in the workspace, or {@code null}
 * @param onGateFailure the build result when a gate fails
 * @param metadata the metadata file, relative to the workspace
 * @param name the registry model name for a bare baseline alias such as {@code champion}, or {@code null} for the configured default
 * @param registry the registry folder overriding the configured one, or {@code null}
 * @param csvFormat how the data file is written; {@code null} in a request kept from an older version
 */
public record EvaluateRequest(
        String model,
        String data,
        List<String> gates,
        String baseline,
        Criticality onGateFailure,
        String metadata,
        String name,
        String registry,
        CsvFormatArguments csvFormat)
        implements StepRequest {
    private static final long serialVersionUID = 1L;

    /** The baseline value that selects the model of the previous successful build. */
    public static final String PREVIOUS = "previous";

    /** Creates the request, copying the gates. */
    public EvaluateRequest {
        gates = new ArrayList<>(gates);
    }

    /**
     * Creates a request without registry arguments.
     *
     * @param model the model
     * @param data the evaluation data, or {@code null}
     * @param gates the quality gates
     * @param baseline the baseline, or {@code null}
     * @param onGateFailure the build result when a gate fails
     * @param metadata the metadata file
     */
    public EvaluateRequest(
            String model,
            String data,
            List<String> gates,
            String baseline,
            Criticality onGateFailure,
            String metadata) {
        this(model, data, gates, baseline, onGateFailure, metadata, null, null, CsvFormatArguments.DETECT);
    }

    /**
     * Returns whether the baseline is the model of the previous successful build.
     *
     * @return {@code true} for {@code baseline: 'previous'}
     */
    public boolean usesPreviousBuild() {
        return PREVIOUS.equals(baseline);
    }

    @Override
    public EngineCall prepare(BuildContext context) throws IOException, InterruptedException {
        return new EvaluateRunner(context).prepare(this);
    }

    @Override
    public Map<String, Object> finish(BuildContext context, LaunchResult launched)
            throws IOException, InterruptedException {
        return new EvaluateRunner(context).finish(this, launched);
    }
}

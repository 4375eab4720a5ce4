package io.jenkins.plugins.mlops.execution;

import io.jenkins.plugins.mlops.launch.EngineCall;
import io.jenkins.plugins.mlops.launch.LaunchResult;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The validated arguments of one {@code mlTrain} call. Either {@link #spec()} is set, or
 * {@link #data()} and {@link #label()} are; the other fields override the spec file when set.
 *
 * @param spec the spec file (YAML or JSON), or {@code null}
 * @param data the training data CSV, or {@code null}
 * @param label the label column, or {@code null}
 * @param algorithm the algorithm, or {@code null} for the engine's default
 * @param params hyperparameters as text, in the order given
 * @param seed the random seed, or {@code null}
 * @param testData a separate test CSV, or {@code null}
 * @param testFraction the held-out fraction, or {@code null}
 * @param output the output directory of the model bundle, or {@code null}
 * @param metadata the metadata file, relative to the workspace
 * @param csvFormat how the data files are written; {@code null} in a request kept from an older version
 */
public record TrainRequest(
        String spec,
        String data,
        String label,
        String algorithm,
        Map<String, String> params,
        Integer seed,
        String testData,
        Double testFraction,
        String output,
        String metadata,
        CsvFormatArguments csvFormat)
        implements StepRequest {
    private static final long serialVersionUID = 1L;

    /** The model output directory the engine uses when none is given. */
    public static final String DEFAULT_OUTPUT = "model";

    /** Creates the request, copying the parameters. */
    public TrainRequest {
        params = new LinkedHashMap<>(params);
    }

    /**
     * Returns the model output directory in the workspace, if known without reading the spec file.
     *
     * @return the output directory, or {@code null} when only the spec file knows it
     */
    public String knownOutput() {
        if (output != null) {
            return output;
        }
        return spec == null ? DEFAULT_OUTPUT : null;
    }

    @Override
    public EngineCall prepare(BuildContext context) throws IOException, InterruptedException {
        return new TrainRunner(context).prepare(this);
    }

    @Override
    public Map<String, Object> finish(BuildContext context, LaunchResult launched)
            throws IOException, InterruptedException {
        return new TrainRunner(context).finish(this, launched);
    }
}

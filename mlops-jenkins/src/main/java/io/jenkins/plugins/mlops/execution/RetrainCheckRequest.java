package io.jenkins.plugins.mlops.execution;

import io.jenkins.plugins.mlops.launch.EngineCall;
import io.jenkins.plugins.mlops.launch.LaunchResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The validated arguments of one {@code mlRetrainWhen} call: the model checked and the conditions' sources and
 * thresholds; plain values only, so it is kept with the running step and survives a controller restart.
 *
 * @param function the step's function name, {@code mlRetrainWhen} or {@code mlRetrainCheck}, for the log and records
 * @param model the current model, a bundle folder in the workspace or {@code NAME@REF} of the registry
 * @param data training data files, folders or globs compared with the model's input files; may be empty
 * @param spec a training spec whose data is compared instead, or {@code null}
 * @param service the prediction service whose {@code /metrics} gives live accuracy and drift, or {@code null}
 * @param driftData a new batch whose drift is measured offline, or {@code null}
 * @param accuracyBelow live accuracy below this fires, or {@code null}
 * @param maxAccuracyDrop live accuracy below test accuracy minus this fires, or {@code null}
 * @param minFeedback the fewest labelled events for live accuracy to count, or {@code null}
 * @param driftAbove a feature's PSI above this fires, or {@code null}
 * @param maxAgeDays a model older than this many days fires, or {@code null}
 * @param minNewRows fewer new rows than this (when the data only grew) do not fire, or {@code null}
 * @param force whether retraining is forced
 * @param unavailableAsInactive whether an unreachable service makes its conditions inactive instead of failing
 * @param registry the registry folder overriding the configured one, or {@code null}
 * @param metadata the workspace file the decision (run metadata) is written to
 * @param csvFormat how the data files and the drift batch are written, overriding the spec's settings; {@code null}
 *     in a request kept from an older version
 */
public record RetrainCheckRequest(
        String function,
        String model,
        List<String> data,
        String spec,
        String service,
        String driftData,
        Double accuracyBelow,
        Double maxAccuracyDrop,
        Integer minFeedback,
        Double driftAbove,
        Integer maxAgeDays,
        Long minNewRows,
        boolean force,
        boolean unavailableAsInactive,
        String registry,
        String metadata,
        CsvFormatArguments csvFormat)
        implements StepRequest {
    private static final long serialVersionUID = 1L;

    /** Creates the request, copying the data entries. */
    public RetrainCheckRequest {
        data = new ArrayList<>(data);
    }

    @Override
    public EngineCall prepare(BuildContext context) throws IOException, InterruptedException {
        return new RetrainCheckRunner(context).prepare(this);
    }

    @Override
    public Map<String, Object> finish(BuildContext context, LaunchResult launched)
            throws IOException, InterruptedException {
        return new RetrainCheckRunner(context).finish(this, launched);
    }
}

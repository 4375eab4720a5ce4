package io.jenkins.plugins.mlops.execution;

import io.jenkins.plugins.mlops.launch.EngineCall;
import io.jenkins.plugins.mlops.launch.LaunchResult;
import io.mlops.contract.command.MlopsCommand;
import io.mlops.contract.gates.BuildResult;
import io.mlops.contract.gates.GateReport;
import io.mlops.contract.gates.GateStatus;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.registry.ModelNames;
import io.mlops.contract.text.Printable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs one {@code mlEvaluate} call: evaluates on the agent, applies the gates, records the run, and
 * maps the gate outcome to the build result. A FAILURE also fails the step, so later stages do not run.
 */
public final class EvaluateRunner extends EngineRunner<EvaluateRequest> {
    /** The step's function name. */
    public static final String FUNCTION = "mlEvaluate";
    /** The workspace folder the previous build's model is copied to. */
    public static final String BASELINE_DIR = ".mlops/baseline";

    /**
     * Creates the runner.
     *
     * @param context the running build
     */
    public EvaluateRunner(BuildContext context) {
        super(context);
    }

    /**
     * Resolves the baseline and says how to run the engine.
     *
     * @param request the validated arguments
     * @return the engine call
     * @throws IOException if the baseline cannot be resolved
     * @throws InterruptedException if the build was aborted
     */
    @Override
    public EngineCall prepare(EvaluateRequest request) throws IOException, InterruptedException {
        String baseline = baseline(request);
        boolean fromRegistry =
                ModelPaths.isRegistryReference(baseline) || ModelPaths.isRegistryReference(request.model());
        String registry = fromRegistry ? context.settings().registry(request.registry()) : null;
        List<String> arguments = command(request, baseline, registry).arguments();
        context.logger().println("[" + FUNCTION + "] " + RunRecorder.display(arguments));
        return EngineCall.logged(arguments, request.metadata());
    }

    /**
     * Returns the {@code mlops evaluate} command of a request. A registry baseline ({@code NAME@REF}) that does not
     * exist yet (no champion before the first promotion) is no error: the engine makes the gates relative to it
     * INACTIVE and says so.
     *
     * @param request the validated arguments
     * @param baseline the resolved baseline (a workspace path or {@code NAME@REF}), or {@code null} for none
     * @param registry the registry folder of a {@code NAME@REF} model or baseline, or {@code null}
     * @return the command
     */
    public static MlopsCommand command(EvaluateRequest request, String baseline, String registry) {
        MlopsCommand.Evaluate command = MlopsCommand.evaluate(request.model(), request.data())
                .gates(request.gates())
                .baseline(baseline)
                .registry(registry)
                .onGateFailure(request.onGateFailure())
                .metadata(request.metadata());
        return CsvFormatArguments.applyTo(request.csvFormat(), command).build();
    }

    /**
     * Records the finished evaluation and maps the engine's gate outcome 1:1 to the build result: the engine alone
     * decides it (a gate's own criticality, else {@code onGateFailure}), exactly as the command line's exit code.
     *
     * @param request the validated arguments
     * @param launched what the engine produced
     * @return the run metadata plus {@code metadataFile} and {@code buildResult}
     * @throws IOException if evaluation failed or the gates' outcome is FAILED
     * @throws InterruptedException if the build was aborted
     */
    @Override
    public Map<String, Object> finish(EvaluateRequest request, LaunchResult launched)
            throws IOException, InterruptedException {
        RunRecorder recorder = new RunRecorder(context, FUNCTION);
        RunMetadata metadata = recorder.requireMetadata(launched);
        RunRecorder.Recorded recorded = recorder.record(metadata, launched, request.metadata(), null);
        BuildResult outcome = recorded.buildResult();
        GateReport gates = metadata.gates();
        context.logger()
                .println("[" + FUNCTION + "] quality gates: " + (gates == null ? "none" : gates.outcome())
                        + " -> build result " + outcome);
        if (outcome != BuildResult.SUCCESS) {
            context.setResult(outcome);
        }
        if (outcome == BuildResult.FAILURE) {
            throw new StepFailure("[" + FUNCTION + "] quality gates failed: " + failed(gates));
        }
        return recorded.result(request.metadata(), outcome);
    }

    /**
     * Resolves the baseline: {@code previous}, a {@code NAME@REF} in the registry, a workspace path, or a bare
     * alias or version such as {@code champion} of the model {@code name} (or the configured default name).
     */
    private String baseline(EvaluateRequest request) throws IOException, InterruptedException {
        String baseline = request.baseline();
        if (baseline == null || ModelPaths.isRegistryReference(baseline)) {
            return baseline;
        }
        if (!request.usesPreviousBuild()) {
            if (!ModelNames.isValid(baseline) || context.exists(baseline)) {
                return baseline;
            }
            String name = context.settings().modelName(request.name());
            if (name == null) {
                throw new StepFailure("[" + FUNCTION + "] baseline '" + Printable.escape(baseline)
                        + "' is no file in the workspace; for a registry" + " alias give 'name' (or write 'NAME@"
                        + baseline + "'), or configure a default model name");
            }
            context.logger()
                    .println("[" + FUNCTION + "] baseline '" + baseline + "': " + name + "@" + baseline
                            + " from the model registry");
            return name + "@" + baseline;
        }
        return context.stagePreviousModel(BASELINE_DIR).orElseGet(() -> {
            context.logger()
                    .println("[" + FUNCTION + "] baseline 'previous': no earlier successful build recorded a model;"
                            + " gates relative to the baseline are inactive");
            return null;
        });
    }

    private static String failed(GateReport gates) {
        String failed = gates.results().stream()
                .filter(g -> g.status() == GateStatus.FAILED)
                .map(g -> Printable.escape(g.expression()) + " (actual " + g.actual() + ")")
                .collect(Collectors.joining(", "));
        return failed.isEmpty() ? "see the gate table above" : failed;
    }
}

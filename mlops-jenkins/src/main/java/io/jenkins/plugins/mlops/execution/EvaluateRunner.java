package io.jenkins.plugins.mlops.execution;

import io.jenkins.plugins.mlops.launch.EngineCall;
import io.jenkins.plugins.mlops.launch.LaunchResult;
import io.jenkins.plugins.mlops.records.BuildOutcome;
import io.jenkins.plugins.mlops.records.ExitCodes;
import io.jenkins.plugins.mlops.records.GateOutcomes;
import io.jenkins.plugins.mlops.records.GateResult;
import io.jenkins.plugins.mlops.records.MlRunAction;
import io.jenkins.plugins.mlops.records.RunMetadata;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs one {@code mlEvaluate} call: evaluates on the agent, applies the gates, records the run, and
 * maps the gate outcome to the build result. A FAILURE also fails the step, so later stages do not run.
 */
public final class EvaluateRunner {
    /** The step's function name. */
    public static final String FUNCTION = "mlEvaluate";
    /** The workspace folder the previous build's model is copied to. */
    public static final String BASELINE_DIR = ".mlops/baseline";

    private final BuildContext context;

    /**
     * Creates the runner.
     *
     * @param context the running build
     */
    public EvaluateRunner(BuildContext context) {
        this.context = context;
    }

    /**
     * Evaluates a model.
     *
     * @param request the validated arguments
     * @return the run metadata plus {@code metadataFile} and {@code buildResult}
     * @throws IOException if evaluation fails or a gate failed with onGateFailure FAILURE
     * @throws InterruptedException if the build was aborted
     */
    public Map<String, Object> run(EvaluateRequest request) throws IOException, InterruptedException {
        EngineCall call = prepare(request);
        return finish(request, context.launch(call));
    }

    /**
     * Resolves the baseline and says how to run the engine.
     *
     * @param request the validated arguments
     * @return the engine call
     * @throws IOException if the baseline cannot be resolved
     * @throws InterruptedException if the build was aborted
     */
    public EngineCall prepare(EvaluateRequest request) throws IOException, InterruptedException {
        String baseline = baseline(request);
        String registry = null;
        if (ModelRefs.isReference(baseline)) {
            registry = context.settings().registry(request.registry());
            baseline = inRegistry(baseline, registry);
            registry = baseline == null ? null : registry;
        }
        List<String> arguments = EngineArguments.evaluate(request, baseline, registry);
        context.logger().println("[" + FUNCTION + "] " + RunRecorder.display(arguments));
        return EngineCall.logged(arguments, request.metadata());
    }

    /**
     * Records the finished evaluation and maps its gate outcome to the build result.
     *
     * @param request the validated arguments
     * @param launched what the engine produced
     * @return the run metadata plus {@code metadataFile} and {@code buildResult}
     * @throws IOException if evaluation failed or a gate failed with onGateFailure FAILURE
     * @throws InterruptedException if the build was aborted
     */
    public Map<String, Object> finish(EvaluateRequest request, LaunchResult launched)
            throws IOException, InterruptedException {
        RunRecorder recorder = new RunRecorder(context, FUNCTION);
        RunMetadata metadata = recorder.requireMetadata(launched);
        MlRunAction action = recorder.record(metadata, request.metadata(), null);
        BuildOutcome outcome = GateOutcomes.toBuildOutcome(metadata.getGateOutcome(), request.onGateFailure());
        context.logger()
                .println("[" + FUNCTION + "] quality gates: "
                        + (metadata.getGateOutcome() == null ? "none" : metadata.getGateOutcome()) + " -> build result "
                        + outcome);
        if (outcome != BuildOutcome.SUCCESS) {
            context.setResult(outcome);
        }
        if (outcome == BuildOutcome.FAILURE) {
            throw new StepFailure("[" + FUNCTION + "] quality gates failed: " + failed(metadata.getGates()));
        }
        return RunRecorder.result(metadata, request.metadata(), action, outcome.name());
    }

    /**
     * Resolves the baseline: {@code previous}, a {@code NAME@REF} in the registry, a workspace path, or a bare
     * alias or version such as {@code champion} of the model {@code name} (or the configured default name).
     */
    private String baseline(EvaluateRequest request) throws IOException, InterruptedException {
        String baseline = request.baseline();
        if (baseline == null || ModelRefs.isReference(baseline)) {
            return baseline;
        }
        if (!request.usesPreviousBuild()) {
            if (!ModelRefs.NAME.matcher(baseline).matches() || context.exists(baseline)) {
                return baseline;
            }
            String name = context.settings().modelName(request.name());
            if (name == null) {
                throw new StepFailure("[" + FUNCTION + "] baseline '" + baseline
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

    /**
     * Checks that a registry baseline exists. Before the first promotion there is no champion: like
     * {@code previous} without an earlier model, the gates relative to the baseline are then inactive.
     */
    private String inRegistry(String reference, String registry) throws IOException, InterruptedException {
        List<String> show = new ArrayList<>(List.of("models", "show", reference, "--json"));
        if (registry != null) {
            show.addAll(List.of("--registry", registry));
        }
        LaunchResult shown = context.launch(new EngineCall(show, null, Map.of(), true));
        if (shown.outcome().exitCode() == ExitCodes.OK) {
            return reference;
        }
        if (shown.outcome().exitCode() != ExitCodes.BAD_INPUT) {
            throw CommandOutput.failure(FUNCTION, shown);
        }
        String why =
                shown.outcome().lastErrorLine().replaceFirst("^mlops:\\s*", "").strip();
        context.logger()
                .println("[" + FUNCTION + "] baseline '" + reference + "' is not in the registry"
                        + (why.isEmpty() ? "" : " (" + why + ")") + "; gates relative to the baseline are inactive");
        return null;
    }

    private static String failed(List<GateResult> gates) {
        String failed = gates.stream()
                .filter(g -> "FAILED".equals(g.getStatus()))
                .map(g -> g.getExpression() + " (actual " + g.getActual() + ")")
                .collect(Collectors.joining(", "));
        return failed.isEmpty() ? "see the gate table above" : failed;
    }
}

package io.jenkins.plugins.mlops.runner;

import hudson.AbortException;
import io.jenkins.plugins.mlops.actions.MlRunAction;
import io.jenkins.plugins.mlops.launch.LaunchResult;
import io.jenkins.plugins.mlops.results.BuildOutcome;
import io.jenkins.plugins.mlops.results.GateOutcomes;
import io.jenkins.plugins.mlops.results.GateResult;
import io.jenkins.plugins.mlops.results.RunMetadata;
import java.io.IOException;
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
        List<String> arguments = EngineArguments.evaluate(request, baseline(request));
        context.logger().println("[" + FUNCTION + "] " + RunRecorder.display(arguments));
        LaunchResult launched = context.launch(arguments, request.metadata());
        RunRecorder recorder = new RunRecorder(context, FUNCTION);
        RunMetadata metadata = recorder.requireMetadata(launched);
        MlRunAction action = recorder.record(metadata, request.metadata(), null);
        BuildOutcome outcome = GateOutcomes.toBuildOutcome(metadata.getGateOutcome(), request.onGateFailure());
        context.logger().println("[" + FUNCTION + "] quality gates: "
                + (metadata.getGateOutcome() == null ? "none" : metadata.getGateOutcome()) + " -> build result " + outcome);
        if (outcome != BuildOutcome.SUCCESS) {
            context.setResult(outcome);
        }
        if (outcome == BuildOutcome.FAILURE) {
            throw new AbortException("[" + FUNCTION + "] quality gates failed: " + failed(metadata.getGates()));
        }
        return RunRecorder.result(metadata, request.metadata(), action, outcome.name());
    }

    private String baseline(EvaluateRequest request) throws IOException, InterruptedException {
        if (!request.usesPreviousBuild()) {
            return request.baseline();
        }
        return context.stagePreviousModel(BASELINE_DIR).orElseGet(() -> {
            context.logger().println("[" + FUNCTION + "] baseline 'previous': no earlier successful build recorded a model;"
                    + " gates relative to the baseline are inactive");
            return null;
        });
    }

    private static String failed(List<GateResult> gates) {
        String failed = gates.stream()
                .filter(g -> "FAILED".equals(g.getStatus()))
                .map(g -> g.getExpression() + " (actual " + g.getActual() + ")")
                .collect(Collectors.joining(", "));
        return failed.isEmpty() ? "see the gate table above" : failed;
    }
}

package io.jenkins.plugins.mlops.runner;

import io.jenkins.plugins.mlops.actions.MlRunAction;
import io.jenkins.plugins.mlops.launch.LaunchResult;
import io.jenkins.plugins.mlops.results.BuildOutcome;
import io.jenkins.plugins.mlops.results.GateOutcomes;
import io.jenkins.plugins.mlops.results.RunMetadata;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Runs one {@code mlTrain} call: launches training on the agent and records the run in the build. */
public final class TrainRunner {
    /** The step's function name. */
    public static final String FUNCTION = "mlTrain";

    private final BuildContext context;

    /**
     * Creates the runner.
     *
     * @param context the running build
     */
    public TrainRunner(BuildContext context) {
        this.context = context;
    }

    /**
     * Trains a model.
     *
     * @param request the validated arguments
     * @return the run metadata plus {@code metadataFile}, {@code modelArtifact} and {@code buildResult}
     * @throws IOException if training fails; an {@code AbortException} carries the engine's message
     * @throws InterruptedException if the build was aborted
     */
    public Map<String, Object> run(TrainRequest request) throws IOException, InterruptedException {
        List<String> arguments = EngineArguments.train(request);
        context.logger().println("[" + FUNCTION + "] " + RunRecorder.display(arguments));
        LaunchResult launched = context.launch(arguments, request.metadata());
        RunRecorder recorder = new RunRecorder(context, FUNCTION);
        RunMetadata metadata = recorder.requireMetadata(launched);
        String modelDir = request.knownOutput() != null
                ? request.knownOutput()
                : ModelPaths.bundleDir(metadata.getModelPath(), launched.workspacePath());
        MlRunAction action = recorder.record(metadata, request.metadata(), modelDir);
        BuildOutcome outcome = GateOutcomes.toBuildOutcome(metadata.getGateOutcome(), GateFailureResult.FAILURE);
        if (outcome != BuildOutcome.SUCCESS) {
            context.setResult(outcome);
        }
        context.logger().println("[" + FUNCTION + "] run " + metadata.getRunId() + ": " + metadata.getMetrics());
        return RunRecorder.result(metadata, request.metadata(), action, outcome.name());
    }
}

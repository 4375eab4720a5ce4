package io.jenkins.plugins.mlops.execution;

import io.jenkins.plugins.mlops.launch.EngineCall;
import io.jenkins.plugins.mlops.launch.LaunchResult;
import io.jenkins.plugins.mlops.records.MlRunAction;
import io.mlops.contract.command.MlopsCommand;
import io.mlops.contract.gates.BuildResult;
import io.mlops.contract.metadata.RunMetadata;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Runs one {@code mlTrain} call: launches training on the agent and records the run in the build. */
public final class TrainRunner extends EngineRunner<TrainRequest> {
    /** The step's function name. */
    public static final String FUNCTION = "mlTrain";

    /**
     * Creates the runner.
     *
     * @param context the running build
     */
    public TrainRunner(BuildContext context) {
        super(context);
    }

    /**
     * Says how to run the engine.
     *
     * @param request the validated arguments
     * @return the engine call
     */
    @Override
    public EngineCall prepare(TrainRequest request) {
        List<String> arguments = command(request).arguments();
        context.logger().println("[" + FUNCTION + "] " + RunRecorder.display(arguments));
        return EngineCall.logged(arguments, request.metadata());
    }

    /**
     * Records the finished training in the build.
     *
     * @param request the validated arguments
     * @param launched what the engine produced
     * @return the run metadata plus {@code metadataFile}, {@code modelArtifact} and {@code buildResult}
     * @throws IOException if training failed; an {@code StepFailure} carries the engine's message
     * @throws InterruptedException if the build was aborted
     */
    @Override
    public Map<String, Object> finish(TrainRequest request, LaunchResult launched)
            throws IOException, InterruptedException {
        RunRecorder recorder = new RunRecorder(context, FUNCTION);
        RunMetadata metadata = recorder.requireMetadata(launched);
        String modelDir = request.knownOutput() != null
                ? request.knownOutput()
                : ModelPaths.bundleDir(metadata.model().path(), launched.workspacePath());
        RunRecorder.Recorded recorded = recorder.record(metadata, launched, request.metadata(), modelDir);
        BuildResult outcome = recorded.buildResult();
        if (outcome != BuildResult.SUCCESS) {
            context.setResult(outcome);
        }
        context.logger()
                .println("[" + FUNCTION + "] run " + metadata.runId() + ": " + MlRunAction.overall(metadata.metrics()));
        return recorded.result(request.metadata(), outcome);
    }

    /**
     * Returns the {@code mlops train} command of a request.
     *
     * @param request the training request
     * @return the command
     */
    public static MlopsCommand command(TrainRequest request) {
        MlopsCommand.Train command = MlopsCommand.train()
                .spec(request.spec())
                .data(request.data())
                .label(request.label())
                .algorithm(request.algorithm())
                .params(request.params())
                .seed(request.seed() == null ? null : request.seed().longValue())
                .testData(request.testData())
                .testFraction(request.testFraction())
                .output(request.output())
                .metadata(request.metadata());
        return CsvFormatArguments.applyTo(request.csvFormat(), command).build();
    }
}

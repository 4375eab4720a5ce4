package io.jenkins.plugins.mlops.execution;

import io.jenkins.plugins.mlops.launch.EngineCall;
import io.jenkins.plugins.mlops.launch.LaunchResult;
import io.mlops.contract.MlopsException;
import io.mlops.contract.command.MlopsCommand;
import io.mlops.contract.data.InputFile;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.retrain.DataChange;
import io.mlops.contract.retrain.RetrainCondition;
import io.mlops.contract.retrain.RetrainDecision;
import io.mlops.contract.text.Printable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the check of one {@code mlRetrainWhen} call: {@code mlops retrain-check} decides whether the model should be
 * retrained; the decision is recorded on the build, each condition is logged, and the decision is returned as a map.
 * A retraining that is not due is a decision, not a failure: the build result stays as it is.
 */
public final class RetrainCheckRunner extends EngineRunner<RetrainCheckRequest> {
    /** The function name of the step with a block; the request names the step that runs. */
    public static final String FUNCTION = "mlRetrainWhen";
    /** The key of the step's return value that says whether retraining is due. */
    public static final String RETRAIN_KEY = "retrain";

    /**
     * Creates the runner.
     *
     * @param context the running build
     */
    public RetrainCheckRunner(BuildContext context) {
        super(context);
    }

    /**
     * Returns the arguments of {@code mlops retrain-check}. It never asks for {@code --exit-code}: the decision is
     * read from the metadata, and a due retraining is no error.
     *
     * @param request the request
     * @param settings the global configuration
     * @return the arguments, command first
     * @throws StepFailure if the contract rejects an argument
     */
    public static List<String> arguments(RetrainCheckRequest request, RegistrySettings settings) throws StepFailure {
        try {
            MlopsCommand.RetrainCheck command = MlopsCommand.retrainCheck(request.model())
                    .spec(request.spec())
                    .data(request.data())
                    .service(request.service())
                    .driftData(request.driftData())
                    .accuracyBelow(request.accuracyBelow())
                    .maxAccuracyDrop(request.maxAccuracyDrop())
                    .minFeedback(request.minFeedback())
                    .driftAbove(request.driftAbove())
                    .maxAgeDays(request.maxAgeDays())
                    .minNewRows(request.minNewRows())
                    .force(request.force())
                    .unavailableAsInactive(request.unavailableAsInactive())
                    .registry(
                            ModelPaths.isRegistryReference(request.model())
                                    ? settings.registry(request.registry())
                                    : null)
                    .metadata(request.metadata());
            return CsvFormatArguments.applyTo(request.csvFormat(), command)
                    .build()
                    .arguments();
        } catch (MlopsException e) {
            throw new StepFailure("[" + request.function() + "] " + Printable.escape(e.getMessage()));
        }
    }

    /**
     * Says how to run the engine.
     *
     * @param request the validated arguments
     * @return the engine call; the decision is read from the metadata file it writes
     * @throws IOException if an argument is rejected
     * @throws InterruptedException if the build was aborted
     */
    @Override
    public EngineCall prepare(RetrainCheckRequest request) throws IOException, InterruptedException {
        List<String> arguments = arguments(request, context.settings());
        context.logger().println("[" + request.function() + "] " + RunRecorder.display(arguments));
        return new EngineCall(arguments, request.metadata(), context.buildEnvironment(), false);
    }

    /**
     * Records the decision on the build and logs why retraining is or is not due.
     *
     * @param request the validated arguments
     * @param launched what the engine produced
     * @return the decision as a map (see {@link #decisionMap(RetrainDecision)}), plus {@code runId} and
     *     {@code metadataFile}
     * @throws IOException if the check itself failed (e.g. an unreachable service or a missing model)
     * @throws InterruptedException if the build was aborted
     */
    @Override
    public Map<String, Object> finish(RetrainCheckRequest request, LaunchResult launched)
            throws IOException, InterruptedException {
        RunRecorder recorder = new RunRecorder(context, request.function());
        RunMetadata metadata = recorder.requireMetadata(launched);
        RetrainDecision decision = metadata.decision();
        if (decision == null) {
            throw new StepFailure("[" + request.function() + "] the engine's metadata "
                    + Printable.escape(request.metadata()) + " holds no retrain decision (kind "
                    + metadata.kind().id() + ")");
        }
        recorder.record(metadata, launched, request.metadata(), null);
        for (RetrainCondition condition : decision.conditions()) {
            context.logger().println("[" + request.function() + "] " + describe(condition));
        }
        context.logger()
                .println("[" + request.function() + "] " + Printable.escape(decision.summary())
                        + (decision.retrain() ? "" : "; the block is skipped, the build result stays"));
        Map<String, Object> result = decisionMap(decision);
        result.put("runId", metadata.runId());
        result.put("metadataFile", request.metadata());
        return result;
    }

    /**
     * Reads a step's return value: is retraining due?
     *
     * @param decision the map {@link #finish} returned
     * @return whether its {@code retrain} is {@code true}
     */
    public static boolean isDue(Map<?, ?> decision) {
        return Boolean.TRUE.equals(decision.get(RETRAIN_KEY));
    }

    /**
     * Says one condition in a log line, e.g. {@code age FIRED: model is 40 days old > 30}.
     *
     * @param condition the condition
     * @return the line, control characters escaped
     */
    static String describe(RetrainCondition condition) {
        return Printable.escape(condition.kind().id() + " " + condition.status() + ": " + condition.detail()
                + (condition.reason() == null ? "" : " (" + condition.reason() + ")"));
    }

    /**
     * Turns a decision into the step's return value, plain maps, lists, texts and numbers: {@code retrain},
     * {@code model}, {@code trainedAt}, {@code summary}, {@code conditions} (each with {@code kind}, {@code status},
     * {@code fired}, {@code value}, {@code threshold}, {@code detail} and, when inactive, {@code reason}) and
     * {@code newData} ({@code newRows}, {@code appendOnly}, {@code added}, {@code changed}, {@code removed} files).
     *
     * @param decision the decision
     * @return the map, in that order; absent values are left out
     */
    public static Map<String, Object> decisionMap(RetrainDecision decision) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(RETRAIN_KEY, decision.retrain());
        map.put("model", decision.model());
        putIfSet(map, "trainedAt", decision.trainedAt());
        map.put("summary", decision.summary());
        List<Map<String, Object>> conditions = new ArrayList<>();
        for (RetrainCondition condition : decision.conditions()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("kind", condition.kind().id());
            c.put("status", condition.status().name());
            c.put("fired", condition.fired());
            putIfSet(c, "value", condition.measured());
            putIfSet(c, "threshold", condition.threshold());
            c.put("detail", condition.detail());
            putIfSet(c, "reason", condition.reason());
            conditions.add(c);
        }
        map.put("conditions", conditions);
        DataChange data = decision.newData();
        if (data != null) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("newRows", data.newRows());
            d.put("appendOnly", data.appendOnly());
            d.put("unchangedFiles", data.unchangedFiles());
            d.put("added", files(data.added()));
            d.put("changed", files(data.changed()));
            d.put("removed", files(data.removed()));
            map.put("newData", d);
        }
        return map;
    }

    private static List<String> files(List<InputFile> files) {
        return new ArrayList<>(files.stream().map(InputFile::file).toList());
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}

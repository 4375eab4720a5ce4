package io.jenkins.plugins.mlops.execution;

import io.jenkins.plugins.mlops.launch.EngineCall;
import io.jenkins.plugins.mlops.launch.LaunchResult;
import io.jenkins.plugins.mlops.records.ModelVersionAction;
import io.mlops.contract.MlopsException;
import io.mlops.contract.command.MlopsCommand;
import io.mlops.contract.text.Printable;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one {@code mlPromote} call: {@code mlops models alias NAME ALIAS VERSION --reason ...}, an
 * audited alias move, and records it on the build.
 */
public final class PromoteRunner extends EngineRunner<PromoteRequest> {
    /** The step's function name. */
    public static final String FUNCTION = "mlPromote";

    /**
     * Creates the runner.
     *
     * @param context the running build
     */
    public PromoteRunner(BuildContext context) {
        super(context);
    }

    /**
     * Returns the arguments of {@code mlops models alias}.
     *
     * @param request the request
     * @param settings the global configuration
     * @return the arguments, command first
     * @throws StepFailure if no model name is given or configured
     */
    public static List<String> arguments(PromoteRequest request, RegistrySettings settings) throws StepFailure {
        String name = settings.requireModelName(request.name(), FUNCTION);
        try {
            return MlopsCommand.promote(name, request.alias(), request.version(), request.reason())
                    .by(request.by())
                    .registry(settings.registry(request.registry()))
                    .json()
                    .build()
                    .arguments();
        } catch (MlopsException e) {
            throw new StepFailure("[" + FUNCTION + "] " + Printable.escape(e.getMessage()));
        }
    }

    /**
     * Says how to run the engine.
     *
     * @param request the validated arguments
     * @return the engine call
     * @throws IOException if no model name is given or configured
     * @throws InterruptedException if the build was aborted
     */
    @Override
    public EngineCall prepare(PromoteRequest request) throws IOException, InterruptedException {
        List<String> arguments = arguments(request.byDefault(context.startedBy().orElse(null)), context.settings());
        context.logger().println("[" + FUNCTION + "] " + RunRecorder.display(arguments));
        return new EngineCall(arguments, null, context.buildEnvironment(), true);
    }

    /**
     * Records the moved alias on the build.
     *
     * @param request the validated arguments
     * @param launched what the engine printed
     * @return the move as the command printed it, plus {@code reference}
     * @throws IOException if promoting failed
     */
    @Override
    public Map<String, Object> finish(PromoteRequest request, LaunchResult launched) throws IOException {
        RegistrySettings settings = context.settings();
        Map<String, Object> move = CommandOutput.json(FUNCTION, launched);
        String name = arguments(request, settings).get(2);
        Integer to = CommandOutput.number(move, "to");
        ModelVersionAction action = ModelVersionAction.promoted(
                name,
                to == null ? request.version() : to,
                request.alias(),
                CommandOutput.number(move, "from"),
                CommandOutput.text(move, "by"),
                CommandOutput.text(move, "at"),
                request.reason(),
                settings.registry(request.registry()));
        context.addVersionAction(action);
        context.appendDescription(action.describe());
        context.logger()
                .println("[" + FUNCTION + "] " + Printable.escape(name + "@" + request.alias()) + " -> version "
                        + action.getVersion()
                        + (action.getPreviousVersion() == null
                                ? " (new alias)"
                                : " (was " + action.getPreviousVersion() + ")"));
        Map<String, Object> result = new LinkedHashMap<>(move);
        result.put("reference", action.getReference());
        return result;
    }
}

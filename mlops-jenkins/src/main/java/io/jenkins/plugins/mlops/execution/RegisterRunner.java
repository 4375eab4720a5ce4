package io.jenkins.plugins.mlops.execution;

import io.jenkins.plugins.mlops.launch.EngineCall;
import io.jenkins.plugins.mlops.launch.LaunchResult;
import io.jenkins.plugins.mlops.records.ModelVersionAction;
import io.mlops.contract.MlopsException;
import io.mlops.contract.bundle.BundleLayout;
import io.mlops.contract.command.MlopsCommand;
import io.mlops.contract.text.Printable;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one {@code mlRegister} call: {@code mlops register ... --json} on the agent, then records the
 * new version on the build (action, summary, {@code /api/json}, description).
 */
public final class RegisterRunner extends EngineRunner<RegisterRequest> {
    /** The step's function name. */
    public static final String FUNCTION = "mlRegister";

    /**
     * Creates the runner.
     *
     * @param context the running build
     */
    public RegisterRunner(BuildContext context) {
        super(context);
    }

    /**
     * Returns the arguments of {@code mlops register}.
     *
     * @param request the request
     * @param settings the global configuration
     * @return the arguments, command first
     * @throws StepFailure if no model name is given or configured
     */
    public static List<String> arguments(RegisterRequest request, RegistrySettings settings) throws StepFailure {
        String name = settings.requireModelName(request.name(), FUNCTION);
        try {
            return MlopsCommand.register(bundleDir(request.model()), name)
                    .alias(request.alias())
                    .by(request.by())
                    .registry(settings.registry(request.registry()))
                    .json()
                    .build()
                    .arguments();
        } catch (MlopsException e) {
            throw new StepFailure("[" + FUNCTION + "] " + Printable.escape(e.getMessage()));
        }
    }

    /** {@code model/model.tribuo} names the bundle folder {@code model}; the registry takes the folder. */
    static String bundleDir(String model) {
        String path = model.replace('\\', '/');
        if (path.equals(BundleLayout.MODEL_FILE) || path.endsWith("/" + BundleLayout.MODEL_FILE)) {
            int slash = path.lastIndexOf('/');
            return slash < 0 ? "." : path.substring(0, slash);
        }
        return path;
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
    public EngineCall prepare(RegisterRequest request) throws IOException, InterruptedException {
        List<String> arguments = arguments(request.byDefault(context.startedBy().orElse(null)), context.settings());
        context.logger().println("[" + FUNCTION + "] " + RunRecorder.display(arguments));
        return new EngineCall(arguments, null, context.buildEnvironment(), true);
    }

    /**
     * Records the new version on the build.
     *
     * @param request the validated arguments
     * @param launched what the engine printed
     * @return the new version as the command printed it, plus {@code reference}
     * @throws IOException if registering failed
     */
    @Override
    public Map<String, Object> finish(RegisterRequest request, LaunchResult launched) throws IOException {
        RegistrySettings settings = context.settings();
        Map<String, Object> version = CommandOutput.json(FUNCTION, launched);
        String name = CommandOutput.text(version, "name");
        Integer number = CommandOutput.number(version, "version");
        if (name == null || number == null) {
            throw new StepFailure("[" + FUNCTION + "] mlops register printed no 'name' and 'version'");
        }
        ModelVersionAction action = ModelVersionAction.registered(
                name,
                number,
                request.alias(),
                CommandOutput.text(CommandOutput.object(version, "model"), "sha256"),
                CommandOutput.text(version, "registeredBy"),
                CommandOutput.text(version, "registeredAt"),
                settings.registry(request.registry()));
        context.addVersionAction(action);
        context.appendDescription(action.describe());
        context.logger()
                .println("[" + FUNCTION + "] registered " + Printable.escape(action.getReference())
                        + (request.alias() == null ? "" : " as " + Printable.escape(request.alias())));
        Map<String, Object> result = new LinkedHashMap<>(version);
        result.put("reference", action.getReference());
        return result;
    }
}

package io.jenkins.plugins.mlops.execution;

import io.jenkins.plugins.mlops.launch.EngineCall;
import io.jenkins.plugins.mlops.launch.LaunchResult;
import io.jenkins.plugins.mlops.records.DeploymentSummary;
import io.mlops.contract.ExitCode;
import io.mlops.contract.MlopsException;
import io.mlops.contract.command.MlopsCommand;
import io.mlops.contract.gates.BuildResult;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.text.Printable;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs one {@code mlDeploy} call: {@code mlops deploy} on the agent deploys, runs the golden requests
 * and the load test, and rolls back if a check fails. The admin token reaches the child JVM only
 * through its environment ({@value #TOKEN_VARIABLE}), never its command line or the log. A rollback
 * fails the build with the reasons.
 */
public final class DeployRunner extends EngineRunner<DeployRequest> {
    /** The step's function name. */
    public static final String FUNCTION = "mlDeploy";
    /** The environment variable the command reads the admin token from. */
    public static final String TOKEN_VARIABLE = "MLOPS_ADMIN_TOKEN";

    /**
     * Creates the runner.
     *
     * @param context the running build
     */
    public DeployRunner(BuildContext context) {
        super(context);
    }

    /**
     * Returns the arguments of {@code mlops deploy}.
     *
     * @param request the request
     * @param settings the global configuration
     * @return the arguments, command first; they hold no secret
     */
    public static List<String> arguments(DeployRequest request, RegistrySettings settings) throws StepFailure {
        boolean fromRegistry = ModelPaths.isRegistryReference(request.model());
        MlopsCommand.Deploy command = MlopsCommand.deploy(request.model())
                .registry(fromRegistry ? settings.registry(request.registry()) : null);
        DeployTarget target = request.target();
        if (target.service()) {
            command.service(target.location());
        } else {
            command.directory(target.location());
        }
        try {
            return command.golden(request.smoke())
                    .load(request.load() == null ? null : request.load().spec())
                    .name(request.name() != null || fromRegistry ? request.name() : settings.defaultModelName())
                    .versionLabel(request.versionLabel())
                    .adminTokenVariable(target.service() ? TOKEN_VARIABLE : null)
                    .metadata(request.metadata())
                    .build()
                    .arguments();
        } catch (MlopsException e) {
            throw new StepFailure("[" + FUNCTION + "] " + Printable.escape(e.getMessage()));
        }
    }

    /**
     * Reads the admin token and says how to run the engine.
     *
     * @param request the validated arguments
     * @return the engine call; its environment holds the token
     * @throws IOException if the credentials cannot be read
     * @throws InterruptedException if the build was aborted
     */
    @Override
    public EngineCall prepare(DeployRequest request) throws IOException, InterruptedException {
        RegistrySettings settings = context.settings();
        List<String> arguments = arguments(request, settings);
        Map<String, String> environment = new LinkedHashMap<>(context.buildEnvironment());
        String credentialsId =
                request.credentialsId() != null ? request.credentialsId() : settings.defaultCredentialsId();
        if (credentialsId != null) {
            environment.put(TOKEN_VARIABLE, context.secretText(credentialsId));
            context.logger().println("[" + FUNCTION + "] admin token from credentials '" + credentialsId + "'");
        } else if (request.target().service()) {
            context.logger()
                    .println("[" + FUNCTION + "] no 'credentialsId': the agent's " + TOKEN_VARIABLE
                            + " is used, if set");
        }
        context.logger().println("[" + FUNCTION + "] " + RunRecorder.display(arguments));
        return new EngineCall(arguments, request.metadata(), environment, false);
    }

    /**
     * Records the finished deployment; a rollback fails the build with the reasons.
     *
     * @param request the validated arguments
     * @param launched what the engine produced
     * @return the run metadata plus {@code metadataFile} and {@code buildResult}
     * @throws IOException if the deployment failed or was rolled back
     * @throws InterruptedException if the build was aborted
     */
    @Override
    public Map<String, Object> finish(DeployRequest request, LaunchResult launched)
            throws IOException, InterruptedException {
        int exitCode = launched.outcome().exitCode();
        if ((exitCode != ExitCode.OK.code() && exitCode != ExitCode.DEPLOY_ROLLED_BACK.code())
                || !launched.hasMetadata()) {
            throw CommandOutput.failure(FUNCTION, launched);
        }
        RunRecorder recorder = new RunRecorder(context, FUNCTION);
        RunMetadata metadata = recorder.requireMetadata(launched);
        RunRecorder.Recorded recorded = recorder.record(metadata, launched, request.metadata(), null);
        DeploymentSummary deployment = recorded.action().getDeployment();
        String status = deployment == null ? null : deployment.getStatus();
        if (exitCode == ExitCode.DEPLOY_ROLLED_BACK.code() || deployment == null || !deployment.isDeployed()) {
            List<String> reasons = deployment == null ? List.of() : deployment.getReasons();
            reasons.forEach(reason -> context.logger().println("[" + FUNCTION + "] rolled back: " + reason));
            context.setResult(BuildResult.FAILURE);
            throw new StepFailure("[" + FUNCTION + "] deployment " + (status == null ? "failed" : status) + " to "
                    + request.target() + ": " + (reasons.isEmpty() ? "see the log above" : String.join("; ", reasons)));
        }
        context.logger().println("[" + FUNCTION + "] " + describe(deployment));
        return recorded.result(request.metadata(), BuildResult.SUCCESS);
    }

    private static String describe(DeploymentSummary d) {
        StringBuilder b = new StringBuilder(
                "deployment " + d.getStatus() + ": " + d.getName() + " " + d.getVersion() + " -> " + d.getLocation());
        if (d.getGoldenTotal() != null) {
            b.append("; golden requests ")
                    .append(d.getGoldenPassed())
                    .append(" of ")
                    .append(d.getGoldenTotal())
                    .append(" correct");
        }
        if (d.getLoadSent() != null) {
            b.append(String.format(
                    Locale.ROOT,
                    "; load %d sent, %d failed, %.0f/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms",
                    d.getLoadSent(),
                    d.getLoadFailed(),
                    nz(d.getThroughput()),
                    nz(d.getP50Ms()),
                    nz(d.getP95Ms()),
                    nz(d.getP99Ms())));
        }
        return b.toString();
    }

    private static double nz(Double value) {
        return value == null ? Double.NaN : value;
    }
}

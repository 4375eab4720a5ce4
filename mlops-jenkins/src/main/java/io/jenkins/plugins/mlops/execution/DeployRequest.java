package io.jenkins.plugins.mlops.execution;

import io.jenkins.plugins.mlops.launch.EngineCall;
import io.jenkins.plugins.mlops.launch.LaunchResult;
import java.io.IOException;
import java.util.Map;

/**
 * The validated arguments of one {@code mlDeploy} call. Holds the credentials id, never the secret.
 *
 * @param model a model bundle path in the workspace, or {@code NAME@REF} in the registry
 * @param target where to deploy
 * @param smoke the golden requests file (JSON Lines with expected labels), or {@code null}
 * @param load the load test, or {@code null} for none
 * @param credentialsId the "Secret text" credentials of the admin token, or {@code null} for the configured default
 * @param name the model name to deploy under, or {@code null}
 * @param versionLabel the version label, or {@code null}
 * @param registry the registry folder overriding the configured one, or {@code null}
 * @param metadata the run metadata file, relative to the workspace
 */
public record DeployRequest(
        String model,
        DeployTarget target,
        String smoke,
        LoadSpec load,
        String credentialsId,
        String name,
        String versionLabel,
        String registry,
        String metadata)
        implements StepRequest {
    private static final long serialVersionUID = 1L;

    @Override
    public EngineCall prepare(BuildContext context) throws IOException, InterruptedException {
        return new DeployRunner(context).prepare(this);
    }

    @Override
    public Map<String, Object> finish(BuildContext context, LaunchResult launched)
            throws IOException, InterruptedException {
        return new DeployRunner(context).finish(this, launched);
    }
}

package io.jenkins.plugins.mlops.execution;

import io.jenkins.plugins.mlops.launch.EngineCall;
import io.jenkins.plugins.mlops.launch.LaunchResult;
import java.io.IOException;
import java.util.Map;

/**
 * The validated arguments of one {@code mlRegister} call.
 *
 * @param model the model bundle folder or its {@code model.tribuo}, relative to the workspace
 * @param name the model name, or {@code null} for the configured default
 * @param alias the alias to point at the new version, or {@code null}
 * @param registry the registry folder overriding the configured one, or {@code null}
 * @param by who registers it, or {@code null} for the user who started the build, else the command's default
 */
public record RegisterRequest(String model, String name, String alias, String registry, String by)
        implements StepRequest {
    private static final long serialVersionUID = 1L;

    /**
     * Fills in who registers when the step named nobody.
     *
     * @param user the default, e.g. the user who started the build; may be {@code null}
     * @return this request, or a copy with {@code by} set to {@code user}
     */
    public RegisterRequest byDefault(String user) {
        return by != null || user == null ? this : new RegisterRequest(model, name, alias, registry, user);
    }

    @Override
    public EngineCall prepare(BuildContext context) throws IOException, InterruptedException {
        return new RegisterRunner(context).prepare(this);
    }

    @Override
    public Map<String, Object> finish(BuildContext context, LaunchResult launched)
            throws IOException, InterruptedException {
        return new RegisterRunner(context).finish(this, launched);
    }
}

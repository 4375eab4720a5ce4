package io.jenkins.plugins.mlops.execution;

import io.jenkins.plugins.mlops.launch.EngineCall;
import io.jenkins.plugins.mlops.launch.LaunchResult;
import java.io.IOException;
import java.util.Map;

/**
 * The validated arguments of one {@code mlPromote} call.
 *
 * @param name the model name, or {@code null} for the configured default
 * @param version the version the alias should point to
 * @param alias the alias, e.g. {@code champion}
 * @param reason why; written to the registry's audit log
 * @param registry the registry folder overriding the configured one, or {@code null}
 * @param by who promotes it (e.g. the approver of an {@code input}), or {@code null}
 */
public record PromoteRequest(String name, int version, String alias, String reason, String registry, String by)
        implements StepRequest {
    private static final long serialVersionUID = 1L;

    /**
     * Fills in who promotes when the step named nobody.
     *
     * @param user the default, e.g. the user who started the build; may be {@code null}
     * @return this request, or a copy with {@code by} set to {@code user}
     */
    public PromoteRequest byDefault(String user) {
        return by != null || user == null ? this : new PromoteRequest(name, version, alias, reason, registry, user);
    }

    @Override
    public EngineCall prepare(BuildContext context) throws IOException, InterruptedException {
        return new PromoteRunner(context).prepare(this);
    }

    @Override
    public Map<String, Object> finish(BuildContext context, LaunchResult launched)
            throws IOException, InterruptedException {
        return new PromoteRunner(context).finish(this, launched);
    }
}

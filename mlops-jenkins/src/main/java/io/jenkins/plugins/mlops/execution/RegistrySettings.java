package io.jenkins.plugins.mlops.execution;

import java.io.Serializable;

/**
 * The global mlops configuration as the runners see it (Manage Jenkins &gt; System &gt; MLOps).
 *
 * @param registry the registry folder on the agents, or {@code null} for the command's default ({@code MLOPS_REGISTRY})
 * @param defaultModelName the model name used when a step names none, or {@code null}
 * @param defaultCredentialsId the "Secret text" credentials of the serving admin token for {@code mlDeploy}, or {@code null}
 */
public record RegistrySettings(String registry, String defaultModelName, String defaultCredentialsId)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** No global configuration. */
    public static final RegistrySettings NONE = new RegistrySettings(null, null, null);

    /**
     * Returns the registry a step uses.
     *
     * @param override the step's {@code registry} argument, or {@code null}
     * @return the override, else the configured registry, else {@code null}
     */
    public String registry(String override) {
        return override != null ? override : registry;
    }

    /**
     * Returns the model name a step uses.
     *
     * @param given the step's {@code name} argument, or {@code null}
     * @return the given name, else the configured default, else {@code null}
     */
    public String modelName(String given) {
        return given != null ? given : defaultModelName;
    }

    /**
     * Returns the model name a registry step uses, which it cannot do without.
     *
     * @param given the step's {@code name} argument, or {@code null}
     * @param function the step's function name, for the message
     * @return the given name, else the configured default
     * @throws StepFailure if neither is there
     */
    public String requireModelName(String given, String function) throws StepFailure {
        String name = modelName(given);
        if (name == null) {
            throw new StepFailure("[" + function + "] 'name' must be given, or a default model name configured"
                    + " under Manage Jenkins > System > MLOps");
        }
        return name;
    }
}

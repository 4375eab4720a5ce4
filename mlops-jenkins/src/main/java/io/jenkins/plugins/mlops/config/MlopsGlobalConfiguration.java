package io.jenkins.plugins.mlops.config;

import hudson.Extension;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mlops.Messages;
import io.jenkins.plugins.mlops.execution.RegistrySettings;
import io.jenkins.plugins.mlops.steps.JenkinsFacade;
import io.mlops.contract.MlopsException;
import io.mlops.contract.registry.ModelNames;
import io.mlops.contract.text.Printable;
import java.util.Optional;
import jenkins.YesNoMaybe;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The plugin's settings under Manage Jenkins &gt; System &gt; MLOps: where the model registry is and the
 * defaults of the steps. Every field is a {@code @DataBoundSetter}, so Configuration as Code sets it as
 * {@code unclassified: mlops: registry: ...}.
 */
@Extension(dynamicLoadable = YesNoMaybe.YES)
@Symbol("mlops")
public class MlopsGlobalConfiguration extends GlobalConfiguration {
    private String registry;
    private String defaultModelName;
    private String defaultCredentialsId;

    /** Loads the saved settings. Jenkins creates the one instance. */
    public MlopsGlobalConfiguration() {
        super();
        load();
    }

    @Override
    public String getDisplayName() {
        return Messages.format("MlopsGlobalConfiguration.DisplayName");
    }

    /** @return the registry folder on the agents, or {@code null} for the command's default ({@code MLOPS_REGISTRY}) */
    public String getRegistry() {
        return registry;
    }

    /** @param registry the registry folder; it must be reachable from the agents that run the steps (a shared file system) */
    @DataBoundSetter
    public void setRegistry(String registry) {
        this.registry = trimToNull(registry);
        save();
    }

    /** @return the model name the steps use when they name none, or {@code null} */
    public String getDefaultModelName() {
        return defaultModelName;
    }

    /** @param defaultModelName the model name the steps use when they name none */
    @DataBoundSetter
    public void setDefaultModelName(String defaultModelName) {
        String value = trimToNull(defaultModelName);
        if (value != null) {
            try {
                ModelNames.requireModelName(value);
            } catch (MlopsException e) {
                throw new IllegalArgumentException("defaultModelName: " + Printable.escape(e.getMessage()), e);
            }
        }
        this.defaultModelName = value;
        save();
    }

    /** @return the "Secret text" credentials id of the serving admin token used by {@code mlDeploy}, or {@code null} */
    public String getDefaultCredentialsId() {
        return defaultCredentialsId;
    }

    /** @param defaultCredentialsId the "Secret text" credentials id of the serving admin token used by {@code mlDeploy} */
    @DataBoundSetter
    public void setDefaultCredentialsId(String defaultCredentialsId) {
        this.defaultCredentialsId = trimToNull(defaultCredentialsId);
        save();
    }

    /**
     * Saves the form of Manage Jenkins &gt; System: every field is checked first, and a bad one is shown as a
     * form error on that field; nothing is changed or saved then.
     *
     * @param req  the request
     * @param json the form data of this section
     * @return true
     * @throws FormException naming the field and what is expected
     */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        String newRegistry = trimToNull(json.optString("registry"));
        String newModelName = trimToNull(json.optString("defaultModelName"));
        String newCredentialsId = trimToNull(json.optString("defaultCredentialsId"));
        Optional<FormProblem> problem = check(newModelName);
        if (problem.isPresent()) {
            throw new FormException(problem.get().message(), problem.get().field());
        }
        this.registry = newRegistry;
        this.defaultModelName = newModelName;
        this.defaultCredentialsId = newCredentialsId;
        save(); // once, after every field was checked

        return true;
    }

    /**
     * A problem with one field of the form.
     *
     * @param field   the field's name
     * @param message what is wrong and what is expected
     */
    record FormProblem(String field, String message) {}

    /**
     * Checks the values of the form.
     *
     * @param defaultModelName the default model name, or {@code null}
     * @return the first problem, or empty
     */
    static Optional<FormProblem> check(String defaultModelName) {
        String value = trimToNull(defaultModelName);
        if (value == null || ModelNames.isValid(value)) {
            return Optional.empty();
        }
        return Optional.of(new FormProblem(
                "defaultModelName",
                "'defaultModelName' is no valid model name: use 1 to 64 letters, digits, '.', '_' and '-', starting"
                        + " with a letter or digit; got '" + Printable.shorten(value) + "'"));
    }

    /**
     * Lists the "Secret text" credentials for the default admin token, to administrators only.
     *
     * @param defaultCredentialsId the current value
     * @return the choices
     */
    @POST
    public ListBoxModel doFillDefaultCredentialsIdItems(
            @QueryParameter("defaultCredentialsId") String defaultCredentialsId) {
        return JenkinsFacade.secretTextChoices(null, defaultCredentialsId);
    }

    /** @return the settings as the step runners see them */
    public RegistrySettings toSettings() {
        return new RegistrySettings(registry, defaultModelName, defaultCredentialsId);
    }

    /**
     * Validates the default model name field.
     *
     * @param value the field's text
     * @return ok, or the problem
     */
    public FormValidation doCheckDefaultModelName(@QueryParameter("value") String value) {
        return check(trimToNull(value))
                .map(p -> FormValidation.error(p.message()))
                .orElseGet(FormValidation::ok);
    }

    private static String trimToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}

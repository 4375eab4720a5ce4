package io.jenkins.plugins.mlops.steps;

import hudson.AbortException;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mlops.execution.DeployRequest;
import io.jenkins.plugins.mlops.execution.DeployRunner;
import io.jenkins.plugins.mlops.execution.DeployTarget;
import io.jenkins.plugins.mlops.execution.LoadSpec;
import java.util.Map;
import java.util.Optional;
import jenkins.YesNoMaybe;
import org.jenkinsci.plugins.structs.describable.CustomDescribableModel;
import org.jenkinsci.plugins.structs.describable.UninstantiatedDescribable;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The {@code mlDeploy} step: deploys a model to a service or a folder, checks it with golden requests
 * and a load test, and rolls it back (failing the build) when a check fails.
 * <pre>
 * mlDeploy(model: 'receipts@champion', target: 'http://127.0.0.1:8080', smoke: 'ml/golden.jsonl',
 *          load: [rps: 500, seconds: 20, p99Ms: 10, maxErrorRate: 0.001], credentialsId: 'serving-admin')
 * </pre>
 */
public class DeployStep extends Step {
    private final String model;
    private String target;
    private String smoke;
    private LoadTest load;
    private String credentialsId;
    private String name;
    private String versionLabel;
    private String registry;
    private String metadata;

    /**
     * Creates the step.
     *
     * @param model a model bundle in the workspace, or {@code NAME@REF} in the registry (e.g. {@code receipts@champion})
     */
    @DataBoundConstructor
    public DeployStep(String model) {
        super();
        this.model = Arguments.trimToNull(model);
    }

    /** @return the model */
    public String getModel() {
        return model;
    }

    /** @return the target, {@code http://host:port} or {@code dir:PATH} */
    public String getTarget() {
        return target;
    }

    /** @param target a running mlops service, {@code http://host:port}, or a deployment folder, {@code dir:/srv/receipts} */
    @DataBoundSetter
    public void setTarget(String target) {
        this.target = Arguments.trimToNull(target);
    }

    /** @return the golden requests file, or {@code null} */
    public String getSmoke() {
        return smoke;
    }

    /** @param smoke the golden requests (JSON Lines with expected labels) in the workspace */
    @DataBoundSetter
    public void setSmoke(String smoke) {
        this.smoke = Arguments.trimToNull(smoke);
    }

    /** @return the load test, or {@code null} for none */
    public LoadTest getLoad() {
        return load;
    }

    /**
     * Sets the load test. Scripts write it as a map, {@code load: [rps: 500, seconds: 20, p99Ms: 10,
     * maxErrorRate: 0.001]}.
     *
     * @param load the load test, or {@code null} for none
     */
    @DataBoundSetter
    public void setLoad(LoadTest load) {
        this.load = load;
    }

    /** @return the credentials id of the admin token, or {@code null} */
    public String getCredentialsId() {
        return credentialsId;
    }

    /** @param credentialsId the id of a "Secret text" credential with the serving admin token */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Arguments.trimToNull(credentialsId);
    }

    /** @return the model name to deploy under, or {@code null} */
    public String getName() {
        return name;
    }

    /** @param name the model name to deploy under */
    @DataBoundSetter
    public void setName(String name) {
        this.name = Arguments.trimToNull(name);
    }

    /** @return the version label, or {@code null} */
    public String getVersionLabel() {
        return versionLabel;
    }

    /** @param versionLabel the version label of the deployment */
    @DataBoundSetter
    public void setVersionLabel(String versionLabel) {
        this.versionLabel = Arguments.trimToNull(versionLabel);
    }

    /** @return the registry folder overriding the global one, or {@code null} */
    public String getRegistry() {
        return registry;
    }

    /** @param registry the registry folder on the agent, for a {@code NAME@REF} model */
    @DataBoundSetter
    public void setRegistry(String registry) {
        this.registry = Arguments.trimToNull(registry);
    }

    /** @return the metadata file, or {@code null} for the default */
    public String getMetadata() {
        return metadata;
    }

    /** @param metadata the workspace file the run metadata is written to */
    @DataBoundSetter
    public void setMetadata(String metadata) {
        this.metadata = Arguments.trimToNull(metadata);
    }

    /**
     * Validates the arguments.
     *
     * @return the request
     * @throws IllegalArgumentException with a message naming the step and the argument
     */
    public DeployRequest toRequest() {
        String f = DeployRunner.FUNCTION;
        if (model == null) {
            throw Arguments.invalid(f, "'model' must be given");
        }
        Optional<String> problem = ArgumentChecks.target(target);
        if (problem.isEmpty()) {
            problem = ArgumentChecks.name("name", name);
        }
        if (problem.isPresent()) {
            throw Arguments.invalid(f, problem.get());
        }
        LoadSpec loadSpec;
        try {
            loadSpec = load == null ? null : ArgumentChecks.load(load);
        } catch (IllegalArgumentException e) {
            throw Arguments.invalid(f, e.getMessage());
        }
        if (loadSpec != null && smoke == null) {
            throw Arguments.invalid(f, "'load' needs 'smoke': the load test sends the golden requests");
        }
        String metadataFile = metadata != null ? metadata : ".mlops/deploy-run-metadata.json";
        return new DeployRequest(
                model,
                DeployTarget.parse(target),
                smoke,
                loadSpec,
                credentialsId,
                name,
                versionLabel,
                registry,
                metadataFile);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        try {
            return new EngineStepExecution(context, toRequest());
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /** Registers {@code mlDeploy}. */
    @Extension(dynamicLoadable = YesNoMaybe.YES)
    public static final class DescriptorImpl extends AgentStepDescriptor implements CustomDescribableModel {
        /** Creates the descriptor. */
        public DescriptorImpl() {
            super(DeployRunner.FUNCTION, "DeployStep.DisplayName");
        }

        /** Checks the {@code load} map for unknown keys and ranges before Pipeline binds it. */
        @Override
        public Map<String, Object> customInstantiate(Map<String, Object> arguments) {
            return ShortForms.loadIn(arguments);
        }

        /** Snippets write the load test as a map already (it has no symbol); nothing to change. */
        @Override
        public UninstantiatedDescribable customUninstantiate(UninstantiatedDescribable step) {
            return step;
        }

        /**
         * Lists the "Secret text" credentials for the admin token, to users who may configure the job
         * (administrators outside a job); others see only the current value.
         *
         * @param item           the job of the Snippet Generator, or {@code null} at the top level
         * @param credentialsId  the current value
         * @return the choices
         */
        @POST
        public ListBoxModel doFillCredentialsIdItems(
                @AncestorInPath Item item, @QueryParameter("credentialsId") String credentialsId) {
            return JenkinsFacade.secretTextChoices(item, credentialsId);
        }

        /**
         * Validates the model field of the Snippet Generator.
         *
         * @param value the field's text
         * @return ok, or the problem
         */
        public FormValidation doCheckModel(@QueryParameter("value") String value) {
            return ArgumentChecks.toForm(ArgumentChecks.required("model", value));
        }

        /**
         * Validates the target field of the Snippet Generator.
         *
         * @param value the field's text
         * @return ok, or the problem
         */
        public FormValidation doCheckTarget(@QueryParameter("value") String value) {
            return ArgumentChecks.toForm(ArgumentChecks.target(value));
        }

        /**
         * Validates the name field of the Snippet Generator.
         *
         * @param value the field's text
         * @return ok, or the problem
         */
        public FormValidation doCheckName(@QueryParameter("value") String value) {
            return ArgumentChecks.toForm(ArgumentChecks.name("name", value));
        }
    }
}

package io.jenkins.plugins.mlops.steps;

import hudson.AbortException;
import hudson.Extension;
import hudson.util.FormValidation;
import io.jenkins.plugins.mlops.execution.RegisterRequest;
import io.jenkins.plugins.mlops.execution.RegisterRunner;
import java.util.Optional;
import jenkins.YesNoMaybe;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * The {@code mlRegister} step: registers a model bundle of the workspace as the next version of a
 * model in the registry, and records the version on the build.
 * <pre>
 * mlRegister(model: 'model/model.tribuo', name: 'receipts', alias: 'challenger')
 * </pre>
 */
public class RegisterStep extends Step {
    private final String model;
    private String name;
    private String alias;
    private String registry;
    private String by;

    /**
     * Creates the step.
     *
     * @param model the model bundle folder or its {@code model.tribuo}, in the workspace
     */
    @DataBoundConstructor
    public RegisterStep(String model) {
        super();
        this.model = Arguments.trimToNull(model);
    }

    /** @return the model bundle to register */
    public String getModel() {
        return model;
    }

    /** @return the model name, or {@code null} for the configured default */
    public String getName() {
        return name;
    }

    /** @param name the model name, e.g. {@code receipts} */
    @DataBoundSetter
    public void setName(String name) {
        this.name = Arguments.trimToNull(name);
    }

    /** @return the alias to point at the new version, or {@code null} */
    public String getAlias() {
        return alias;
    }

    /** @param alias an alias to point at the new version, e.g. {@code challenger} */
    @DataBoundSetter
    public void setAlias(String alias) {
        this.alias = Arguments.trimToNull(alias);
    }

    /** @return the registry folder overriding the global one, or {@code null} */
    public String getRegistry() {
        return registry;
    }

    /** @param registry the registry folder on the agent, overriding Manage Jenkins &gt; System &gt; MLOps */
    @DataBoundSetter
    public void setRegistry(String registry) {
        this.registry = Arguments.trimToNull(registry);
    }

    /** @return who registers, or {@code null} */
    public String getBy() {
        return by;
    }

    /** @param by who registers it, recorded in the registry */
    @DataBoundSetter
    public void setBy(String by) {
        this.by = Arguments.trimToNull(by);
    }

    /**
     * Validates the arguments.
     *
     * @return the request
     * @throws IllegalArgumentException with a message naming the step and the argument
     */
    public RegisterRequest toRequest() {
        String f = RegisterRunner.FUNCTION;
        if (model == null) {
            throw Arguments.invalid(f, "'model' must be given");
        }
        for (Optional<String> problem :
                java.util.List.of(ArgumentChecks.name("name", name), ArgumentChecks.alias("alias", alias))) {
            if (problem.isPresent()) {
                throw Arguments.invalid(f, problem.get());
            }
        }
        return new RegisterRequest(model, name, alias, registry, by);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        try {
            return new EngineStepExecution(context, toRequest());
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /** Registers {@code mlRegister}. */
    @Extension(dynamicLoadable = YesNoMaybe.YES)
    public static final class DescriptorImpl extends AgentStepDescriptor {
        /** Creates the descriptor. */
        public DescriptorImpl() {
            super(RegisterRunner.FUNCTION, "RegisterStep.DisplayName");
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
         * Validates the name field of the Snippet Generator.
         *
         * @param value the field's text
         * @return ok, or the problem
         */
        public FormValidation doCheckName(@QueryParameter("value") String value) {
            return ArgumentChecks.toForm(ArgumentChecks.name("name", value));
        }

        /**
         * Validates the alias field of the Snippet Generator.
         *
         * @param value the field's text
         * @return ok, or the problem
         */
        public FormValidation doCheckAlias(@QueryParameter("value") String value) {
            return ArgumentChecks.toForm(ArgumentChecks.alias("alias", value));
        }
    }
}

package io.jenkins.plugins.mlops.steps;

import hudson.AbortException;
import hudson.Extension;
import hudson.util.FormValidation;
import io.jenkins.plugins.mlops.execution.PromoteRequest;
import io.jenkins.plugins.mlops.execution.PromoteRunner;
import java.util.List;
import java.util.Optional;
import jenkins.YesNoMaybe;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * The {@code mlPromote} step: points a registry alias (by default {@code champion}) at a model
 * version. The move is audited in the registry with who and why.
 * <pre>
 * mlPromote(name: 'receipts', version: 3, alias: 'champion', reason: 'beat the champion on macroF1', by: approver)
 * </pre>
 */
public class PromoteStep extends Step {
    /** The alias used when none is given. */
    public static final String DEFAULT_ALIAS = "champion";

    private final int version;
    private final String reason;
    private String name;
    private String alias = DEFAULT_ALIAS;
    private String registry;
    private String by;

    /**
     * Creates the step.
     *
     * @param version the version the alias should point to
     * @param reason why; written to the registry's audit log
     */
    @DataBoundConstructor
    public PromoteStep(int version, String reason) {
        super();
        this.version = version;
        this.reason = Arguments.trimToNull(reason);
    }

    /** @return the version */
    public int getVersion() {
        return version;
    }

    /** @return the reason */
    public String getReason() {
        return reason;
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

    /** @return the alias */
    public String getAlias() {
        return alias;
    }

    /** @param alias the alias to move; default {@code champion} */
    @DataBoundSetter
    public void setAlias(String alias) {
        String value = Arguments.trimToNull(alias);
        this.alias = value == null ? DEFAULT_ALIAS : value;
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

    /** @return who promotes, or {@code null} */
    public String getBy() {
        return by;
    }

    /** @param by who promotes (e.g. the approver returned by {@code input}); recorded in the audit log */
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
    public PromoteRequest toRequest() {
        String f = PromoteRunner.FUNCTION;
        if (version < 1) {
            throw Arguments.invalid(f, "'version' must be >= 1, got " + version);
        }
        if (reason == null) {
            throw Arguments.invalid(f, "'reason' must be given; it is written to the registry's audit log");
        }
        for (Optional<String> problem :
                List.of(ArgumentChecks.name("name", name), ArgumentChecks.alias("alias", alias))) {
            if (problem.isPresent()) {
                throw Arguments.invalid(f, problem.get());
            }
        }
        return new PromoteRequest(name, version, alias, reason, registry, by);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        try {
            return new EngineStepExecution(context, toRequest());
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /** Registers {@code mlPromote}. */
    @Extension(dynamicLoadable = YesNoMaybe.YES)
    public static final class DescriptorImpl extends AgentStepDescriptor {
        /** Creates the descriptor. */
        public DescriptorImpl() {
            super(PromoteRunner.FUNCTION, "PromoteStep.DisplayName");
        }

        /**
         * Validates the version field of the Snippet Generator.
         *
         * @param value the field's text
         * @return ok, or the problem
         */
        public FormValidation doCheckVersion(@QueryParameter("value") String value) {
            return ArgumentChecks.toForm(ArgumentChecks.version(value));
        }

        /**
         * Validates the reason field of the Snippet Generator.
         *
         * @param value the field's text
         * @return ok, or the problem
         */
        public FormValidation doCheckReason(@QueryParameter("value") String value) {
            return ArgumentChecks.toForm(ArgumentChecks.required("reason", value));
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

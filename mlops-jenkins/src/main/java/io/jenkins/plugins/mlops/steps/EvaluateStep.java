package io.jenkins.plugins.mlops.steps;

import hudson.AbortException;
import hudson.Extension;
import hudson.util.FormValidation;
import io.jenkins.plugins.mlops.execution.EvaluateRequest;
import io.jenkins.plugins.mlops.execution.EvaluateRunner;
import io.mlops.contract.gates.Criticality;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jenkins.YesNoMaybe;
import org.jenkinsci.plugins.structs.describable.CustomDescribableModel;
import org.jenkinsci.plugins.structs.describable.UninstantiatedDescribable;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * The {@code mlEvaluate} step: evaluates a model on the agent and applies quality gates.
 * <pre>
 * mlEvaluate(model: 'model/model.tribuo', data: 'data/test.csv',
 *            gates: ['accuracy &gt;= 0.90', 'macroF1 &gt;= 0.85'], baseline: 'previous', onGateFailure: 'FAILURE')
 * mlEvaluate(model: 'model', data: 'data/test.csv', baseline: 'champion', name: 'receipts')
 * </pre>
 */
public class EvaluateStep extends CsvDataStep {
    private final String model;
    private String data;
    private List<QualityGate> gates = new ArrayList<>();
    private String baseline;
    private String onGateFailure = Criticality.FAILURE.name();
    private String metadata;
    private String name;
    private String registry;

    /**
     * Creates the step.
     *
     * @param model the model bundle folder or its {@code model.tribuo}, in the workspace
     */
    @DataBoundConstructor
    public EvaluateStep(String model) {
        super();
        this.model = Arguments.trimToNull(model);
    }

    /** @return the model to evaluate */
    public String getModel() {
        return model;
    }

    /** @return the evaluation data CSV, or {@code null} */
    public String getData() {
        return data;
    }

    /** @param data the evaluation data CSV in the workspace */
    @DataBoundSetter
    public void setData(String data) {
        this.data = Arguments.trimToNull(data);
    }

    /** @return the quality gates */
    public List<QualityGate> getGates() {
        return gates;
    }

    /**
     * Sets the quality gates. Scripts write them as texts, {@code gates: ['accuracy >= 0.90']}; the descriptor
     * turns those into {@link QualityGate}s.
     *
     * @param gates quality gates such as {@code accuracy >= 0.90}
     */
    @DataBoundSetter
    public void setGates(List<QualityGate> gates) {
        this.gates = gates == null ? new ArrayList<>() : new ArrayList<>(gates);
    }

    /** @return {@code previous}, a model path, or {@code null} */
    public String getBaseline() {
        return baseline;
    }

    /** @param baseline {@code previous} for the previous successful build's model, or a model path in the workspace */
    @DataBoundSetter
    public void setBaseline(String baseline) {
        this.baseline = Arguments.trimToNull(baseline);
    }

    /** @return FAILURE or UNSTABLE */
    public String getOnGateFailure() {
        return onGateFailure;
    }

    /** @param onGateFailure the build result when a gate fails: FAILURE (default) or UNSTABLE */
    @DataBoundSetter
    public void setOnGateFailure(String onGateFailure) {
        String value = Arguments.trimToNull(onGateFailure);
        this.onGateFailure = value == null ? Criticality.FAILURE.name() : value;
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

    /** @return the registry model name for a bare baseline alias, or {@code null} */
    public String getName() {
        return name;
    }

    /** @param name the registry model name for {@code baseline: 'champion'}; default: the configured default model name */
    @DataBoundSetter
    public void setName(String name) {
        this.name = Arguments.trimToNull(name);
    }

    /** @return the registry folder overriding the global one, or {@code null} */
    public String getRegistry() {
        return registry;
    }

    /** @param registry the registry folder on the agent for a registry baseline, overriding the global one */
    @DataBoundSetter
    public void setRegistry(String registry) {
        this.registry = Arguments.trimToNull(registry);
    }

    /**
     * Validates the arguments.
     *
     * @return the request for the engine
     * @throws IllegalArgumentException with a message naming the step and the argument
     */
    public EvaluateRequest toRequest() {
        String f = EvaluateRunner.FUNCTION;
        if (model == null) {
            throw Arguments.invalid(f, "'model' must be given");
        }
        if (data == null) {
            throw Arguments.invalid(f, "'data' must be given: the labelled test data");
        }
        List<String> checkedGates = new ArrayList<>();
        for (int i = 0; i < gates.size(); i++) {
            String gate = gates.get(i) == null ? null : gates.get(i).getExpression();
            if (gate == null) {
                throw Arguments.invalid(f, "gate " + (i + 1) + " of 'gates' is blank");
            }
            checkedGates.add(gate);
        }
        Optional<String> problem = ArgumentChecks.onGateFailure(onGateFailure);
        if (problem.isPresent()) {
            throw Arguments.invalid(f, problem.get());
        }
        Optional<String> badName = ArgumentChecks.name("name", name);
        if (badName.isPresent()) {
            throw Arguments.invalid(f, badName.get());
        }
        Criticality result = Criticality.valueOf(onGateFailure.toUpperCase(Locale.ROOT));
        String metadataFile = metadata != null ? metadata : ".mlops/evaluate-run-metadata.json";
        return new EvaluateRequest(
                model, data, checkedGates, baseline, result, metadataFile, name, registry, csvFormat(f));
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        try {
            return new EngineStepExecution(context, toRequest());
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /** Registers {@code mlEvaluate}. */
    @Extension(dynamicLoadable = YesNoMaybe.YES)
    public static final class DescriptorImpl extends CsvDataStepDescriptor implements CustomDescribableModel {
        /** Creates the descriptor. */
        public DescriptorImpl() {
            super(EvaluateRunner.FUNCTION, "EvaluateStep.DisplayName");
        }

        /** Accepts gates as texts, {@code gates: ['accuracy >= 0.9']}, as scripts write them. */
        @Override
        public Map<String, Object> customInstantiate(Map<String, Object> arguments) {
            return ShortForms.gatesIn(arguments);
        }

        /** Writes gates as texts in generated snippets. */
        @Override
        public UninstantiatedDescribable customUninstantiate(UninstantiatedDescribable step) {
            return step.withArguments(ShortForms.gatesOut(step.getArguments(), AgentStepDescriptor::argumentsOf));
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
         * Validates the onGateFailure field of the Snippet Generator.
         *
         * @param value the field's text
         * @return ok, or the problem
         */
        public FormValidation doCheckOnGateFailure(@QueryParameter("value") String value) {
            return ArgumentChecks.toForm(ArgumentChecks.onGateFailure(value));
        }
    }
}

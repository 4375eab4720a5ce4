package io.jenkins.plugins.mlops.steps;

import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.mlops.Messages;
import io.jenkins.plugins.mlops.runner.EvaluateRequest;
import io.jenkins.plugins.mlops.runner.EvaluateRunner;
import io.jenkins.plugins.mlops.runner.GateFailureResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import jenkins.YesNoMaybe;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * The {@code mlEvaluate} step: evaluates a model on the agent and applies quality gates.
 * <pre>
 * mlEvaluate(model: 'model/model.tribuo', data: 'data/test.csv',
 *            gates: ['accuracy &gt;= 0.90', 'macroF1 &gt;= 0.85'], baseline: 'previous', onGateFailure: 'FAILURE')
 * </pre>
 */
public class EvaluateStep extends Step {
    private final String model;
    private String data;
    private List<String> gates = new ArrayList<>();
    private String baseline;
    private String onGateFailure = GateFailureResult.FAILURE.name();
    private String metadata;

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
    public List<String> getGates() {
        return gates;
    }

    /** @param gates quality gates such as {@code accuracy >= 0.90} */
    @DataBoundSetter
    public void setGates(List<String> gates) {
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
        this.onGateFailure = value == null ? GateFailureResult.FAILURE.name() : value;
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
     * @return the request for the engine
     * @throws IllegalArgumentException with a message naming the step and the argument
     */
    public EvaluateRequest toRequest() {
        String f = EvaluateRunner.FUNCTION;
        if (model == null) {
            throw Arguments.invalid(f, "'model' must be given");
        }
        List<String> checkedGates = new ArrayList<>();
        for (int i = 0; i < gates.size(); i++) {
            String gate = Arguments.trimToNull(gates.get(i));
            if (gate == null) {
                throw Arguments.invalid(f, "gate " + (i + 1) + " of 'gates' is blank");
            }
            checkedGates.add(gate);
        }
        Optional<String> problem = ArgumentChecks.onGateFailure(onGateFailure);
        if (problem.isPresent()) {
            throw Arguments.invalid(f, problem.get());
        }
        GateFailureResult result = GateFailureResult.valueOf(onGateFailure.toUpperCase(Locale.ROOT));
        String metadataFile = metadata != null ? metadata : ".mlops/evaluate-run-metadata.json";
        return new EvaluateRequest(model, data, checkedGates, baseline, result, metadataFile);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        try {
            return new EvaluateExecution(context, toRequest());
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /** Registers {@code mlEvaluate}. */
    @Extension(dynamicLoadable = YesNoMaybe.YES)
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return EvaluateRunner.FUNCTION;
        }

        @Override
        public String getDisplayName() {
            return Messages.format("EvaluateStep.DisplayName");
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, Launcher.class, TaskListener.class);
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

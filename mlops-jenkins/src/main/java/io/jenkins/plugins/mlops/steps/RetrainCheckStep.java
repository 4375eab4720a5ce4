package io.jenkins.plugins.mlops.steps;

import hudson.AbortException;
import hudson.Extension;
import jenkins.YesNoMaybe;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The {@code mlRetrainCheck} step: {@code mlRetrainWhen} without a block. Pipeline's DSL makes a step that takes a
 * block require one, so the check that only returns the decision is a step of its own, with the same arguments,
 * recording and return value.
 * <pre>
 * def decision = mlRetrainCheck(model: 'receipts@champion', maxAgeDays: 30)
 * if (decision.retrain) { ... }
 * </pre>
 */
public class RetrainCheckStep extends RetrainWhenStep {
    /** The step's function name. */
    public static final String FUNCTION = "mlRetrainCheck";

    /**
     * Creates the step.
     *
     * @param model the current model: a bundle folder in the workspace or {@code NAME@REF}
     */
    @DataBoundConstructor
    public RetrainCheckStep(String model) {
        super(model);
    }

    @Override
    protected String functionName() {
        return FUNCTION;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        try {
            return new EngineStepExecution(context, toRequest());
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /** Registers {@code mlRetrainCheck}, a step without a block. */
    @Extension(dynamicLoadable = YesNoMaybe.YES)
    @Symbol(FUNCTION)
    public static final class DescriptorImpl extends CsvDataStepDescriptor {
        /** Creates the descriptor. */
        public DescriptorImpl() {
            super(FUNCTION, "RetrainCheckStep.DisplayName");
        }
    }
}

package io.jenkins.plugins.mlops.steps;

import io.jenkins.plugins.mlops.execution.EngineStepRun;
import io.jenkins.plugins.mlops.execution.RetrainCheckRequest;
import io.jenkins.plugins.mlops.execution.RetrainCheckRunner;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * The execution of {@code mlRetrainWhen}: the check runs durably as every engine step does ({@link EngineStepRun});
 * when retraining is due and the step has a block, the block runs and the step then returns the decision. Without a
 * block, or when nothing is due, the step returns the decision at once; a skipped block is no failure.
 */
final class RetrainWhenExecution extends StepExecution {
    private static final long serialVersionUID = 1L;

    private final EngineStepRun run;

    /**
     * Creates the execution.
     *
     * @param context the step context
     * @param request the step's validated arguments
     */
    RetrainWhenExecution(StepContext context, RetrainCheckRequest request) {
        super(context);
        this.run = new EngineStepRun(request);
    }

    @Override
    public boolean start() {
        run.start(new BlockSite(getContext()));
        return false;
    }

    @Override
    public void onResume() {
        run.resume(new BlockSite(getContext()));
    }

    @Override
    public void stop(Throwable cause) {
        run.stop(cause, new BlockSite(getContext()));
    }

    /** The step context, running the block when the decision says retraining is due. */
    static final class BlockSite extends EngineStepExecution.ContextSite {
        private final StepContext context;

        BlockSite(StepContext context) {
            super(context);
            this.context = context;
        }

        @Override
        public void succeed(Object result) {
            if (result instanceof Map<?, ?> decision && RetrainCheckRunner.isDue(decision) && context.hasBody()) {
                try {
                    context.newBodyInvoker()
                            .withCallback(new ReturnDecision(new LinkedHashMap<>(decision)))
                            .start();
                } catch (RuntimeException e) { // the run counts as done: only this ends the step now
                    fail(e);
                }
            } else {
                super.succeed(result);
            }
        }
    }

    /** Ends the step when the block ended: with the decision, or with the block's failure. */
    static final class ReturnDecision extends BodyExecutionCallback {
        private static final long serialVersionUID = 1L;

        private final LinkedHashMap<?, ?> decision;

        ReturnDecision(LinkedHashMap<?, ?> decision) {
            this.decision = decision;
        }

        @Override
        public void onSuccess(StepContext context, Object result) {
            context.onSuccess(decision);
        }

        @Override
        public void onFailure(StepContext context, Throwable t) {
            context.onFailure(t);
        }
    }
}

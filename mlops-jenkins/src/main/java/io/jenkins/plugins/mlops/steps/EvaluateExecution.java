package io.jenkins.plugins.mlops.steps;

import io.jenkins.plugins.mlops.runner.EvaluateRequest;
import io.jenkins.plugins.mlops.runner.EvaluateRunner;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/** Runs {@code mlEvaluate} off the CPS thread; the work is done by {@link EvaluateRunner}. */
class EvaluateExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    private final EvaluateRequest request;

    EvaluateExecution(StepContext context, EvaluateRequest request) {
        super(context);
        this.request = request;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        return new EvaluateRunner(JenkinsFacade.of(getContext())).run(request);
    }
}

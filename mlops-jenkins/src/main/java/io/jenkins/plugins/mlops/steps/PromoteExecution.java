package io.jenkins.plugins.mlops.steps;

import io.jenkins.plugins.mlops.runner.PromoteRequest;
import io.jenkins.plugins.mlops.runner.PromoteRunner;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/** Runs {@code mlPromote} off the CPS thread; the work is done by {@link PromoteRunner}. */
class PromoteExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    private final PromoteRequest request;

    PromoteExecution(StepContext context, PromoteRequest request) {
        super(context);
        this.request = request;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        return new PromoteRunner(JenkinsFacade.of(getContext())).run(request);
    }
}

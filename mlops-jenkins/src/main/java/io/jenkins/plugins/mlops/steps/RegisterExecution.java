package io.jenkins.plugins.mlops.steps;

import io.jenkins.plugins.mlops.runner.RegisterRequest;
import io.jenkins.plugins.mlops.runner.RegisterRunner;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/** Runs {@code mlRegister} off the CPS thread; the work is done by {@link RegisterRunner}. */
class RegisterExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    private final RegisterRequest request;

    RegisterExecution(StepContext context, RegisterRequest request) {
        super(context);
        this.request = request;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        return new RegisterRunner(JenkinsFacade.of(getContext())).run(request);
    }
}

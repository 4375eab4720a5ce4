package io.jenkins.plugins.mlops.steps;

import io.jenkins.plugins.mlops.runner.DeployRequest;
import io.jenkins.plugins.mlops.runner.DeployRunner;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/** Runs {@code mlDeploy} off the CPS thread; the work is done by {@link DeployRunner}. */
class DeployExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    private final DeployRequest request;

    DeployExecution(StepContext context, DeployRequest request) {
        super(context);
        this.request = request;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        return new DeployRunner(JenkinsFacade.of(getContext())).run(request);
    }
}

package io.jenkins.plugins.mlops.steps;

import io.jenkins.plugins.mlops.runner.TrainRequest;
import io.jenkins.plugins.mlops.runner.TrainRunner;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/** Runs {@code mlTrain} off the CPS thread; the work is done by {@link TrainRunner}. */
class TrainExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    private final TrainRequest request;

    TrainExecution(StepContext context, TrainRequest request) {
        super(context);
        this.request = request;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        return new TrainRunner(JenkinsFacade.of(getContext())).run(request);
    }
}

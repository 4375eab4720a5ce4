// Compile-only stand-in: declarations mirror workflow-step-api 710.v3e456cc85233
// (org.jenkins-ci.plugins.workflow:workflow-step-api). Not packaged.
package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

public abstract class StepExecution implements Serializable {
    protected StepExecution(StepContext context) {}

    public StepContext getContext() {
        throw new UnsupportedOperationException();
    }

    public abstract boolean start() throws Exception;

    public void stop(Throwable cause) throws Exception {
        throw new UnsupportedOperationException();
    }

    public void onResume() {}
}

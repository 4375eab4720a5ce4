// Compile-only stand-in: declarations mirror workflow-step-api 710.v3e456cc85233
// (org.jenkins-ci.plugins.workflow:workflow-step-api). Not packaged.
package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

public abstract class BodyExecutionCallback implements Serializable {
    public void onStart(StepContext context) {}

    public abstract void onSuccess(StepContext context, Object result);

    public abstract void onFailure(StepContext context, Throwable t);
}

// Compile-only stand-in: declarations mirror workflow-step-api 710.v3e456cc85233
// (org.jenkins-ci.plugins.workflow:workflow-step-api). Not packaged.
package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Set;

public abstract class StepDescriptor extends Descriptor<Step> {
    public abstract Set<? extends Class<?>> getRequiredContext();

    public abstract String getFunctionName();

    public boolean takesImplicitBlockArgument() {
        return false;
    }
}

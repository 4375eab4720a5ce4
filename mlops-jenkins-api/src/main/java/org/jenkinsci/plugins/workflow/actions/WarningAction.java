// Compile-only stand-in: declarations mirror workflow-api 1336.vee415d95c521
// (org.jenkins-ci.plugins.workflow:workflow-api).
// Not packaged.
package org.jenkinsci.plugins.workflow.actions;

import hudson.model.Result;

public class WarningAction implements PersistentAction {
    public WarningAction(Result result) {}

    public WarningAction withMessage(String message) {
        throw new UnsupportedOperationException();
    }

    public String getMessage() {
        throw new UnsupportedOperationException();
    }

    public Result getResult() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException();
    }
}

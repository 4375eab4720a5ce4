// Compile-only stand-in: declarations mirror workflow-api 1336.vee415d95c521
// (org.jenkins-ci.plugins.workflow:workflow-api).
// Not packaged.
package org.jenkinsci.plugins.workflow.actions;

import hudson.model.Action;

public interface PersistentAction extends Action {}

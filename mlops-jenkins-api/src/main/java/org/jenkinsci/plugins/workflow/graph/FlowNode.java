// Compile-only stand-in: declarations mirror workflow-api 1336.vee415d95c521
// (org.jenkins-ci.plugins.workflow:workflow-api).
// Not packaged.
package org.jenkinsci.plugins.workflow.graph;

import hudson.model.Actionable;

public abstract class FlowNode extends Actionable {}

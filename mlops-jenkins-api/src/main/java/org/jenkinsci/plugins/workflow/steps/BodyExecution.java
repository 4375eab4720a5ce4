// Compile-only stand-in: declarations mirror workflow-step-api 710.v3e456cc85233
// (org.jenkins-ci.plugins.workflow:workflow-step-api). Not packaged.
package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;
import java.util.concurrent.Future;

public abstract class BodyExecution implements Future<Object>, Serializable {}

// Compile-only stand-in: declarations mirror durable-task 581.v299a_5609d767
// (org.jenkins-ci.plugins:durable-task). Not packaged.
package org.jenkinsci.plugins.durabletask;

public final class BourneShellScript extends FileMonitoringTask {
    public BourneShellScript(String script) {
        throw new UnsupportedOperationException();
    }
}

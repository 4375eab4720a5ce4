// Compile-only stand-in: declarations mirror jenkins-core 2.479.3 (org.jenkins-ci.main:jenkins-core). Not packaged.
package hudson.model.listeners;

import hudson.ExtensionPoint;
import hudson.model.Run;
import hudson.model.TaskListener;

@SuppressWarnings("rawtypes")
public abstract class RunListener<R extends Run> implements ExtensionPoint {
    protected RunListener() {}

    public void onCompleted(R r, TaskListener listener) {}
}

// Compile-only stand-in: declarations mirror durable-task 581.v299a_5609d767
// (org.jenkins-ci.plugins:durable-task). Not packaged.
package org.jenkinsci.plugins.durabletask;

import hudson.EnvVars;
import hudson.ExtensionPoint;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractDescribableImpl;
import hudson.model.TaskListener;
import java.io.IOException;
import java.nio.charset.Charset;

public abstract class DurableTask extends AbstractDescribableImpl<DurableTask> implements ExtensionPoint {
    public abstract Controller launch(EnvVars env, FilePath workspace, Launcher launcher, TaskListener listener)
            throws IOException, InterruptedException;

    public void captureOutput() throws UnsupportedOperationException {
        throw new UnsupportedOperationException();
    }

    public void charset(Charset cs) {
        throw new UnsupportedOperationException();
    }
}

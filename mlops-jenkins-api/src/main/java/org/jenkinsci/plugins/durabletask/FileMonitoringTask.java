// Compile-only stand-in: declarations mirror durable-task 581.v299a_5609d767
// (org.jenkins-ci.plugins:durable-task). Not packaged.
package org.jenkinsci.plugins.durabletask;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.TaskListener;
import java.io.IOException;

public abstract class FileMonitoringTask extends DurableTask {
    @Override
    public final Controller launch(EnvVars env, FilePath workspace, Launcher launcher, TaskListener listener)
            throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }
}

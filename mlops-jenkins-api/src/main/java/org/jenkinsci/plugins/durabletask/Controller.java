// Compile-only stand-in: declarations mirror durable-task 581.v299a_5609d767
// (org.jenkins-ci.plugins:durable-task). Not packaged.
package org.jenkinsci.plugins.durabletask;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.TaskListener;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;

public abstract class Controller implements Serializable {
    public abstract boolean writeLog(FilePath workspace, OutputStream sink) throws IOException, InterruptedException;

    public Integer exitStatus(FilePath workspace, Launcher launcher, TaskListener logger)
            throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public byte[] getOutput(FilePath workspace, Launcher launcher) throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public void stop(FilePath workspace, Launcher launcher) throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public abstract void cleanup(FilePath workspace) throws IOException, InterruptedException;
}

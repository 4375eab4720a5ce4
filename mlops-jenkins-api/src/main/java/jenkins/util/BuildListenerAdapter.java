// Compile-only stand-in: declarations mirror jenkins-core 2.479.3 (org.jenkins-ci.main:jenkins-core). Not packaged.
package jenkins.util;

import hudson.model.BuildListener;
import hudson.model.TaskListener;

public final class BuildListenerAdapter {
    private BuildListenerAdapter() {}

    public static BuildListener wrap(TaskListener l) {
        throw new UnsupportedOperationException();
    }
}

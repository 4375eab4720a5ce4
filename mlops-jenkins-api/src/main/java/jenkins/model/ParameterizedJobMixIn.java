// Compile-only stand-in: declarations mirror jenkins-core 2.479.3 (org.jenkins-ci.main:jenkins-core). Not packaged.
package jenkins.model;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Run;

public abstract class ParameterizedJobMixIn<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> {
    public static Queue.Item scheduleBuild2(final Job<?, ?> job, int quietPeriod, Action... actions) {
        throw new UnsupportedOperationException();
    }
}

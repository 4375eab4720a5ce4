// Compile-only stand-in: declarations mirror jenkins-core 2.479.3 (org.jenkins-ci.main:jenkins-core). Not packaged.
package jenkins.util;

import java.util.concurrent.ScheduledExecutorService;

public class Timer {
    public static synchronized ScheduledExecutorService get() {
        throw new UnsupportedOperationException();
    }
}

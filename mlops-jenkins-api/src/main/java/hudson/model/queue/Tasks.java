// Compile-only stand-in: declarations mirror jenkins-core 2.479.3 (org.jenkins-ci.main:jenkins-core). Not packaged.
package hudson.model.queue;

import hudson.model.Queue;
import org.springframework.security.core.Authentication;

public class Tasks {
    public static Authentication getAuthenticationOf2(Queue.Task t) {
        throw new UnsupportedOperationException();
    }
}

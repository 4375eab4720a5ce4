// Compile-only stand-in: declarations mirror jenkins-core 2.479.3 (org.jenkins-ci.main:jenkins-core). Not packaged.
package hudson;

import java.io.IOException;

public class AbortException extends IOException {
    public AbortException(String message) {
        super(message);
    }
}

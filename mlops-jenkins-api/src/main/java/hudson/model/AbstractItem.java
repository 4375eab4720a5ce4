// Compile-only stand-in: declarations mirror jenkins-core 2.479.3 (org.jenkins-ci.main:jenkins-core). Not packaged.
package hudson.model;

import java.io.File;

public abstract class AbstractItem extends Actionable implements Item {
    public File getRootDir() {
        throw new UnsupportedOperationException();
    }
}

// Compile-only stand-in: declarations mirror jenkins-core 2.479.3 (org.jenkins-ci.main:jenkins-core). Not packaged.
package jenkins.model;

import hudson.FilePath;
import hudson.model.AbstractCIBase;
import hudson.model.Node;
import hudson.security.AccessControlled;
import hudson.security.Permission;

public class Jenkins extends AbstractCIBase implements AccessControlled {
    public static final Permission ADMINISTER = null;

    public Node getNode(String name) {
        throw new UnsupportedOperationException();
    }

    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException();
    }

    @Override
    public FilePath getRootPath() {
        throw new UnsupportedOperationException();
    }
}

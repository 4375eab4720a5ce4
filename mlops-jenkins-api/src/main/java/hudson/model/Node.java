// Compile-only stand-in: declarations mirror jenkins-core 2.479.3 (org.jenkins-ci.main:jenkins-core). Not packaged.
package hudson.model;

import hudson.FilePath;

public abstract class Node extends AbstractModelObject {
    public abstract FilePath getRootPath();

    public FilePath createPath(String absolutePath) {
        throw new UnsupportedOperationException();
    }
}

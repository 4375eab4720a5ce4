// Compile-only stand-in: declarations mirror jenkins-core 2.479.3 (org.jenkins-ci.main:jenkins-core). Not packaged.
package hudson.model;

public abstract class Computer extends Actionable {
    public Node getNode() {
        throw new UnsupportedOperationException();
    }
}

// Compile-only stand-in: declarations mirror jenkins-core 2.479.3 (org.jenkins-ci.main:jenkins-core). Not packaged.
package hudson.model;

import java.util.List;

public abstract class Actionable extends AbstractModelObject {
    public <T extends Action> List<T> getActions(Class<T> type) {
        throw new UnsupportedOperationException();
    }

    public void addAction(Action a) {
        throw new UnsupportedOperationException();
    }

    public boolean addOrReplaceAction(Action a) {
        throw new UnsupportedOperationException();
    }
}

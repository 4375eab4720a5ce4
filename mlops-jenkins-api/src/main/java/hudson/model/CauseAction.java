// Compile-only stand-in: declarations mirror jenkins-core 2.479.3 (org.jenkins-ci.main:jenkins-core). Not packaged.
package hudson.model;

import jenkins.model.RunAction2;

public class CauseAction implements RunAction2 {
    public CauseAction(Cause c) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException();
    }
}

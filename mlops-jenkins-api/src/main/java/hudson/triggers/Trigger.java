// Compile-only stand-in: declarations mirror jenkins-core 2.479.3 (org.jenkins-ci.main:jenkins-core). Not packaged.
package hudson.triggers;

import hudson.ExtensionPoint;
import hudson.model.Action;
import hudson.model.Describable;
import hudson.model.Item;
import java.util.Collection;

public abstract class Trigger<J extends Item> implements Describable<Trigger<?>>, ExtensionPoint {
    protected final String spec;
    protected transient J job;

    protected Trigger(String cronTabSpec) {
        this.spec = cronTabSpec;
    }

    protected Trigger() {
        this.spec = "";
    }

    public void start(J project, boolean newInstance) {
        throw new UnsupportedOperationException();
    }

    public void run() {
        throw new UnsupportedOperationException();
    }

    public void stop() {
        throw new UnsupportedOperationException();
    }

    public Collection<? extends Action> getProjectActions() {
        throw new UnsupportedOperationException();
    }

    @Override
    public TriggerDescriptor getDescriptor() {
        throw new UnsupportedOperationException();
    }

    public final String getSpec() {
        throw new UnsupportedOperationException();
    }
}

// Compile-only stand-in: declarations mirror jenkins-core 2.479.3 (org.jenkins-ci.main:jenkins-core). Not packaged.
package hudson.triggers;

import hudson.model.Descriptor;
import hudson.model.Item;

public abstract class TriggerDescriptor extends Descriptor<Trigger<?>> {
    protected TriggerDescriptor() {}

    public abstract boolean isApplicable(Item item);
}

// Compile-only stand-in: declarations mirror jenkins-core 2.479.3 (org.jenkins-ci.main:jenkins-core). Not packaged.
package hudson.model;

public class Queue extends ResourceController {
    public interface Task extends ModelObject {}

    public abstract static class Item extends Actionable {}
}

// Compile-only stand-in: declarations mirror jenkins-core 2.479.3 (org.jenkins-ci.main:jenkins-core). Not packaged.
package hudson.model;

public abstract class Descriptor<T extends Describable<T>> {
    protected Descriptor() {}

    public synchronized void save() {
        throw new UnsupportedOperationException();
    }

    public synchronized void load() {
        throw new UnsupportedOperationException();
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    public static final class FormException extends Exception {
        public FormException(String message, String formField) {}

        public String getFormField() {
            throw new UnsupportedOperationException();
        }
    }
}

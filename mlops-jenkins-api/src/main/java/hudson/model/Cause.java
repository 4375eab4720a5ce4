// Compile-only stand-in: declarations mirror jenkins-core 2.479.3 (org.jenkins-ci.main:jenkins-core). Not packaged.
package hudson.model;

public abstract class Cause {
    public abstract String getShortDescription();

    public static class UserIdCause extends Cause {
        @Override
        public String getShortDescription() {
            throw new UnsupportedOperationException();
        }

        public String getUserId() {
            throw new UnsupportedOperationException();
        }
    }
}

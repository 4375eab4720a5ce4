// Compile-only stand-in: declarations mirror jenkins-core 2.479.3 (org.jenkins-ci.main:jenkins-core). Not packaged.
package hudson.model;

public final class Result {
    public static final Result SUCCESS = null;

    public static final Result UNSTABLE = null;

    public static final Result FAILURE = null;

    private Result() {}
}

// Compile-only stand-in: declarations mirror remoting 3261.v9c670a_4748a_9 (org.jenkins-ci.main:remoting). Not
// packaged.
package hudson.remoting;

public interface VirtualChannel {}

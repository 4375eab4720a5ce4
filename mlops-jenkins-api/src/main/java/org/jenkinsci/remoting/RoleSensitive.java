// Compile-only stand-in: declarations mirror remoting 3261.v9c670a_4748a_9 (org.jenkins-ci.main:remoting). Not
// packaged.
package org.jenkinsci.remoting;

public interface RoleSensitive {
    void checkRoles(RoleChecker checker) throws SecurityException;
}

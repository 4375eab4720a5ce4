// Compile-only stand-in: declarations mirror credentials 1453.v9b_a_29777a_b_fd (org.jenkins-ci.plugins:credentials).
// Not packaged.
package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

public interface UsernameCredentials extends Credentials {
    String getUsername();
}

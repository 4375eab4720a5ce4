// Compile-only stand-in: declarations mirror plain-credentials 199.v9f8e1f741799
// (org.jenkins-ci.plugins:plain-credentials). Not packaged.
package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.util.Secret;

public interface StringCredentials extends StandardCredentials {
    Secret getSecret();
}

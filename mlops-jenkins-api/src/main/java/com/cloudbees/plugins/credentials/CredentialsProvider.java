// Compile-only stand-in: declarations mirror credentials 1453.v9b_a_29777a_b_fd (org.jenkins-ci.plugins:credentials).
// Not packaged.
package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.Run;
import java.util.List;
import org.springframework.security.core.Authentication;

public abstract class CredentialsProvider extends Descriptor<CredentialsProvider>
        implements ExtensionPoint, Describable<CredentialsProvider> {
    public static <C extends IdCredentials> C findCredentialById(String id, Class<C> type, Run<?, ?> run) {
        throw new UnsupportedOperationException();
    }

    public static <C extends Credentials> List<C> lookupCredentialsInItem(
            Class<C> type, Item item, Authentication authentication) {
        throw new UnsupportedOperationException();
    }

    public static <C extends Credentials> C track(Run<?, ?> build, C credentials) {
        throw new UnsupportedOperationException();
    }
}

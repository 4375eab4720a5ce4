// Compile-only stand-in: declarations mirror credentials 1453.v9b_a_29777a_b_fd (org.jenkins-ci.plugins:credentials).
// Not packaged.
package com.cloudbees.plugins.credentials.common;

import hudson.model.Item;
import hudson.util.ListBoxModel;
import org.springframework.security.core.Authentication;

public abstract class AbstractIdCredentialsListBoxModel<
                T extends AbstractIdCredentialsListBoxModel<T, C>, C extends IdCredentials>
        extends ListBoxModel {
    public AbstractIdCredentialsListBoxModel<T, C> includeEmptyValue() {
        throw new UnsupportedOperationException();
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeAs(
            Authentication authentication, Item context, Class<? extends C> type) {
        throw new UnsupportedOperationException();
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeCurrentValue(String value) {
        throw new UnsupportedOperationException();
    }
}

package io.jenkins.plugins.mlops.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.when;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Job;
import hudson.util.Secret;
import io.jenkins.plugins.mlops.triggers.poll.PollException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.Test;
import org.mockito.MockedStatic;

class TriggerCredentialsTest {
    private final Job<?, ?> job = mock(Job.class);

    @Test
    void shouldSendAUsernameWithPasswordAsBasicAuthentication() throws Exception {
        StandardUsernamePasswordCredentials login = login("data-reader", "data-reader", "pä:ss");

        String header = authorizationWith("data-reader", login);

        assertThat(header).isEqualTo("Basic ZGF0YS1yZWFkZXI6cMOkOnNz");
        assertThat(new String(Base64.getDecoder().decode(header.substring("Basic ".length())), StandardCharsets.UTF_8))
                .isEqualTo("data-reader:pä:ss");
    }

    @Test
    void shouldStillSendSecretTextAsABearerToken() throws Exception {
        StringCredentials token = mock(StringCredentials.class);
        when(token.getId()).thenReturn("token");
        Secret secret = secret("t0k3n");
        when(token.getSecret()).thenReturn(secret);

        assertThat(authorizationWith("token", login("other", "u", "p"), token)).isEqualTo("Bearer t0k3n");
    }

    @Test
    void shouldRefuseAUserNameWithAColonWithoutPrintingThePassword() {
        StandardUsernamePasswordCredentials login = login("colon", "a:b", "secret-password");

        assertThatThrownBy(() -> authorizationWith("colon", login))
                .isInstanceOf(PollException.class)
                .hasMessage("credentialsId 'colon': the user name of a \"Username with password\" credential must not"
                        + " contain ':' (HTTP Basic authentication cannot send it)")
                .hasMessageNotContaining("secret-password");
    }

    @Test
    void shouldNameBothKindsWhenNoCredentialHasTheId() {
        when(job.getFullName()).thenReturn("folder/retrain");

        assertThatThrownBy(() -> authorizationWith("missing", login("other", "u", "p")))
                .isInstanceOf(PollException.class)
                .hasMessage("credentialsId 'missing': no \"Secret text\" or \"Username with password\" credential with"
                        + " this ID is available to folder/retrain");
    }

    private String authorizationWith(final String id, final StandardCredentials... available) throws PollException {
        try (MockedStatic<CredentialsProvider> provider = mockStatic(CredentialsProvider.class)) {
            provider.when(() ->
                            CredentialsProvider.lookupCredentialsInItem(eq(StandardCredentials.class), eq(job), any()))
                    .thenReturn(List.of(available));
            return TriggerCredentials.authorization(job, id);
        }
    }

    private static StandardUsernamePasswordCredentials login(
            final String id, final String user, final String password) {
        StandardUsernamePasswordCredentials login = mock(StandardUsernamePasswordCredentials.class);
        when(login.getId()).thenReturn(id);
        when(login.getUsername()).thenReturn(user);
        Secret secret = secret(password);
        when(login.getPassword()).thenReturn(secret);
        return login;
    }

    private static Secret secret(final String text) {
        Secret secret = mock(Secret.class);
        when(secret.getPlainText()).thenReturn(text);
        return secret;
    }
}

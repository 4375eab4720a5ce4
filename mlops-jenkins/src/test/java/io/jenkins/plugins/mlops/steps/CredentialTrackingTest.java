package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.when;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.mlops.execution.StepFailure;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.junit.jupiter.api.Test;
import org.mockito.MockedStatic;

/** Using a secret records the build on the credential's usage page (credentials plugin fingerprints). */
class CredentialTrackingTest {
    @Test
    void shouldTrackTheCredentialWhenTheBuildUsesItsSecret() throws Exception {
        Run<?, ?> run = mock(Run.class);
        StringCredentials credentials = mock(StringCredentials.class);
        Secret secret = mock(Secret.class);
        when(secret.getPlainText()).thenReturn("s3cr3t");
        when(credentials.getSecret()).thenReturn(secret);
        JenkinsFacade facade = JenkinsFacade.of(contextOf(run));

        try (MockedStatic<CredentialsProvider> provider = mockStatic(CredentialsProvider.class)) {
            provider.when(() -> CredentialsProvider.findCredentialById("serving-admin", StringCredentials.class, run))
                    .thenReturn(credentials);

            assertThat(facade.secretText("serving-admin")).isEqualTo("s3cr3t");

            provider.verify(() -> CredentialsProvider.track(run, credentials));
        }
    }

    @Test
    void shouldNotTrackAnythingWhenTheCredentialIsMissing() throws Exception {
        Run<?, ?> run = mock(Run.class);
        JenkinsFacade facade = JenkinsFacade.of(contextOf(run));

        try (MockedStatic<CredentialsProvider> provider = mockStatic(CredentialsProvider.class)) {
            assertThatThrownBy(() -> facade.secretText("nope"))
                    .isInstanceOf(StepFailure.class)
                    .hasMessage("[mlDeploy] no 'Secret text' credentials with id 'nope' that this build may use");

            provider.verify(() -> CredentialsProvider.track(any(Run.class), any()), org.mockito.Mockito.never());
        }
    }

    private static StepContext contextOf(final Run<?, ?> run) throws Exception {
        StepContext context = mock(StepContext.class);
        when(context.get(Run.class)).thenReturn((Run) run);
        return context;
    }
}

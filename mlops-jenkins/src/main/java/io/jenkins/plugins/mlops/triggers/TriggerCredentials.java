package io.jenkins.plugins.mlops.triggers;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mlops.triggers.poll.PollException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.springframework.security.core.Authentication;

/**
 * The credentials of protected URLs and services, looked up as the job's builds would: a "Secret text" credential
 * is sent as {@code Authorization: Bearer}, a "Username with password" credential as {@code Authorization: Basic}.
 * The secret goes into the request header only: never into a log, a message or a command line.
 */
final class TriggerCredentials {
    private static final String KINDS = "\"Secret text\" or \"Username with password\"";

    private TriggerCredentials() {}

    /**
     * @param job           the job
     * @param credentialsId the credential's ID, or blank for none
     * @return the {@code Authorization} header value, or {@code null} for none
     * @throws PollException naming the ID (never the secret) if the job cannot see such a credential
     */
    static String authorization(final Job<?, ?> job, final String credentialsId) throws PollException {
        if (credentialsId == null || credentialsId.isBlank()) {
            return null;
        }
        for (StandardCredentials credentials :
                CredentialsProvider.lookupCredentialsInItem(StandardCredentials.class, job, buildsOf(job))) {
            if (!credentials.getId().equals(credentialsId)) {
                continue;
            }
            if (credentials instanceof StringCredentials token) {
                return "Bearer " + token.getSecret().getPlainText();
            }
            if (credentials instanceof StandardUsernamePasswordCredentials login) {
                return basic(credentialsId, login);
            }
        }
        throw new PollException("credentialsId '" + credentialsId + "': no " + KINDS + " credential with this ID is"
                + " available to " + job.getFullName());
    }

    // RFC 7617: user-id ":" password in UTF-8, Base64; a colon in the user name would move the split
    private static String basic(final String credentialsId, final StandardUsernamePasswordCredentials login)
            throws PollException {
        String user = login.getUsername();
        if (user == null || user.contains(":")) {
            throw new PollException("credentialsId '" + credentialsId + "': the user name of a \"Username with"
                    + " password\" credential must not contain ':' (HTTP Basic authentication cannot send it)");
        }
        String pair = user + ":" + login.getPassword().getPlainText();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param item    the job being configured, or {@code null}
     * @param current the field's current value
     * @return the "Secret text" and "Username with password" credentials the user may choose
     */
    static ListBoxModel choices(final Item item, final String current) {
        String value = current == null ? "" : current;
        StandardListBoxModel choices = new StandardListBoxModel();
        if (!TriggerJenkins.mayListCredentials(item)) {
            return choices.includeCurrentValue(value);
        }
        return choices.includeEmptyValue()
                .includeAs(buildsOf(item), item, StringCredentials.class)
                .includeAs(buildsOf(item), item, StandardUsernamePasswordCredentials.class)
                .includeCurrentValue(value);
    }

    // as whom the job's builds look credentials up (SYSTEM unless an authorization plugin says otherwise)
    private static Authentication buildsOf(final Item item) {
        return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }
}

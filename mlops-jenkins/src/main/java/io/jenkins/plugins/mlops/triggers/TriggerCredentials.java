package io.jenkins.plugins.mlops.triggers;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mlops.triggers.poll.PollException;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.springframework.security.core.Authentication;

/**
 * The credentials of protected URLs and services: a "Secret text" credential of the job, looked up as
 * the job's builds would, sent as {@code Authorization: Bearer}. The secret goes into the request header
 * only: never into a log, a message or a command line.
 */
final class TriggerCredentials {
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
        for (StringCredentials credentials :
                CredentialsProvider.lookupCredentialsInItem(StringCredentials.class, job, buildsOf(job))) {
            if (credentials.getId().equals(credentialsId)) {
                return "Bearer " + credentials.getSecret().getPlainText();
            }
        }
        throw new PollException("credentialsId '" + credentialsId + "': no \"Secret text\" credential with this ID is"
                + " available to " + job.getFullName());
    }

    /**
     * @param item    the job being configured, or {@code null}
     * @param current the field's current value
     * @return the "Secret text" credentials the user may choose
     */
    static ListBoxModel choices(final Item item, final String current) {
        String value = current == null ? "" : current;
        StandardListBoxModel choices = new StandardListBoxModel();
        if (!TriggerJenkins.mayListCredentials(item)) {
            return choices.includeCurrentValue(value);
        }
        return choices.includeEmptyValue()
                .includeAs(buildsOf(item), item, StringCredentials.class)
                .includeCurrentValue(value);
    }

    // as whom the job's builds look credentials up (SYSTEM unless an authorization plugin says otherwise)
    private static Authentication buildsOf(final Item item) {
        return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }
}

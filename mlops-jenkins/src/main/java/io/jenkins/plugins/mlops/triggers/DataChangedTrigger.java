package io.jenkins.plugins.mlops.triggers;

import hudson.Extension;
import hudson.model.Cause;
import hudson.model.Item;
import hudson.model.Job;
import hudson.triggers.TriggerDescriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mlops.triggers.poll.DataPoll;
import io.jenkins.plugins.mlops.triggers.poll.FolderScan;
import io.jenkins.plugins.mlops.triggers.poll.HttpSource;
import io.jenkins.plugins.mlops.triggers.poll.PathPattern;
import io.jenkins.plugins.mlops.triggers.poll.PollException;
import io.jenkins.plugins.mlops.triggers.poll.PollResult;
import io.jenkins.plugins.mlops.triggers.poll.PollState;
import io.jenkins.plugins.mlops.triggers.poll.UrlProbe;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code mlDataChanged}: starts a Pipeline build when training data changes, in a folder or glob on the
 * controller or on a named agent (size and modification time first, a content hash only for files that
 * differ), or behind an HTTP(S) URL (ETag, Last-Modified, size). The first poll, and the first after a
 * path or URL changed, only remembers what it sees; a restart is no change.
 */
public final class DataChangedTrigger extends PolledTrigger {
    /** The trigger's name in Pipelines. */
    public static final String SYMBOL = "mlDataChanged";

    private String path = "";
    private String node = "";
    private String url = "";
    private String credentialsId = "";

    /**
     * @param spec when to poll, a cron spec such as {@code H/15 * * * *}
     */
    @DataBoundConstructor
    public DataChangedTrigger(final String spec) {
        super(spec);
    }

    /** @return the folder, file or glob watched, absolute, or empty when a URL is watched */
    public String getPath() {
        return path;
    }

    /** @param path the folder, file or glob to watch, absolute */
    @DataBoundSetter
    public void setPath(final String path) {
        this.path = trim(path);
    }

    /** @return the agent the path is on, or empty for the controller */
    public String getNode() {
        return node;
    }

    /** @param node the agent the path is on; empty for the controller */
    @DataBoundSetter
    public void setNode(final String node) {
        this.node = trim(node);
    }

    /** @return the HTTP(S) URL watched, or empty when a path is watched */
    public String getUrl() {
        return url;
    }

    /** @param url the HTTP(S) URL to watch */
    @DataBoundSetter
    public void setUrl(final String url) {
        this.url = trim(url);
    }

    /** @return the ID of the "Secret text" or "Username with password" credential sent to the URL, or empty */
    public String getCredentialsId() {
        return credentialsId;
    }

    /**
     * @param credentialsId the ID of a "Secret text" credential (sent to the URL as a bearer token) or a "Username with
     *     password" credential (sent as HTTP Basic authentication)
     */
    @DataBoundSetter
    public void setCredentialsId(final String credentialsId) {
        this.credentialsId = trim(credentialsId);
    }

    private static String trim(final String value) {
        return value == null ? "" : value.trim();
    }

    @Override
    String symbol() {
        return SYMBOL;
    }

    @Override
    Cause causeOf(final String message) {
        return new DataChangedCause(message);
    }

    @Override
    PollResult poll(final Job<?, ?> owner, final PollState saved) throws PollException, InterruptedException {
        String source = source();
        Map<String, String> previous = saved.entriesOf(source);
        Map<String, String> now;
        if (!url.isEmpty()) {
            now = new UrlProbe(HttpSource.standard())
                    .probe(HttpSource.uri("url", url), TriggerCredentials.authorization(owner, credentialsId));
        } else if (node.isEmpty()) {
            now = FolderScan.scan(pattern(), previous);
        } else {
            now = TriggerJenkins.scanOnAgent(node, path, previous);
        }
        return DataPoll.compare(saved, source, now);
    }

    private PathPattern pattern() throws PollException {
        if (path.isEmpty()) {
            throw new PollException(SYMBOL + " needs path or url");
        }
        try {
            return PathPattern.of(path);
        } catch (IllegalArgumentException invalid) {
            throw new PollException(invalid.getMessage(), invalid);
        }
    }

    /** @return what is watched, as the state remembers it: the URL, the path, or node and path */
    String source() throws PollException {
        if (!url.isEmpty() && !path.isEmpty()) {
            throw new PollException(SYMBOL + " takes either path or url, not both");
        }
        if (!url.isEmpty()) {
            return url;
        }
        if (path.isEmpty()) {
            throw new PollException(SYMBOL + " needs path (a folder, file or glob) or url");
        }
        return node.isEmpty() ? path : node + ":" + path;
    }

    /** The trigger's descriptor: {@code mlDataChanged}, for Pipeline jobs only. */
    @Extension
    @Symbol(SYMBOL)
    public static final class DescriptorImpl extends TriggerDescriptor {
        @Override
        public boolean isApplicable(final Item item) {
            return PipelineJobs.isPipeline(item);
        }

        @Override
        public String getDisplayName() {
            return TriggerMessages.format("DataChangedTrigger.DisplayName");
        }

        /**
         * @param value the path field
         * @return ok, or what is wrong with it
         */
        public FormValidation doCheckPath(@QueryParameter("value") final String value) {
            if (value == null || value.isBlank()) {
                return FormValidation.ok();
            }
            try {
                PathPattern.of(value);
                return FormValidation.ok();
            } catch (IllegalArgumentException invalid) {
                return FormValidation.error(invalid.getMessage());
            }
        }

        /**
         * @param value the url field
         * @return ok, or what is wrong with it
         */
        public FormValidation doCheckUrl(@QueryParameter("value") final String value) {
            if (value == null || value.isBlank()) {
                return FormValidation.ok();
            }
            try {
                HttpSource.uri("url", value);
                return FormValidation.ok();
            } catch (IllegalArgumentException invalid) {
                return FormValidation.error(invalid.getMessage());
            }
        }

        /**
         * @param item          the job being configured
         * @param credentialsId the current value
         * @return the "Secret text" and "Username with password" credentials to choose from
         */
        @POST
        public ListBoxModel doFillCredentialsIdItems(
                @AncestorInPath final Item item, @QueryParameter("credentialsId") final String credentialsId) {
            return TriggerCredentials.choices(item, credentialsId);
        }
    }
}

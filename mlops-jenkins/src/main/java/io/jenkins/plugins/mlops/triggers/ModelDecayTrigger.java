package io.jenkins.plugins.mlops.triggers;

import hudson.Extension;
import hudson.model.Cause;
import hudson.model.Item;
import hudson.model.Job;
import hudson.triggers.TriggerDescriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mlops.triggers.poll.DecayPoll;
import io.jenkins.plugins.mlops.triggers.poll.HttpSource;
import io.jenkins.plugins.mlops.triggers.poll.MetricsProbe;
import io.jenkins.plugins.mlops.triggers.poll.PollException;
import io.jenkins.plugins.mlops.triggers.poll.PollResult;
import io.jenkins.plugins.mlops.triggers.poll.PollState;
import io.mlops.contract.retrain.RetrainPolicy;
import io.mlops.contract.serving.LiveMetrics;
import java.net.URI;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code mlModelDecay}: starts a Pipeline build when the model a prediction service serves decays: live accuracy
 * over the feedback window below {@code accuracyBelow} (once {@code minFeedback} labelled events are in it), or a
 * feature's PSI above {@code driftAbove}, read from the service's {@code /metrics} with the contract's rules. One
 * build per decay of a served model; a restart starts none.
 */
public final class ModelDecayTrigger extends PolledTrigger {
    /** The trigger's name in Pipelines. */
    public static final String SYMBOL = "mlModelDecay";

    private String service = "";
    private Double accuracyBelow;
    private Double driftAbove;
    private int minFeedback = RetrainPolicy.DEFAULT_MIN_FEEDBACK;
    private String credentialsId = "";

    /**
     * @param spec when to poll, a cron spec such as {@code H/10 * * * *}
     */
    @DataBoundConstructor
    public ModelDecayTrigger(final String spec) {
        super(spec);
    }

    /** @return the prediction service's base URL */
    public String getService() {
        return service;
    }

    /** @param service the prediction service's base URL; its metrics are at {@code /metrics} */
    @DataBoundSetter
    public void setService(final String service) {
        this.service = service == null ? "" : service.trim();
    }

    /** @return the live accuracy below which the model counts as decayed, or {@code null} */
    public Double getAccuracyBelow() {
        return accuracyBelow;
    }

    /** @param accuracyBelow the live accuracy below which the model counts as decayed, between 0 and 1 */
    @DataBoundSetter
    public void setAccuracyBelow(final Double accuracyBelow) {
        this.accuracyBelow = accuracyBelow;
    }

    /** @return the PSI above which a feature counts as drifted, or {@code null} */
    public Double getDriftAbove() {
        return driftAbove;
    }

    /** @param driftAbove the PSI above which a feature counts as drifted (0.2 is the usual line) */
    @DataBoundSetter
    public void setDriftAbove(final Double driftAbove) {
        this.driftAbove = driftAbove;
    }

    /** @return the labelled events the feedback window needs before accuracy is judged */
    public int getMinFeedback() {
        return minFeedback;
    }

    /** @param minFeedback the labelled events the feedback window needs before accuracy is judged */
    @DataBoundSetter
    public void setMinFeedback(final int minFeedback) {
        this.minFeedback = minFeedback;
    }

    /** @return the ID of the "Secret text" or "Username with password" credential sent to the service, or empty */
    public String getCredentialsId() {
        return credentialsId;
    }

    /**
     * @param credentialsId the ID of a "Secret text" credential (sent to the service as a bearer token) or a "Username
     *     with password" credential (sent as HTTP Basic authentication)
     */
    @DataBoundSetter
    public void setCredentialsId(final String credentialsId) {
        this.credentialsId = credentialsId == null ? "" : credentialsId.trim();
    }

    @Override
    String symbol() {
        return SYMBOL;
    }

    @Override
    Cause causeOf(final String message) {
        return new ModelDecayCause(message);
    }

    @Override
    PollResult poll(final Job<?, ?> owner, final PollState saved) throws PollException {
        RetrainPolicy policy = policy();
        URI uri;
        try {
            uri = HttpSource.uri("service", service);
        } catch (IllegalArgumentException invalid) {
            throw new PollException(invalid.getMessage(), invalid);
        }
        LiveMetrics metrics = new MetricsProbe(HttpSource.standard())
                .read(uri, TriggerCredentials.authorization(owner, credentialsId));
        return DecayPoll.check(saved, service, metrics, policy, driftAbove != null);
    }

    /** @return the thresholds as the contract's policy */
    RetrainPolicy policy() throws PollException {
        if (accuracyBelow == null && driftAbove == null) {
            throw new PollException(SYMBOL + " needs accuracyBelow or driftAbove (or both)");
        }
        try {
            RetrainPolicy.Builder policy =
                    RetrainPolicy.builder().accuracyBelow(accuracyBelow).minFeedback(minFeedback);
            if (driftAbove != null) {
                policy.driftAbove(driftAbove);
            }
            return policy.build();
        } catch (IllegalArgumentException invalid) {
            throw new PollException(SYMBOL + ": " + invalid.getMessage(), invalid);
        }
    }

    /** The trigger's descriptor: {@code mlModelDecay}, for Pipeline jobs only. */
    @Extension
    @Symbol(SYMBOL)
    public static final class DescriptorImpl extends TriggerDescriptor {
        @Override
        public boolean isApplicable(final Item item) {
            return PipelineJobs.isPipeline(item);
        }

        @Override
        public String getDisplayName() {
            return TriggerMessages.format("ModelDecayTrigger.DisplayName");
        }

        /**
         * @param value the service field
         * @return ok, or what is wrong with it
         */
        public FormValidation doCheckService(@QueryParameter("value") final String value) {
            try {
                HttpSource.uri("service", value == null ? "" : value);
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

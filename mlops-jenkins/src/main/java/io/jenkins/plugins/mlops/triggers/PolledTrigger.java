package io.jenkins.plugins.mlops.triggers;

import hudson.model.Action;
import hudson.model.Cause;
import hudson.model.Job;
import hudson.triggers.Trigger;
import io.jenkins.plugins.mlops.triggers.poll.PollException;
import io.jenkins.plugins.mlops.triggers.poll.PollResult;
import io.jenkins.plugins.mlops.triggers.poll.PollState;
import java.util.Collection;
import java.util.List;

/**
 * What the plugin's triggers share: starting never polls, the cron thread only hands the poll to the timer pool,
 * the script console can poll at once, and the job page links to the polling log.
 */
public abstract class PolledTrigger extends Trigger<Job<?, ?>> {
    /**
     * @param spec when to poll, a cron spec
     */
    protected PolledTrigger(final String spec) {
        super(spec);
    }

    /** @return the trigger's name in Pipelines, which also names its state and log files */
    abstract String symbol();

    /**
     * Polls the source once against the saved state.
     *
     * @param owner the job
     * @param saved what the previous polls saw
     * @return what this poll found and the state to save
     */
    abstract PollResult poll(Job<?, ?> owner, PollState saved) throws PollException, InterruptedException;

    /**
     * @param message what the poll found
     * @return the cause of the build the poll starts
     */
    abstract Cause causeOf(String message);

    /** Starting (on load, on save, or after a restart) never polls and never starts a build. */
    @Override
    public void start(final Job<?, ?> project, final boolean newInstance) {
        super.start(project, newInstance);
    }

    /** Called by Jenkins' cron thread: hands the poll to the timer pool and returns. */
    @Override
    public void run() {
        Job<?, ?> owner = job;
        if (owner != null) {
            TriggerPolls.submit(owner, symbol(), saved -> poll(owner, saved), this::causeOf);
        }
    }

    /**
     * Polls now, in the calling thread (the script console's way to run the trigger without waiting for cron).
     *
     * @return what the poll found: BASELINE, NO_CHANGE, CHANGED or FAILED
     */
    public String pollNow() {
        Job<?, ?> owner = job;
        if (owner == null) {
            throw new IllegalStateException(symbol() + " has not been started on a job");
        }
        return TriggerPolls.pollNow(owner, symbol(), saved -> poll(owner, saved), this::causeOf)
                .name();
    }

    @Override
    public Collection<? extends Action> getProjectActions() {
        Job<?, ?> owner = job;
        return owner == null ? List.of() : List.of(new PollingLogAction(owner, symbol()));
    }
}

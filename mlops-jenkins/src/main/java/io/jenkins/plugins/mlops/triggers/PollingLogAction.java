package io.jenkins.plugins.mlops.triggers;

import hudson.model.Action;
import hudson.model.Job;
import io.jenkins.plugins.mlops.triggers.poll.PollException;
import io.jenkins.plugins.mlops.triggers.poll.PollLog;
import java.util.ArrayList;
import java.util.List;

/** The job page's link to a trigger's last polls: when, what it found, and what it saw. */
public final class PollingLogAction implements Action {
    private final Job<?, ?> job;
    private final String symbol;

    PollingLogAction(final Job<?, ?> job, final String symbol) {
        this.job = job;
        this.symbol = symbol;
    }

    @Override
    public String getIconFileName() {
        return "clipboard.png";
    }

    @Override
    public String getDisplayName() {
        return TriggerMessages.format("PollingLogAction.DisplayName", symbol);
    }

    @Override
    public String getUrlName() {
        return symbol + "-polls";
    }

    /** @return the job */
    public Job<?, ?> getJob() {
        return job;
    }

    /**
     * @return the kept polls, newest first
     * @throws PollException naming the file if the log cannot be read
     */
    public List<Poll> getPolls() throws PollException {
        List<Poll> polls = new ArrayList<>();
        for (PollLog.Entry entry : TriggerStore.log(job, symbol).read()) {
            polls.add(0, new Poll(entry));
        }
        return polls;
    }

    /** One poll as the view shows it. */
    public static final class Poll {
        private final PollLog.Entry entry;

        Poll(final PollLog.Entry entry) {
            this.entry = entry;
        }

        /** @return when it ended, ISO-8601 UTC */
        public String getTime() {
            return entry.time().toString();
        }

        /** @return what it found */
        public String getOutcome() {
            return entry.outcome().name();
        }

        /** @return what it saw */
        public String getMessage() {
            return entry.message();
        }
    }
}

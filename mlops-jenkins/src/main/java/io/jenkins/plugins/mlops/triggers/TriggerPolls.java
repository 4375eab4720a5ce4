package io.jenkins.plugins.mlops.triggers;

import hudson.model.Cause;
import hudson.model.Job;
import io.jenkins.plugins.mlops.triggers.poll.PollException;
import io.jenkins.plugins.mlops.triggers.poll.PollLog;
import io.jenkins.plugins.mlops.triggers.poll.PollOutcome;
import io.jenkins.plugins.mlops.triggers.poll.PollResult;
import io.jenkins.plugins.mlops.triggers.poll.PollState;
import io.jenkins.plugins.mlops.triggers.poll.StateFile;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;

/**
 * Runs the polls of the triggers off Jenkins' cron thread (core warns about triggers that take over
 * 30 s and delays every other timer meanwhile), one poll per job and trigger at a time, and starts the
 * build when a poll says so.
 */
final class TriggerPolls {
    private static final Logger LOGGER = Logger.getLogger(TriggerPolls.class.getName());
    /** Job and trigger of the polls under way: a slow source must not pile polls up. */
    private static final Set<String> RUNNING = ConcurrentHashMap.newKeySet();

    /** One poll of a source against the saved state. */
    @FunctionalInterface
    interface Poll {
        PollResult run(PollState saved) throws PollException, InterruptedException;
    }

    private TriggerPolls() {}

    /**
     * Submits a poll to Jenkins' timer pool and returns at once.
     *
     * @param job     the job
     * @param symbol  the trigger's symbol, naming its state
     * @param poll    the poll
     * @param causeOf the build's cause for a poll's message
     */
    static void submit(
            final Job<?, ?> job, final String symbol, final Poll poll, final Function<String, Cause> causeOf) {
        String key = job.getFullName() + "\n" + symbol;
        if (!RUNNING.add(key)) {
            LOGGER.fine(() -> symbol + " of " + job.getFullName() + ": the previous poll is still running");
            return;
        }
        try {
            Timer.get().submit(() -> {
                try {
                    pollNow(job, symbol, poll, causeOf);
                } finally {
                    RUNNING.remove(key);
                }
            });
        } catch (RuntimeException rejected) {
            RUNNING.remove(key);
            throw rejected;
        }
    }

    /**
     * Polls in the calling thread: reads the state, polls, starts the build if due, saves the state and
     * logs the poll.
     *
     * @return what the poll found
     */
    static PollOutcome pollNow(
            final Job<?, ?> job, final String symbol, final Poll poll, final Function<String, Cause> causeOf) {
        StateFile state = TriggerStore.state(job, symbol);
        PollResult result;
        try {
            result = poll.run(state.load());
        } catch (PollException failure) {
            result = PollResult.failed(failure.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            result = PollResult.failed("interrupted");
        } catch (RuntimeException bug) {
            LOGGER.log(Level.WARNING, symbol + " of " + job.getFullName() + " failed", bug);
            result = PollResult.failed(String.valueOf(bug));
        }
        String message = result.message();
        PollOutcome outcome = result.outcome();
        PollState next = result.next();
        if (result.fires()) {
            if (!TriggerJenkins.schedule(job, causeOf.apply(message))) {
                // keep the old state: the change starts a build once the job accepts one again
                outcome = PollOutcome.FAILED;
                message = message + "; Jenkins did not queue a build (is the job disabled?)";
                next = null;
            } else {
                message = message + "; build queued";
            }
        }
        try {
            if (next != null) {
                state.save(next);
            }
            TriggerStore.log(job, symbol).append(new PollLog.Entry(Instant.now(), outcome, message));
        } catch (PollException failure) {
            LOGGER.log(Level.WARNING, symbol + " of " + job.getFullName() + ": " + failure.getMessage());
        }
        return outcome;
    }
}

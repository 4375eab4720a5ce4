package io.jenkins.plugins.mlops.triggers.poll;

import java.util.Map;

/**
 * The data-change decision: compares what a poll sees with the state saved by the last poll. The first
 * poll of a source (no saved state, or a different path or URL configured) only sets the baseline, so
 * neither a new trigger nor a restart starts a build; after that, a build is due exactly when content
 * was added, changed or removed.
 */
public final class DataPoll {
    private DataPoll() {}

    /**
     * Decides.
     *
     * @param saved  the state of the last poll
     * @param source the folder, glob or URL as configured (with the node)
     * @param now    what the poll saw
     * @return the outcome and the state to save
     */
    public static PollResult compare(final PollState saved, final String source, final Map<String, String> now) {
        PollState next = new PollState(source, now);
        if (!saved.source().equals(source)) {
            return new PollResult(
                    PollOutcome.BASELINE, "first poll of " + source + ": " + now.size() + " entries remembered", next);
        }
        DataChanges changes = DataChanges.between(saved.entries(), now);
        if (changes.isEmpty()) {
            return new PollResult(PollOutcome.NO_CHANGE, changes.describe(source), next);
        }
        return new PollResult(PollOutcome.CHANGED, changes.describe(source), next);
    }
}

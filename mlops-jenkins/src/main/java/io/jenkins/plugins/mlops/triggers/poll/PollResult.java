package io.jenkins.plugins.mlops.triggers.poll;

/**
 * The outcome of one poll and the state to remember for the next.
 *
 * @param outcome what the poll found
 * @param message what it saw, in a few words (the build's cause when {@link PollOutcome#CHANGED})
 * @param next    the state to save, or {@code null} to keep the saved one (a failed poll)
 */
public record PollResult(PollOutcome outcome, String message, PollState next) {
    /** @return whether a build is due */
    public boolean fires() {
        return outcome == PollOutcome.CHANGED;
    }

    /**
     * @param message why the source could not be read
     * @return a failed poll that keeps the saved state
     */
    public static PollResult failed(final String message) {
        return new PollResult(PollOutcome.FAILED, message, null);
    }
}

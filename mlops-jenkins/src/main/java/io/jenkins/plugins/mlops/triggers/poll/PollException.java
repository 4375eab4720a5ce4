package io.jenkins.plugins.mlops.triggers.poll;

/** A poll that could not look at its source: the message names the source and what went wrong. */
public final class PollException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the folder, URL or service
     */
    public PollException(final String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, naming the folder, URL or service
     * @param cause   the underlying failure
     */
    public PollException(final String message, final Throwable cause) {
        super(message, cause);
    }
}

package io.mlops.contract;

/**
 * A service or resource a run depends on is unreachable or answered with something unreadable, e.g. the prediction
 * service's {@code /metrics} for a retrain check. The command line exits with {@link ExitCode#UNAVAILABLE}: unlike bad
 * input, retrying later may succeed. The message names the service and what went wrong.
 */
public class UnavailableException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the service and what went wrong
     * @param cause   the cause, or {@code null}
     */
    public UnavailableException(final String message, final Throwable cause) {
        super(message, cause);
    }
}

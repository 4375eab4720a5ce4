package io.mlops.serving;

/**
 * How the service runs.
 *
 * @param host           the address to bind, {@code 127.0.0.1} unless configured otherwise
 * @param port           the port, 0 for any free port
 * @param adminToken     the bearer token of the admin endpoints (swap, rollback); {@code null} disables them
 * @param predictToken   a bearer token required for predictions and feedback, or {@code null} for none
 * @param maxBodyBytes   the largest accepted request body; larger ones get 413
 * @param maxBatch       the most instances in one prediction request
 * @param feedbackWindow how many recent feedback events the live accuracy covers
 * @param driftWindow    how many recent inputs the drift score covers
 * @param limits         the service's limits, complete
 */
public record ServingConfig(
        String host,
        int port,
        String adminToken,
        String predictToken,
        int maxBodyBytes,
        int maxBatch,
        int feedbackWindow,
        int driftWindow,
        ServiceLimits limits) {
    /** The default bind address: loopback only. */
    public static final String LOOPBACK = "127.0.0.1";

    /**
     * Returns the defaults: loopback, any free port, no tokens.
     *
     * @return the defaults
     */
    public static ServingConfig defaults() {
        return new ServingConfig(LOOPBACK, 0, null, null, 1 << 20, 1000, 1000, 1000);
    }

    /**
     * A configuration with the default {@link ServiceLimits}.
     *
     * @param host           the address to bind
     * @param port           the port
     * @param adminToken     the admin token, or {@code null}
     * @param predictToken   the prediction token, or {@code null}
     * @param maxBodyBytes   the largest accepted request body
     * @param maxBatch       the most instances in one request
     * @param feedbackWindow feedback events the live accuracy covers
     * @param driftWindow    recent inputs the drift score covers
     */
    public ServingConfig(
            final String host,
            final int port,
            final String adminToken,
            final String predictToken,
            final int maxBodyBytes,
            final int maxBatch,
            final int feedbackWindow,
            final int driftWindow) {
        this(
                host,
                port,
                adminToken,
                predictToken,
                maxBodyBytes,
                maxBatch,
                feedbackWindow,
                driftWindow,
                ServiceLimits.defaults());
    }

    /**
     * Returns a copy with other limits.
     *
     * @param value the limits; missing fields keep their defaults
     * @return the copy
     */
    public ServingConfig withLimits(final ServiceLimits value) {
        return new ServingConfig(
                host,
                port,
                adminToken,
                predictToken,
                maxBodyBytes,
                maxBatch,
                feedbackWindow,
                driftWindow,
                value.or(ServiceLimits.defaults()));
    }

    /**
     * Returns a copy with tokens.
     *
     * @param admin   the admin token
     * @param predict the prediction token
     * @return the copy
     */
    public ServingConfig withTokens(final String admin, final String predict) {
        return new ServingConfig(
                host, port, admin, predict, maxBodyBytes, maxBatch, feedbackWindow, driftWindow, limits);
    }

    @Override
    public String toString() {
        // never print tokens
        return "ServingConfig[host=" + host + ", port=" + port + ", admin="
                + (adminToken == null ? "disabled" : "token") + ", predict=" + (predictToken == null ? "open" : "token")
                + "]";
    }
}

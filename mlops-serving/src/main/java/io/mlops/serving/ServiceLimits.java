package io.mlops.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mlops.contract.MlopsException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The limits that keep the service answering under hostile or broken clients: how many connections it
 * accepts, how slow a client may send, how long a text field may be, how much detail an error carries, how
 * long loading a model may take and the heap of its JVM. Kept in {@code config.json} under {@code limits};
 * every field is optional and falls back to {@link #defaults()}.
 *
 * @param maxConnections         connections served at once; further ones wait in the operating system's
 *                               backlog instead of costing a file descriptor each
 * @param idleTimeoutMillis      a connection with no traffic for this long is closed (also bounds how long a
 *                               client may take between bytes of its request headers)
 * @param minRequestBytesPerSecond a request whose headers or body arrive slower than this is cut off (0: no minimum)
 * @param maxTextChars           the longest text or category value of one field of a prediction
 * @param maxProblems            how many field problems an error reply lists (with the total count)
 * @param swapTimeoutSeconds     how long loading a model for a swap may take before the swap is abandoned
 * @param heap                   the maximum heap of the service's JVM ({@code -Xmx}), e.g. {@code 1g};
 *                               {@code run.sh} reads it from {@code config.json}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceLimits(
        Integer maxConnections,
        Integer idleTimeoutMillis,
        Integer minRequestBytesPerSecond,
        Integer maxTextChars,
        Integer maxProblems,
        Integer swapTimeoutSeconds,
        String heap) {
    /** The heap when none is configured. */
    public static final String DEFAULT_HEAP = "1g";

    private static final Pattern HEAP = Pattern.compile("[1-9][0-9]{0,6}[kmgKMG]");

    /** @return the defaults: 1000 connections, 10 s idle, 1 KiB/s, 10,000 characters, 20 problems, 60 s, 1g */
    public static ServiceLimits defaults() {
        return new ServiceLimits(1_000, 10_000, 1_024, 10_000, 20, 60, DEFAULT_HEAP);
    }

    /**
     * Fills the fields not given here from another set of limits.
     *
     * @param fallback the limits for missing fields
     * @return the complete limits
     */
    public ServiceLimits or(final ServiceLimits fallback) {
        return new ServiceLimits(
                maxConnections != null ? maxConnections : fallback.maxConnections,
                idleTimeoutMillis != null ? idleTimeoutMillis : fallback.idleTimeoutMillis,
                minRequestBytesPerSecond != null ? minRequestBytesPerSecond : fallback.minRequestBytesPerSecond,
                maxTextChars != null ? maxTextChars : fallback.maxTextChars,
                maxProblems != null ? maxProblems : fallback.maxProblems,
                swapTimeoutSeconds != null ? swapTimeoutSeconds : fallback.swapTimeoutSeconds,
                heap != null ? heap : fallback.heap);
    }

    /**
     * Checks the values.
     *
     * @param file the settings file, for messages
     * @throws MlopsException naming the field out of range
     */
    void check(final Path file) {
        range(file, "maxConnections", maxConnections, 1, 1_000_000);
        range(file, "idleTimeoutMillis", idleTimeoutMillis, 100, 3_600_000);
        range(file, "minRequestBytesPerSecond", minRequestBytesPerSecond, 0, Integer.MAX_VALUE);
        range(file, "maxTextChars", maxTextChars, 1, Integer.MAX_VALUE);
        range(file, "maxProblems", maxProblems, 1, 10_000);
        range(file, "swapTimeoutSeconds", swapTimeoutSeconds, 1, 86_400);
        if (heap != null && !HEAP.matcher(heap).matches()) {
            throw MlopsException.inFile(
                    file, "field 'limits.heap' is \"" + heap + "\"; expected a size such as 512m or 2g");
        }
    }

    private static void range(final Path file, final String field, final Integer value, final int min, final int max) {
        if (value != null && (value < min || value > max)) {
            throw MlopsException.inFile(
                    file, "field 'limits." + field + "' is " + value + "; expected " + min + " to " + max);
        }
    }
}

package io.jenkins.plugins.mlops.history;

import io.mlops.contract.metadata.RunMetadata;
import java.util.List;
import java.util.Optional;

/**
 * What {@code <job>/ml/compare?a=N&b=M} shows: the comparison of two builds, or an error with its HTTP status that
 * names the parameter and its value (400 for a value that is no build number, 404 for a build that does not exist or
 * has no ML runs).
 *
 * @param status     the HTTP status, 200 for a comparison
 * @param error      what is wrong, {@code null} for a comparison
 * @param comparison the comparison, {@code null} for an error
 */
public record ComparisonPage(int status, String error, BuildComparison comparison) {
    /** Status of a value that is no build number. */
    public static final int BAD_REQUEST = 400;
    /** Status of a build that does not exist or has no ML runs. */
    public static final int NOT_FOUND = 404;

    /** Looks up a build's runs. */
    @FunctionalInterface
    public interface Builds {
        /**
         * Returns a build's runs.
         *
         * @param number the build number
         * @return the runs' metadata in the order they ran (empty for a build without ML runs), or empty if there
         *     is no such build
         */
        Optional<List<RunMetadata>> runs(int number);
    }

    /**
     * Resolves the two parameters of the comparison.
     *
     * @param a      parameter {@code a}, the reference build's number
     * @param b      parameter {@code b}, the compared build's number
     * @param builds the job's builds
     * @return the page: a comparison or an error
     */
    public static ComparisonPage resolve(final String a, final String b, final Builds builds) {
        try {
            BuildComparison.Side sideA = side("a", a, builds);
            BuildComparison.Side sideB = side("b", b, builds);
            return new ComparisonPage(200, null, BuildComparison.of(sideA, sideB));
        } catch (Rejected rejected) {
            return new ComparisonPage(rejected.status, rejected.getMessage(), null);
        }
    }

    /** @return whether this is an error page */
    public boolean failed() {
        return error != null;
    }

    private static BuildComparison.Side side(final String name, final String value, final Builds builds)
            throws Rejected {
        if (value == null || value.isBlank()) {
            throw new Rejected(BAD_REQUEST, "parameter '" + name + "' is missing: give a build number");
        }
        int number;
        try {
            number = Integer.parseInt(value.strip());
        } catch (NumberFormatException notNumber) {
            throw new Rejected(BAD_REQUEST, "parameter '" + name + "' is not a build number: '" + value + "'");
        }
        if (number < 1) {
            throw new Rejected(BAD_REQUEST, "parameter '" + name + "' is not a build number: '" + value + "'");
        }
        List<RunMetadata> runs = builds.runs(number)
                .orElseThrow(() ->
                        new Rejected(NOT_FOUND, "parameter '" + name + "': build #" + number + " does not exist"));
        if (runs.isEmpty()) {
            throw new Rejected(NOT_FOUND, "parameter '" + name + "': build #" + number + " has no ML runs");
        }
        return new BuildComparison.Side(number, runs);
    }

    /** A parameter the comparison cannot use. */
    private static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        Rejected(final int status, final String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }
}

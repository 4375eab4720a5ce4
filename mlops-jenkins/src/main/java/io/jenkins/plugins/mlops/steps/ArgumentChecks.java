package io.jenkins.plugins.mlops.steps;

import hudson.util.FormValidation;
import io.jenkins.plugins.mlops.runner.GateFailureResult;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks of single step arguments, shared by the steps (at run time) and their descriptors (form
 * validation in the Snippet Generator). Each check returns the problem, or empty if there is none.
 */
final class ArgumentChecks {
    /** The algorithms the engine offers. */
    static final List<String> ALGORITHMS = List.of("logistic", "linear-svm", "liblinear", "cart", "random-forest", "xgboost");

    private ArgumentChecks() {
    }

    static Optional<String> seed(Integer seed) {
        return seed != null && seed < 0 ? Optional.of("'seed' must be >= 0, got " + seed) : Optional.empty();
    }

    static Optional<String> seed(String text) {
        String value = Arguments.trimToNull(text);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return seed(Integer.valueOf(value));
        } catch (NumberFormatException e) {
            return Optional.of("'seed' must be a whole number, got '" + value + "'");
        }
    }

    static Optional<String> algorithm(String algorithm) {
        String value = Arguments.trimToNull(algorithm);
        return value != null && !ALGORITHMS.contains(value)
                ? Optional.of("'algorithm' must be one of " + String.join(", ", ALGORITHMS) + ", got '" + value + "'")
                : Optional.empty();
    }

    static Optional<String> testFraction(Double fraction) {
        return fraction != null && (fraction.isNaN() || fraction <= 0 || fraction >= 1)
                ? Optional.of("'testFraction' must be > 0 and < 1, got " + fraction)
                : Optional.empty();
    }

    static Optional<String> testFraction(String text) {
        String value = Arguments.trimToNull(text);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return testFraction(Double.valueOf(value));
        } catch (NumberFormatException e) {
            return Optional.of("'testFraction' must be a number, got '" + value + "'");
        }
    }

    static Optional<String> onGateFailure(String text) {
        String value = Arguments.trimToNull(text);
        if (value == null) {
            return Optional.empty();
        }
        try {
            GateFailureResult.valueOf(value.toUpperCase(Locale.ROOT));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("'onGateFailure' must be FAILURE or UNSTABLE, got '" + value + "'");
        }
    }

    static Optional<String> required(String name, String text) {
        return Arguments.trimToNull(text) == null ? Optional.of("'" + name + "' must be given") : Optional.empty();
    }

    /** Turns a check result into a form validation response. */
    static FormValidation toForm(Optional<String> problem) {
        return problem.map(FormValidation::error).orElseGet(FormValidation::ok);
    }
}

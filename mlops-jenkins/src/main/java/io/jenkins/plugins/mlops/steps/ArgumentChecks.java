package io.jenkins.plugins.mlops.steps;

import hudson.util.FormValidation;
import io.jenkins.plugins.mlops.execution.DeployTarget;
import io.jenkins.plugins.mlops.execution.LoadSpec;
import io.mlops.contract.MlopsException;
import io.mlops.contract.algorithm.Algorithm;
import io.mlops.contract.data.CsvFormatWords;
import io.mlops.contract.deploy.LoadTestSpec;
import io.mlops.contract.gates.Criticality;
import io.mlops.contract.registry.ModelNames;
import io.mlops.contract.text.Printable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks of single step arguments, shared by the steps (at run time) and their descriptors (form
 * validation in the Snippet Generator). Each check returns the problem, or empty if there is none.
 */
final class ArgumentChecks {
    /** The algorithms the engine offers. */
    /** The algorithm ids of the contract, in its order. */
    static final List<String> ALGORITHMS =
            Arrays.stream(Algorithm.values()).map(Algorithm::id).toList();

    private ArgumentChecks() {}

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

    /**
     * Checks hyperparameters against the algorithm's names and limits in the contract.
     *
     * @param algorithm a valid algorithm id
     * @param params the hyperparameters as given
     * @return the contract's message about the first bad one, or empty
     */
    static Optional<String> hyperparameters(String algorithm, Map<String, String> params) {
        try {
            Algorithm.of(algorithm).resolve(params);
            return Optional.empty();
        } catch (MlopsException e) {
            return Optional.of("'params': " + Printable.escape(e.getMessage()));
        }
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
            Criticality.valueOf(value.toUpperCase(Locale.ROOT));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("'onGateFailure' must be FAILURE or UNSTABLE, got '" + value + "'");
        }
    }

    static Optional<String> required(String name, String text) {
        return Arguments.trimToNull(text) == null ? Optional.of("'" + name + "' must be given") : Optional.empty();
    }

    static Optional<String> name(String field, String text) {
        return contractRule(field, text, ModelNames::requireModelName);
    }

    /**
     * Checks an alias to be set by the contract's rule (a name, no version number, not {@code latest}).
     *
     * @param field the argument's name
     * @param text the value, or {@code null}
     * @return the contract's message, or empty
     */
    static Optional<String> alias(String field, String text) {
        return contractRule(field, text, ModelNames::requireAlias);
    }

    private static Optional<String> contractRule(
            String field, String text, java.util.function.UnaryOperator<String> rule) {
        String value = Arguments.trimToNull(text);
        if (value == null) {
            return Optional.empty();
        }
        try {
            rule.apply(value);
            return Optional.empty();
        } catch (MlopsException e) {
            return Optional.of("'" + field + "': " + Printable.escape(e.getMessage()));
        }
    }

    /**
     * Checks the CSV format arguments by the engine's rules.
     *
     * @param delimiter the field separator, or {@code null}
     * @param decimalComma whether numbers use a decimal comma
     * @param encoding the text encoding, or {@code null}
     * @return the problem, naming the argument, or empty
     */
    static Optional<String> csvFormat(String delimiter, boolean decimalComma, String encoding) {
        try {
            CsvFormatWords.requireValid(delimiter, decimalComma, encoding);
            return Optional.empty();
        } catch (MlopsException e) {
            return Optional.of(Printable.escape(e.getMessage()));
        }
    }

    static Optional<String> delimiter(String text) {
        String value = text != null && text.length() == 1 ? text : Arguments.trimToNull(text);
        return value == null ? Optional.empty() : csvFormat(value, false, null);
    }

    static Optional<String> encoding(String text) {
        String value = Arguments.trimToNull(text);
        return value == null ? Optional.empty() : csvFormat(null, false, value);
    }

    static Optional<String> target(String text) {
        String value = Arguments.trimToNull(text);
        if (value == null) {
            return Optional.of("'target' must be given");
        }
        try {
            DeployTarget.parse(value);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    static Optional<String> version(String text) {
        String value = Arguments.trimToNull(text);
        if (value == null) {
            return Optional.of("'version' must be given");
        }
        try {
            return Integer.parseInt(value) < 1 ? Optional.of("'version' must be >= 1, got " + value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of("'version' must be a whole number, got '" + value + "'");
        }
    }

    /**
     * Checks a hyperparameter name: the engine takes {@code NAME=VALUE}.
     *
     * @param text the name
     * @return the problem, or empty
     */
    static Optional<String> paramName(String text) {
        String value = Arguments.trimToNull(text);
        return value == null || value.contains("=")
                ? Optional.of(
                        "'params' keys must be non-blank names without '=', got '" + (text == null ? "" : text) + "'")
                : Optional.empty();
    }

    /**
     * Checks the load test of {@code mlDeploy} as the form or Pipeline bound it.
     *
     * @param load the load test
     * @return the load test for the runner
     * @throws IllegalArgumentException with the problem
     */
    static LoadSpec load(LoadTest load) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("rps", load.getRps());
        values.put("seconds", load.getSeconds());
        values.put("p99Ms", load.getP99Ms());
        values.put("maxErrorRate", load.getMaxErrorRate());
        return load(values);
    }

    /** The keys of {@code mlDeploy}'s {@code load} map. */
    static final List<String> LOAD_KEYS = List.of("rps", "seconds", "p99Ms", "maxErrorRate");

    /**
     * Checks and converts the {@code load} map of {@code mlDeploy}.
     *
     * @return the load test, or {@code null} for an empty map
     * @throws IllegalArgumentException with the problem
     */
    static LoadSpec load(Map<String, Object> load) {
        if (load == null || load.isEmpty()) {
            return null;
        }
        for (String key : load.keySet()) {
            if (!LOAD_KEYS.contains(key)) {
                throw new IllegalArgumentException(
                        "'load' keys are " + String.join(", ", LOAD_KEYS) + ", got '" + key + "'");
            }
        }
        if (!load.containsKey("rps")) {
            throw new IllegalArgumentException("'load.rps' must be given");
        }
        // the contract's limits, so the step refuses exactly what the command line refuses
        int rps = (int) number(load, "rps", 1, LoadTestSpec.MAX_RPS, true, 0);
        int seconds = (int) number(load, "seconds", 1, LoadTestSpec.MAX_SECONDS, true, LoadTestSpec.DEFAULT_SECONDS);
        double p99 = number(load, "p99Ms", Double.MIN_VALUE, Double.MAX_VALUE, false, LoadTestSpec.DEFAULT_P99_MS);
        double errorRate = number(load, "maxErrorRate", 0, 1, false, LoadTestSpec.DEFAULT_MAX_ERROR_RATE);
        return new LoadSpec(rps, seconds, p99, errorRate);
    }

    private static double number(
            Map<String, Object> load, String key, double min, double max, boolean whole, double fallback) {
        Object value = load.get(key);
        if (value == null) {
            return fallback;
        }
        double number;
        try {
            number = value instanceof Number n
                    ? n.doubleValue()
                    : Double.parseDouble(Arguments.text(value).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "'load." + key + "' must be a number, got '" + Arguments.text(value) + "'");
        }
        if (Double.isNaN(number) || number < min || number > max || (whole && number != Math.rint(number))) {
            String range = min == Double.MIN_VALUE
                    ? max == Double.MAX_VALUE ? "> 0" : "> 0 and <= " + fmt(max)
                    : "between " + fmt(min) + " and " + fmt(max);
            throw new IllegalArgumentException("'load." + key + "' must be " + (whole ? "a whole number " : "") + range
                    + ", got " + Arguments.text(value));
        }
        return number;
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** Turns a check result into a form validation response. */
    static FormValidation toForm(Optional<String> problem) {
        return problem.map(FormValidation::error).orElseGet(FormValidation::ok);
    }
}

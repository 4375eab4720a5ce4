package io.mlops.contract.algorithm;

import io.mlops.contract.MlopsException;
import java.util.List;
import java.util.Locale;

/**
 * One hyperparameter an algorithm accepts: its name, type, default and valid range.
 *
 * @param name         the name as written in specs and on the command line
 * @param kind         the type of the value
 * @param defaultValue the value used when none is given
 * @param min          the smallest valid value (numbers)
 * @param max          the largest valid value (numbers)
 * @param choices      the valid values (choices)
 * @param description  one line for the documentation
 */
public record Hyperparameter(
        String name, Kind kind, Object defaultValue, double min, double max, List<String> choices, String description) {

    /** The name of the hyperparameter {@value}. */
    public static final String SOLVER = "solver";

    /** The name of the hyperparameter {@value}. */
    public static final String COST = "cost";

    /** The name of the hyperparameter {@value}. */
    public static final String MAX_ITERATIONS = "maxIterations";

    /** The name of the hyperparameter {@value}. */
    public static final String TOLERANCE = "tolerance";

    /** The name of the hyperparameter {@value}. */
    public static final String EPOCHS = "epochs";

    /** The name of the hyperparameter {@value}. */
    public static final String LEARNING_RATE = "learningRate";

    /** The name of the hyperparameter {@value}. */
    public static final String MINIBATCH = "minibatch";

    /** The name of the hyperparameter {@value}. */
    public static final String EPSILON = "epsilon";

    /** The name of the hyperparameter {@value}. */
    public static final String MAX_DEPTH = "maxDepth";

    /** The name of the hyperparameter {@value}. */
    public static final String FEATURE_FRACTION = "featureFraction";

    /** The name of the hyperparameter {@value}. */
    public static final String TREES = "trees";

    /** The name of the hyperparameter {@value}. */
    public static final String ETA = "eta";

    /** The name of the hyperparameter {@value}. */
    public static final String SUBSAMPLE = "subsample";

    /** The name of the hyperparameter {@value}. */
    public static final String FEATURE_SUBSAMPLE = "featureSubsample";

    /** The name of the hyperparameter {@value}. */
    public static final String LAMBDA = "lambda";

    /** The name of the hyperparameter {@value}. */
    public static final String ALPHA = "alpha";

    /** The name of the hyperparameter {@value}. */
    public static final String MIN_CHILD_WEIGHT = "minChildWeight";

    /** The name of the hyperparameter {@value}. */
    public static final String GAMMA = "gamma";

    /** The name of the hyperparameter {@value}. */
    public static final String THREADS = "threads";

    /** Value types. */
    public enum Kind {
        /** A whole number. */
        INTEGER,
        /** A decimal number. */
        DECIMAL,
        /** One of a fixed set of names. */
        CHOICE
    }

    static Hyperparameter integer(
            final String name, final int defaultValue, final int min, final int max, final String description) {
        return new Hyperparameter(name, Kind.INTEGER, defaultValue, min, max, List.of(), description);
    }

    static Hyperparameter decimal(
            final String name,
            final double defaultValue,
            final double min,
            final double max,
            final String description) {
        return new Hyperparameter(name, Kind.DECIMAL, defaultValue, min, max, List.of(), description);
    }

    static Hyperparameter choice(
            final String name, final String defaultValue, final List<String> choices, final String description) {
        return new Hyperparameter(name, Kind.CHOICE, defaultValue, 0, 0, List.copyOf(choices), description);
    }

    /**
     * Checks and converts a value given by the user.
     *
     * @param algorithm the algorithm, for the message
     * @param value     the value: a number or a string
     * @return an {@link Integer}, a {@link Double} or a {@link String}
     * @throws MlopsException if the value has the wrong type or is out of range
     */
    public Object convert(final String algorithm, final Object value) {
        String text = String.valueOf(value).strip();
        switch (kind) {
            case INTEGER -> {
                try {
                    double number = value instanceof Number n ? n.doubleValue() : Double.parseDouble(text);
                    if (number != Math.rint(number) || number < min || number > max) {
                        throw outOfRange(algorithm, text);
                    }
                    return (int) number;
                } catch (NumberFormatException exception) {
                    throw outOfRange(algorithm, text);
                }
            }
            case DECIMAL -> {
                try {
                    double number = value instanceof Number n ? n.doubleValue() : Double.parseDouble(text);
                    if (!Double.isFinite(number) || number < min || number > max) {
                        throw outOfRange(algorithm, text);
                    }
                    return number;
                } catch (NumberFormatException exception) {
                    throw outOfRange(algorithm, text);
                }
            }
            case CHOICE -> {
                String normalized = text.toUpperCase(Locale.ROOT).replace('-', '_');
                if (!choices.contains(normalized)) {
                    throw new MlopsException(String.format(
                            "hyperparameter '%s' of algorithm '%s' must be one of %s, got \"%s\"",
                            name, algorithm, choices, text));
                }
                return normalized;
            }
            default -> throw new IllegalStateException("unknown kind " + kind);
        }
    }

    private MlopsException outOfRange(final String algorithm, final String text) {
        return new MlopsException(String.format(
                "hyperparameter '%s' of algorithm '%s' must be %s, got \"%s\"", name, algorithm, expected(), text));
    }

    /**
     * Describes the valid values.
     *
     * @return e.g. "an integer from 1 to 1000"
     */
    public String expected() {
        return switch (kind) {
            case INTEGER -> String.format(Locale.ROOT, "an integer from %d to %d", (long) min, (long) max);
            case DECIMAL -> String.format(Locale.ROOT, "a number from %s to %s", format(min), format(max));
            case CHOICE -> "one of " + choices;
        };
    }

    private static String format(final double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }
}

package io.mlops.serving;

import io.mlops.contract.MlopsException;
import io.mlops.engine.features.FeaturePreparation;
import java.util.Map;
import java.util.TreeMap;

/**
 * One prediction input as read from JSON: its values by position in the model's feature schema, and
 * what was wrong with its fields (wrong types, unknown names). Written by {@link InputReader}, checked by
 * {@link Predictor#validate}, read by the feature preparation as a {@link FeaturePreparation.Row}.
 */
public final class Instance implements FeaturePreparation.Row {
    private final boolean object;
    private static final byte ABSENT = 0;
    private static final byte VALUE = 1;
    // null in JSON (a missing value), or there with a value that cannot be used
    private static final byte NO_VALUE = 2;

    private final double[] numbers;
    private final String[] strings;
    private final byte[] states;
    private Map<String, String> problems;
    private int next;

    private Instance(final boolean object, final int features) {
        this.object = object;
        this.numbers = new double[features];
        this.strings = new String[features];
        this.states = new byte[features];
    }

    /**
     * Creates an empty instance of a JSON object, to be filled field by field.
     *
     * @param features the number of features in the schema
     * @return the instance
     */
    static Instance object(final int features) {
        return new Instance(true, features);
    }

    /**
     * Creates the instance of a JSON value that is not an object, which {@link Predictor#validate} rejects.
     *
     * @param features the number of features in the schema
     * @return the instance
     */
    static Instance notAnObject(final int features) {
        return new Instance(false, features);
    }

    void number(final int feature, final double value) {
        next = feature + 1;
        numbers[feature] = value;
        strings[feature] = null;
        states[feature] = VALUE;
    }

    void string(final int feature, final String value) {
        next = feature + 1;
        strings[feature] = value;
        states[feature] = VALUE;
    }

    /**
     * Marks a field that is there without a usable value: {@code null} (a missing value, left to the model's
     * policy), or a value of the wrong kind, which {@link #problem} then names.
     */
    void noValue(final int feature) {
        next = feature + 1;
        strings[feature] = null;
        states[feature] = NO_VALUE;
    }

    void problem(final String field, final String problem) {
        if (problems == null) {
            problems = new TreeMap<>();
        }
        problems.put(field, problem);
    }

    /** A later value of the same field replaces an earlier one, as in a JSON object read into a map. */
    void clearProblem(final String field) {
        if (problems != null) {
            problems.remove(field);
        }
    }

    /** @return the schema position after the last field read, where the next field most likely belongs */
    int nextPosition() {
        return next;
    }

    /** @return whether the JSON value was an object */
    boolean isObject() {
        return object;
    }

    /**
     * Returns whether a feature's field was in the input, with a value or {@code null}.
     *
     * @param feature the position in the schema
     * @return whether it was there
     */
    boolean isPresent(final int feature) {
        return states[feature] != ABSENT;
    }

    /** @return the problems found while reading, by field name; {@code null} if none */
    Map<String, String> problems() {
        return problems;
    }

    @Override
    public double number(final int feature) {
        return states[feature] == VALUE ? numbers[feature] : Double.NaN;
    }

    @Override
    public String string(final int feature) {
        return strings[feature];
    }

    @Override
    public MlopsException missing(final String column) {
        return new MlopsException("field '" + column + "' is null and the model's missing-value policy is 'error'");
    }
}

package io.mlops.engine.data;

import io.mlops.contract.MlopsException;
import io.mlops.contract.data.ColumnSpec;
import io.mlops.contract.data.ColumnType;
import io.mlops.contract.data.DataSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Builds the schema of a data set from what the user declared and, for undeclared columns, from the
 * values: mostly numbers make a numeric column, long multi-word values a text column, anything else
 * a categorical column.
 */
public final class SchemaInference {
    private static final double NUMERIC_SHARE = 0.95;
    private static final double TEXT_MIN_WORDS = 2.5;
    private static final int SAMPLE = 10_000;
    private static final long PARALLEL_VALUES = 50_000;

    /**
     * Infers the schema.
     *
     * @param table    the data
     * @param label    the label column
     * @param declared declared column types, taking precedence over inference
     * @param ignored  columns that are not features
     * @return the schema
     * @throws MlopsException if the label or a declared column is missing
     */
    public DataSchema infer(
            final Table table, final String label, final Map<String, ColumnType> declared, final Set<String> ignored) {
        if (label == null || label.isBlank()) {
            throw new MlopsException("no label column given: set 'label' to one of " + table.columns());
        }
        if (table.indexOf(label) < 0) {
            throw MlopsException.inFile(
                    table.source(), "label column '" + label + "' not found; columns are " + table.columns());
        }
        for (String name : declared.keySet()) {
            if (table.indexOf(name) < 0) {
                throw MlopsException.inFile(
                        table.source(), "declared column '" + name + "' not found; columns are " + table.columns());
            }
        }
        List<String> names = new ArrayList<>();
        for (String name : table.columns()) {
            if (!name.equals(label) && !ignored.contains(name)) {
                names.add(name);
            }
        }
        // columns are independent: infer the undeclared ones in parallel (each result depends only on its column)
        ColumnType[] types = new ColumnType[names.size()];
        IntStream range = IntStream.range(0, names.size());
        (Math.min(table.size(), SAMPLE) * (long) names.size() >= PARALLEL_VALUES ? range.parallel() : range)
                .forEach(i -> types[i] = declared.containsKey(names.get(i))
                        ? declared.get(names.get(i))
                        : infer(table, table.indexOf(names.get(i))));
        List<ColumnSpec> features = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            features.add(new ColumnSpec(names.get(i), types[i]));
        }
        if (features.isEmpty()) {
            throw MlopsException.inFile(
                    table.source(), "no feature columns: every column but the label '" + label + "' is ignored");
        }
        return new DataSchema(label, features);
    }

    private static int words(final String value) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < value.length(); i++) {
            boolean space = Character.isWhitespace(value.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    private static ColumnType infer(final Table table, final int column) {
        // first pass: is the column numeric? (the common case needs nothing else)
        int present = 0;
        int numeric = 0;
        int rows = Math.min(table.size(), SAMPLE);
        if (table.column(column) instanceof Column.Decimals decimals) {
            // every value is a number or missing
            for (int row = 0; row < rows && present == 0; row++) {
                present += decimals.decimals()[row] == Column.MISSING ? 0 : 1;
            }
            return present > 0 ? ColumnType.NUMERIC : ColumnType.CATEGORICAL;
        }
        for (int row = 0; row < rows; row++) {
            String value = table.value(row, column);
            if (value == null) {
                continue;
            }
            present++;
            if (isNumber(value)) {
                numeric++;
            }
        }
        if (present > 0 && numeric >= NUMERIC_SHARE * present) {
            return ColumnType.NUMERIC;
        }
        // second pass, only for non-numeric columns: words and distinct values
        long words = 0;
        Set<String> distinct = new HashSet<>();
        for (int row = 0; row < rows; row++) {
            String value = table.value(row, column);
            if (value == null) {
                continue;
            }
            words += words(value);
            distinct.add(value);
        }
        boolean wordy = present > 0 && (double) words / present >= TEXT_MIN_WORDS;
        boolean varied = distinct.size() > Math.max(20, present / 5);
        return wordy && varied ? ColumnType.TEXT : ColumnType.CATEGORICAL;
    }

    /** Whether {@link Numbers#parse} accepts the value or it is a non-finite number; plain decimals take a fast path. */
    private static boolean isNumber(final String value) {
        double plain = TypedData.parsePlainDecimal(value);
        return plain == plain || Numbers.parse(value) != null || Numbers.isNonFinite(value);
    }
}

package io.mlops.engine.data;

import io.mlops.engine.MlopsException;

import java.nio.file.Path;
import java.util.List;

/**
 * A data set checked against its schema: numeric columns parsed to numbers ({@code NaN} where missing),
 * text and categorical columns as strings ({@code null} where missing), and one label per row.
 */
public final class TypedData {
    private final Path source;
    private final DataSchema schema;
    private final double[][] numbers;
    private final String[][] strings;
    private final String[] labels;
    private final long[] lines;

    private TypedData(final Path source, final DataSchema schema, final double[][] numbers,
            final String[][] strings, final String[] labels, final long[] lines) {
        this.source = source;
        this.schema = schema;
        this.numbers = numbers;
        this.strings = strings;
        this.labels = labels;
        this.lines = lines;
    }

    /**
     * Checks and converts a table.
     *
     * @param table  the raw rows
     * @param schema the schema to apply
     * @return the typed data
     * @throws MlopsException naming file, line, column and value for the first value that does not fit
     */
    public static TypedData of(final Table table, final DataSchema schema) {
        List<ColumnSpec> features = schema.features();
        int rows = table.size();
        double[][] numbers = new double[features.size()][];
        String[][] strings = new String[features.size()][];
        for (int f = 0; f < features.size(); f++) {
            ColumnSpec spec = features.get(f);
            int column = table.indexOf(spec.name());
            if (column < 0) {
                throw MlopsException.inFile(table.source(), "column '" + spec.name()
                        + "' of the model's schema not found; columns are " + table.columns());
            }
            if (spec.type() == ColumnType.NUMERIC) {
                numbers[f] = parseNumbers(table, column, spec.name());
            }
            else {
                String[] values = new String[rows];
                for (int row = 0; row < rows; row++) {
                    values[row] = table.value(row, column);
                }
                strings[f] = values;
            }
        }
        int labelColumn = table.indexOf(schema.label());
        if (labelColumn < 0) {
            throw MlopsException.inFile(table.source(), "label column '" + schema.label() + "' not found; columns are "
                    + table.columns());
        }
        String[] labels = new String[rows];
        for (int row = 0; row < rows; row++) {
            String label = table.value(row, labelColumn);
            if (label == null || label.isBlank()) {
                throw MlopsException.atLine(table.source(), table.line(row),
                        "label column '" + schema.label() + "' is empty, expected a class name");
            }
            labels[row] = label.strip();
        }
        return new TypedData(table.source(), schema, numbers, strings, labels, table.lines().clone());
    }

    private static double[] parseNumbers(final Table table, final int column, final String name) {
        double[] values = new double[table.size()];
        for (int row = 0; row < values.length; row++) {
            String text = table.value(row, column);
            if (text == null || text.isBlank()) {
                values[row] = Double.NaN;
                continue;
            }
            Double value = Numbers.parse(text.strip());
            if (value == null) {
                String expected = Numbers.isNonFinite(text) ? "is not a finite number" : "is not a number";
                throw MlopsException.atLine(table.source(), table.line(row),
                        "column '" + name + "' " + expected + ": \"" + text + "\"");
            }
            values[row] = value;
        }
        return values;
    }

    /**
     * Returns a subset of the rows.
     *
     * @param indexes the rows to keep, in order
     * @return the subset
     */
    public TypedData select(final int[] indexes) {
        double[][] n = new double[numbers.length][];
        String[][] s = new String[strings.length][];
        for (int f = 0; f < numbers.length; f++) {
            if (numbers[f] != null) {
                n[f] = new double[indexes.length];
                for (int i = 0; i < indexes.length; i++) {
                    n[f][i] = numbers[f][indexes[i]];
                }
            }
            if (strings[f] != null) {
                s[f] = new String[indexes.length];
                for (int i = 0; i < indexes.length; i++) {
                    s[f][i] = strings[f][indexes[i]];
                }
            }
        }
        String[] l = new String[indexes.length];
        long[] li = new long[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            l[i] = labels[indexes[i]];
            li[i] = lines[indexes[i]];
        }
        return new TypedData(source, schema, n, s, l, li);
    }

    /** @return the file the data came from */
    public Path source() {
        return source;
    }

    /** @return the schema */
    public DataSchema schema() {
        return schema;
    }

    /** @return the number of rows */
    public int size() {
        return labels.length;
    }

    /**
     * Returns a numeric value.
     *
     * @param feature the index of the feature column in the schema
     * @param row     the row
     * @return the value, {@code NaN} if missing
     */
    public double number(final int feature, final int row) {
        return numbers[feature][row];
    }

    /**
     * Returns a text or categorical value.
     *
     * @param feature the index of the feature column in the schema
     * @param row     the row
     * @return the value, {@code null} if missing
     */
    public String string(final int feature, final int row) {
        return strings[feature][row];
    }

    /**
     * Returns the label of a row.
     *
     * @param row the row
     * @return the label
     */
    public String label(final int row) {
        return labels[row];
    }

    /**
     * Returns the line of the file a row starts on.
     *
     * @param row the row
     * @return the 1-based line
     */
    public long line(final int row) {
        return lines[row];
    }
}

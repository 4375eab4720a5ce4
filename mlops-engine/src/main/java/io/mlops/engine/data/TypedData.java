package io.mlops.engine.data;

import io.mlops.contract.MlopsException;
import io.mlops.contract.data.ColumnSpec;
import io.mlops.contract.data.ColumnType;
import io.mlops.contract.data.DataSchema;
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
    // the file of each row when the data spans several files ({@link #concat}), else null
    private final Path[] rowSources;

    private TypedData(
            final Path source,
            final DataSchema schema,
            final double[][] numbers,
            final String[][] strings,
            final String[] labels,
            final long[] lines) {
        this(source, schema, numbers, strings, labels, lines, null);
    }

    private TypedData(
            final Path source,
            final DataSchema schema,
            final double[][] numbers,
            final String[][] strings,
            final String[] labels,
            final long[] lines,
            final Path[] rowSources) {
        this.source = source;
        this.schema = schema;
        this.numbers = numbers;
        this.strings = strings;
        this.labels = labels;
        this.lines = lines;
        this.rowSources = rowSources;
    }

    /**
     * Joins data sets of one schema read from several files, in order; each row keeps its file and line for messages.
     *
     * @param parts the parts, at least one, all with the same schema
     * @return the joined data, named after the first part's file
     * @throws IllegalArgumentException if there is no part or the schemas differ
     */
    public static TypedData concat(final List<TypedData> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no parts to join");
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        TypedData first = parts.get(0);
        int rows = parts.stream().mapToInt(TypedData::size).sum();
        int features = first.numbers.length;
        double[][] n = new double[features][];
        String[][] s = new String[features][];
        for (int f = 0; f < features; f++) {
            n[f] = first.numbers[f] == null ? null : new double[rows];
            s[f] = first.strings[f] == null ? null : new String[rows];
        }
        String[] l = new String[rows];
        long[] li = new long[rows];
        Path[] sources = new Path[rows];
        int at = 0;
        for (TypedData part : parts) {
            if (!part.schema.equals(first.schema)) {
                throw new IllegalArgumentException("schemas differ: " + part.source + " and " + first.source);
            }
            int size = part.size();
            for (int f = 0; f < features; f++) {
                if (n[f] != null) {
                    System.arraycopy(part.numbers[f], 0, n[f], at, size);
                }
                if (s[f] != null) {
                    System.arraycopy(part.strings[f], 0, s[f], at, size);
                }
            }
            System.arraycopy(part.labels, 0, l, at, size);
            System.arraycopy(part.lines, 0, li, at, size);
            for (int row = 0; row < size; row++) {
                sources[at + row] = part.source(row);
            }
            at += size;
        }
        return new TypedData(first.source, first.schema, n, s, l, li, sources);
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
        // columns in schema order, so that the first problem in that order is the one reported
        for (int f = 0; f < features.size(); f++) {
            ColumnSpec spec = features.get(f);
            int column = table.indexOf(spec.name());
            if (column < 0) {
                throw MlopsException.inFile(
                        table.source(),
                        "column '" + spec.name() + "' of the model's schema not found; columns are " + table.columns());
            }
            Column values = table.column(column);
            if (spec.type() != ColumnType.NUMERIC) {
                strings[f] = Column.texts(values);
            } else if (values instanceof Column.Decimals decimals) {
                // parsed from the file already; shared, as neither side changes it
                numbers[f] = decimals.values();
            } else {
                numbers[f] = parseNumbers(table, column, spec.name());
            }
        }
        int labelColumn = table.indexOf(schema.label());
        if (labelColumn < 0) {
            throw MlopsException.inFile(
                    table.source(), "label column '" + schema.label() + "' not found; columns are " + table.columns());
        }
        String[] labels = new String[rows];
        Column labelValues = table.column(labelColumn);
        for (int row = 0; row < rows; row++) {
            String label = labelValues.text(row);
            if (label == null || label.isBlank()) {
                throw MlopsException.atLine(
                        table.source(),
                        table.line(row),
                        "label column '" + schema.label() + "' is empty, expected a class name");
            }
            labels[row] = label.strip();
        }
        return new TypedData(
                table.source(), schema, numbers, strings, labels, table.lines().clone());
    }

    private static double[] parseNumbers(final Table table, final int column, final String name) {
        double[] values = new double[table.size()];
        for (int row = 0; row < values.length; row++) {
            String text = table.value(row, column);
            if (text == null || text.isBlank()) {
                values[row] = Double.NaN;
                continue;
            }
            double plain = parsePlainDecimal(text);
            if (plain == plain) {
                values[row] = plain;
                continue;
            }
            Double value = Numbers.parse(text.strip());
            if (value == null) {
                String expected = Numbers.isNonFinite(text) ? "is not a finite number" : "is not a number";
                String hint = DecimalComma.appearsIn(text, '\n')
                        ? "; it has a decimal comma: read the file with --decimal-comma (spec or Pipeline step: decimalComma: true)"
                        : "";
                throw MlopsException.atLine(
                        table.source(),
                        table.line(row),
                        "column '" + name + "' " + expected + ": \"" + text + "\"" + hint);
            }
            values[row] = value;
        }
        return values;
    }

    /** Powers of ten that a double holds exactly. */
    private static final double[] EXACT_POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    };

    private static final long MAX_EXACT_MANTISSA = 1L << 53;

    /**
     * Parses the common plain form of a decimal ({@code [+-]digits[.digits]}, no exponent, no blanks) with
     * at most 15 or so significant digits, giving exactly what {@link Double#parseDouble} gives: the digits
     * form an integer that a double holds exactly, and a single division by an exact power of ten is
     * correctly rounded (Clinger's fast path). Anything else is left to the full parser.
     *
     * @param text the text
     * @return the number, or {@code NaN} if the text is not of this form and needs the full parser
     */
    static double parsePlainDecimal(final String text) {
        int length = text.length();
        int i = 0;
        boolean negative = false;
        if (length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
            negative = text.charAt(0) == '-';
            i = 1;
        }
        long mantissa = 0;
        int digits = 0;
        int decimals = 0;
        boolean point = false;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (mantissa >= MAX_EXACT_MANTISSA / 10) {
                    return Double.NaN;
                }
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (point) {
                    decimals++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0 || decimals >= EXACT_POWERS_OF_TEN.length) {
            return Double.NaN;
        }
        double value = decimals == 0 ? mantissa : mantissa / EXACT_POWERS_OF_TEN[decimals];
        return negative ? -value : value;
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
        Path[] so = rowSources == null ? null : new Path[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            l[i] = labels[indexes[i]];
            li[i] = lines[indexes[i]];
            if (so != null) {
                so[i] = rowSources[indexes[i]];
            }
        }
        return new TypedData(source, schema, n, s, l, li, so);
    }

    /** @return the file the data came from; the first file when it spans several */
    public Path source() {
        return source;
    }

    /**
     * Returns the file a row came from.
     *
     * @param row the row
     * @return its file
     */
    public Path source(final int row) {
        return rowSources == null ? source : rowSources[row];
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

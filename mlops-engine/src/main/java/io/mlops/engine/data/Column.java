package io.mlops.engine.data;

/**
 * One column of a {@link Table}: numbers kept as {@code double}s, or text kept as strings. A column is numeric
 * when every value is missing or a decimal in its canonical plain form ({@code -12}, {@code 0.50}: no sign
 * {@code +}, no leading zero, no exponent, at most {@value #MAX_DIGITS} digits), whose text is given back exactly
 * from the number and its count of decimals; any other column keeps each value's text.
 */
public sealed interface Column permits Column.Decimals, Column.Texts {
    /** The most digits of a number kept as a {@code double}: its text is then given back exactly. */
    int MAX_DIGITS = 15;

    /** The count of decimals that marks a missing value in {@link Decimals}. */
    byte MISSING = -1;

    /**
     * Returns the text of a value, as the file wrote it (with a decimal comma read as a point).
     *
     * @param row the row
     * @return the text, or {@code null} if missing (empty)
     */
    String text(int row);

    /** @return the number of values */
    int size();

    /**
     * Returns the values of some rows.
     *
     * @param rows the rows, in the order wanted
     * @return a column of their values
     */
    Column select(int[] rows);

    /**
     * A numeric column.
     *
     * @param values   the numbers, {@code NaN} where missing
     * @param decimals per value, the count of digits after its decimal mark ({@code 0} for none), or
     *                 {@link #MISSING}
     */
    record Decimals(double[] values, byte[] decimals) implements Column {
        private static final double[] POWERS = {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
        };

        @Override
        public String text(final int row) {
            int d = decimals[row];
            if (d == MISSING) {
                return null;
            }
            double value = values[row];
            // value is the correctly rounded quotient of an integer below 10^15 by 10^d: one rounding more
            // stays well within half a unit, so rounding gives the integer back exactly
            long digits = Math.round(Math.abs(value) * POWERS[d]);
            String sign = Double.doubleToRawLongBits(value) < 0 ? "-" : "";
            if (d == 0) {
                return sign + digits;
            }
            String plain = Long.toString(digits);
            if (plain.length() <= d) {
                plain = "0".repeat(d - plain.length() + 1) + plain;
            }
            int point = plain.length() - d;
            return sign + plain.substring(0, point) + "." + plain.substring(point);
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public Column select(final int[] rows) {
            double[] v = new double[rows.length];
            byte[] d = new byte[rows.length];
            for (int i = 0; i < rows.length; i++) {
                v[i] = values[rows[i]];
                d[i] = decimals[rows[i]];
            }
            return new Decimals(v, d);
        }
    }

    /**
     * A text column.
     *
     * @param values the texts, {@code null} or empty where missing
     */
    record Texts(String[] values) implements Column {
        @Override
        public String text(final int row) {
            String value = values[row];
            return value == null || value.isEmpty() ? null : value;
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public Column select(final int[] rows) {
            String[] v = new String[rows.length];
            for (int i = 0; i < rows.length; i++) {
                v[i] = values[rows[i]];
            }
            return new Texts(v);
        }
    }

    /**
     * Joins columns end to end: numeric if all are, else text.
     *
     * @param parts the columns
     * @return the joined column
     */
    static Column concat(final java.util.List<Column> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        int size = parts.stream().mapToInt(Column::size).sum();
        if (parts.stream().allMatch(Decimals.class::isInstance)) {
            double[] v = new double[size];
            byte[] d = new byte[size];
            int at = 0;
            for (Column part : parts) {
                Decimals numbers = (Decimals) part;
                System.arraycopy(numbers.values(), 0, v, at, numbers.size());
                System.arraycopy(numbers.decimals(), 0, d, at, numbers.size());
                at += numbers.size();
            }
            return new Decimals(v, d);
        }
        String[] v = new String[size];
        int at = 0;
        for (Column part : parts) {
            if (part instanceof Texts texts) {
                System.arraycopy(texts.values(), 0, v, at, texts.size());
            } else {
                for (int row = 0; row < part.size(); row++) {
                    v[at + row] = part.text(row);
                }
            }
            at += part.size();
        }
        return new Texts(v);
    }

    /**
     * Types a column of texts: numeric if every value is missing or a canonical plain decimal.
     *
     * @param texts the texts, {@code null} or empty where missing; not changed
     * @return the column
     */
    static Column of(final String[] texts) {
        ColumnBuilder builder = new ColumnBuilder(texts.length);
        for (String text : texts) {
            builder.addText(text);
        }
        return builder.build();
    }

    /**
     * Returns the texts of a column as an array (a copy).
     *
     * @param column the column
     * @return one text per row, {@code null} where missing
     */
    static String[] texts(final Column column) {
        String[] values = new String[column.size()];
        for (int row = 0; row < values.length; row++) {
            values[row] = column.text(row);
        }
        return values;
    }
}

package io.mlops.engine.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Collects the values of one column, row after row, as numbers while every value is a canonical plain decimal
 * (see {@link Column}), else as texts; a column that turns out to be text gets the texts of its earlier numbers
 * back exactly.
 */
final class ColumnBuilder {
    private static final double[] POWERS = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
    };

    private double[] values;
    private byte[] decimals;
    private String[] texts;
    private int size;

    ColumnBuilder(final int capacity) {
        values = new double[Math.max(capacity, 1)];
        decimals = new byte[values.length];
    }

    /**
     * Adds a value given as text.
     *
     * @param text the text, {@code null} or empty if missing
     */
    void addText(final String text) {
        if (texts == null) {
            if (text == null || text.isEmpty()) {
                addMissing();
                return;
            }
            if (addCanonical(text)) {
                return;
            }
            toTexts();
        }
        if (size == texts.length) {
            texts = Arrays.copyOf(texts, size * 2);
        }
        texts[size++] = text;
    }

    /**
     * Adds a value given as bytes of ASCII or UTF-8.
     *
     * @param bytes   the bytes
     * @param from    the value's first byte
     * @param to      after its last byte
     * @param comma   whether a comma is a decimal mark (a decimal-comma file), read as a point
     */
    void addBytes(final byte[] bytes, final int from, final int to, final boolean comma) {
        if (texts == null) {
            if (from == to) {
                addMissing();
                return;
            }
            if (addCanonical(bytes, from, to, comma)) {
                return;
            }
            toTexts();
        }
        if (size == texts.length) {
            texts = Arrays.copyOf(texts, size * 2);
        }
        texts[size++] = text(bytes, from, to, comma);
    }

    /** The text of a field that is not a canonical number, with a decimal comma turned into a point as before. */
    private static String text(final byte[] bytes, final int from, final int to, final boolean comma) {
        if (comma) {
            char[] chars = new String(bytes, from, to - from, StandardCharsets.UTF_8).toCharArray();
            return DecimalComma.toPoint(chars, 0, chars.length);
        }
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }

    private void addMissing() {
        grow();
        values[size] = Double.NaN;
        decimals[size++] = Column.MISSING;
    }

    private void grow() {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
            decimals = Arrays.copyOf(decimals, size * 2);
        }
    }

    private boolean addCanonical(final byte[] bytes, final int from, final int to, final boolean comma) {
        int i = from;
        boolean negative = bytes[i] == '-';
        if (negative) {
            i++;
        }
        int intStart = i;
        long mantissa = 0;
        while (i < to && bytes[i] >= '0' && bytes[i] <= '9') {
            mantissa = mantissa * 10 + (bytes[i] - '0');
            i++;
        }
        int intDigits = i - intStart;
        if (intDigits == 0 || intDigits > 1 && bytes[intStart] == '0' || intDigits > Column.MAX_DIGITS) {
            return false;
        }
        int d = 0;
        if (i < to) {
            if (!(bytes[i] == '.' || comma && bytes[i] == ',')) {
                return false;
            }
            i++;
            int fracStart = i;
            while (i < to && bytes[i] >= '0' && bytes[i] <= '9' && i - fracStart < Column.MAX_DIGITS) {
                mantissa = mantissa * 10 + (bytes[i] - '0');
                i++;
            }
            d = i - fracStart;
            if (i < to || d == 0 || intDigits + d > Column.MAX_DIGITS) {
                return false;
            }
        }
        put(negative, mantissa, d);
        return true;
    }

    private boolean addCanonical(final String text) {
        int to = text.length();
        int i = 0;
        boolean negative = text.charAt(0) == '-';
        if (negative) {
            i++;
        }
        int intStart = i;
        long mantissa = 0;
        while (i < to && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            mantissa = mantissa * 10 + (text.charAt(i) - '0');
            i++;
        }
        int intDigits = i - intStart;
        if (intDigits == 0 || intDigits > 1 && text.charAt(intStart) == '0' || intDigits > Column.MAX_DIGITS) {
            return false;
        }
        int d = 0;
        if (i < to) {
            if (text.charAt(i) != '.') {
                return false;
            }
            i++;
            int fracStart = i;
            while (i < to && text.charAt(i) >= '0' && text.charAt(i) <= '9' && i - fracStart < Column.MAX_DIGITS) {
                mantissa = mantissa * 10 + (text.charAt(i) - '0');
                i++;
            }
            d = i - fracStart;
            if (i < to || d == 0 || intDigits + d > Column.MAX_DIGITS) {
                return false;
            }
        }
        put(negative, mantissa, d);
        return true;
    }

    private void put(final boolean negative, final long mantissa, final int d) {
        // an integer below 10^15 divided by an exact power of ten: correctly rounded, as Double.parseDouble gives
        double value = d == 0 ? mantissa : mantissa / POWERS[d];
        grow();
        values[size] = negative ? -value : value;
        decimals[size++] = (byte) d;
    }

    private void toTexts() {
        Column.Decimals numbers = new Column.Decimals(values, decimals);
        texts = new String[values.length];
        for (int row = 0; row < size; row++) {
            texts[row] = numbers.text(row);
        }
        values = null;
        decimals = null;
    }

    /** @return whether the column holds texts */
    boolean isText() {
        return texts != null;
    }

    /** @return the number of values added */
    int size() {
        return size;
    }

    /** @return the column of the values added */
    Column build() {
        if (texts != null) {
            return new Column.Texts(texts.length == size ? texts : Arrays.copyOf(texts, size));
        }
        return values.length == size
                ? new Column.Decimals(values, decimals)
                : new Column.Decimals(Arrays.copyOf(values, size), Arrays.copyOf(decimals, size));
    }
}

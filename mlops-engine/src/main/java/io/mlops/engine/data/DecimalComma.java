package io.mlops.engine.data;

/**
 * Numbers written with a decimal comma ({@code 3,5}, {@code -0,25}), as Excel writes them in German and
 * other European locales: found in a file's first lines, and turned into the decimal point the rest of the
 * engine reads. Only a whole field of the form {@code [+-]digits,digits} is a number; anything else is
 * left as it is.
 */
final class DecimalComma {
    private DecimalComma() {}

    /**
     * Tells whether some field of the first lines is a decimal-comma number.
     *
     * @param text      the start of the file
     * @param separator the field separator
     * @return whether one was found
     */
    static boolean appearsIn(final String text, final char separator) {
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == separator || text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                char[] field = text.substring(start, i).strip().toCharArray();
                if (isNumber(field, 0, field.length)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    /**
     * Returns a field with its decimal comma turned into a point if it is a decimal-comma number.
     *
     * @param buf    the characters
     * @param offset where the field starts
     * @param length its length
     * @return the field as a string
     */
    static String toPoint(final char[] buf, final int offset, final int length) {
        if (!isNumber(buf, offset, length)) {
            return new String(buf, offset, length);
        }
        char[] copy = java.util.Arrays.copyOfRange(buf, offset, offset + length);
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == ',') {
                copy[i] = '.';
            }
        }
        return new String(copy);
    }

    private static boolean isNumber(final char[] buf, final int offset, final int length) {
        int i = offset;
        int end = offset + length;
        if (i < end && (buf[i] == '-' || buf[i] == '+')) {
            i++;
        }
        int before = 0;
        while (i < end && buf[i] >= '0' && buf[i] <= '9') {
            i++;
            before++;
        }
        if (i >= end || buf[i] != ',') {
            return false;
        }
        i++;
        int after = 0;
        while (i < end && buf[i] >= '0' && buf[i] <= '9') {
            i++;
            after++;
        }
        return i == end && before > 0 && after > 0;
    }
}

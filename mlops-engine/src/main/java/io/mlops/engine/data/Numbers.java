package io.mlops.engine.data;

/** Strict parsing of numbers in data files. */
public final class Numbers {
    private Numbers() {}

    /**
     * Parses a decimal number as written in data files ({@code 12}, {@code -3.5}, {@code 1e-3}).
     *
     * @param text the text
     * @return the number, or {@code null} if the text is not a decimal number (this includes
     *         {@code NaN}, {@code Infinity}, hexadecimal and Java suffixes such as {@code 12f})
     */
    public static Double parse(final String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        char last = text.charAt(text.length() - 1);
        char first = text.charAt(0);
        if (!(Character.isDigit(last) || last == '.')
                || !(Character.isDigit(first) || first == '-' || first == '+' || first == '.')) {
            return null;
        }
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException exception) {
            return null;
        }
    }

    /**
     * Tells whether a text is a non-finite number such as {@code NaN} or {@code -Infinity}.
     *
     * @param text the text
     * @return whether it is NaN or infinite
     */
    public static boolean isNonFinite(final String text) {
        String t = text.strip();
        return t.equalsIgnoreCase("nan") || t.matches("(?i)[+-]?(inf|infinity)");
    }
}

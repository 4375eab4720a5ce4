package io.mlops.contract.text;

/**
 * Makes untrusted text safe to print in a human-readable line (a table row, a log line, a message):
 * control characters are escaped, so a newline in a user's value cannot forge another row, and long
 * values are shortened, so an error message stays one readable line whatever the input.
 */
public final class Printable {
    /** The longest value {@link #quote(String)} prints whole. */
    public static final int QUOTE_LIMIT = 80;

    private static final int HEAD = 60;

    private Printable() {}

    /**
     * Escapes control characters ({@code \n}, {@code \r}, {@code \t} by name, others as {@code \}{@code uXXXX},
     * including Unicode line and paragraph separators and bidirectional overrides).
     *
     * @param text the text, or {@code null}
     * @return the text without control characters; {@code "null"} for {@code null}
     */
    public static String escape(final String text) {
        if (text == null) {
            return "null";
        }
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (unsafe(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * Escapes and, when longer than {@value #QUOTE_LIMIT} characters, shortens a value for a message:
     * its first 60 characters, then {@code ...(N more characters)}.
     *
     * @param text the value, or {@code null}
     * @return the printable value, at most about 100 characters
     */
    public static String shorten(final String text) {
        if (text == null || text.length() <= QUOTE_LIMIT) {
            return escape(text);
        }
        return escape(text.substring(0, HEAD)) + "...(" + (text.length() - HEAD) + " more characters)";
    }

    private static int firstUnsafe(final String text) {
        for (int i = 0; i < text.length(); i++) {
            if (unsafe(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean unsafe(final char c) {
        return c < 0x20
                || (c >= 0x7f && c < 0xa0)
                || c == '\u2028'
                || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }
}

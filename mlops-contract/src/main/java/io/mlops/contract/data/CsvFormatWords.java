package io.mlops.contract.data;

import io.mlops.contract.MlopsException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/**
 * The words in which a user says how a CSV file is written, in a spec, on the command line or as a Pipeline step's
 * argument, and their rules: a field separator, a decimal comma and a text encoding.
 */
public final class CsvFormatWords {
    /** The word for a tab separator; {@code \t} is taken too. */
    public static final String TAB = "tab";

    private CsvFormatWords() {}

    /**
     * Reads a field separator.
     *
     * @param word one character, {@value #TAB} or {@code \t}
     * @return the separator
     * @throws MlopsException naming the word and what is expected
     */
    public static char delimiter(final String word) {
        String text = word.equalsIgnoreCase(TAB) || word.equals("\\t") ? "\t" : word;
        if (text.length() != 1 || text.charAt(0) == '"' || text.charAt(0) == '\n' || text.charAt(0) == '\r') {
            throw new MlopsException(
                    "delimiter '" + word
                            + "' is not valid; expected one character such as ',' or ';' or 'tab', not a quote or a line break");
        }
        return text.charAt(0);
    }

    /**
     * Reads a text encoding.
     *
     * @param name a charset name such as {@code windows-1252}
     * @return the charset
     * @throws MlopsException naming the name and what is expected
     */
    public static Charset encoding(final String name) {
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException exception) {
            throw new MlopsException(
                    "encoding '" + name + "' is not known; expected a name such as UTF-8, windows-1252 or ISO-8859-1");
        }
    }

    /**
     * Checks that a decimal comma and a separator go together.
     *
     * @param delimiter    the separator, or {@code null} when it is detected
     * @param decimalComma whether numbers use a decimal comma, or {@code null} when it is detected
     * @throws MlopsException if both are commas
     */
    public static void requireCompatible(final Character delimiter, final Boolean decimalComma) {
        if (Boolean.TRUE.equals(decimalComma) && delimiter != null && delimiter == ',') {
            throw new MlopsException(
                    "a decimal comma needs another field separator than ','; use delimiter ';' with decimalComma");
        }
    }

    /**
     * Checks the three words together, as a command or a step receives them.
     *
     * @param delimiter    the separator's word, or {@code null} when it is detected
     * @param decimalComma whether numbers use a decimal comma, or {@code null} when it is detected
     * @param encoding     the encoding's name, or {@code null} for UTF-8
     * @return the separator, or {@code null} when it is detected
     * @throws MlopsException naming the first word that is not valid
     */
    public static Character requireValid(final String delimiter, final Boolean decimalComma, final String encoding) {
        Character separator = delimiter == null ? null : delimiter(delimiter);
        if (encoding != null) {
            encoding(encoding);
        }
        requireCompatible(separator, decimalComma);
        return separator;
    }
}

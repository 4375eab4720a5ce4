package io.mlops.engine.data;

import io.mlops.contract.MlopsException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * How a CSV file is written: the field separator, the decimal mark of its numbers and its text encoding.
 * {@code null} means "detect from the file": {@code ;} instead of {@code ,} when the header line has more of
 * them, and a decimal comma when the separator is {@code ;} and numbers like {@code 3,5} appear, as
 * Excel writes CSV in German and other European locales.
 *
 * @param delimiter    the field separator, or {@code null} to detect it
 * @param decimalComma whether numbers use {@code ,} as the decimal mark, or {@code null} to detect it
 * @param encoding     the text encoding (UTF-8 unless given)
 */
public record CsvFormat(Character delimiter, Boolean decimalComma, Charset encoding) {
    /** Detect separator and decimal mark; UTF-8. */
    public static final CsvFormat DETECT = new CsvFormat(null, null, StandardCharsets.UTF_8);

    /** Creates a format. */
    public CsvFormat {
        encoding = encoding == null ? StandardCharsets.UTF_8 : encoding;
    }

    /**
     * Creates a format from the user's words, as in a spec or on the command line.
     *
     * @param delimiter    one character, {@code tab} or {@code \t}, or {@code null} to detect
     * @param decimalComma whether numbers use a decimal comma, or {@code null} to detect
     * @param encoding     a charset name such as {@code windows-1252}, or {@code null} for UTF-8
     * @return the format
     * @throws MlopsException naming the bad value
     */
    public static CsvFormat of(final String delimiter, final Boolean decimalComma, final String encoding) {
        Character separator = null;
        if (delimiter != null) {
            String text = delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t") ? "\t" : delimiter;
            if (text.length() != 1 || text.charAt(0) == '"' || text.charAt(0) == '\n' || text.charAt(0) == '\r') {
                throw new MlopsException("delimiter '" + delimiter
                        + "' is not valid; expected one character such as ',' or ';' or 'tab', not a quote or"
                        + " a line break");
            }
            separator = text.charAt(0);
        }
        Charset charset = null;
        if (encoding != null) {
            try {
                charset = Charset.forName(encoding.strip());
            } catch (IllegalCharsetNameException | UnsupportedCharsetException exception) {
                throw new MlopsException("encoding '" + encoding
                        + "' is not known; expected a name such as UTF-8, windows-1252 or ISO-8859-1");
            }
        }
        if (Boolean.TRUE.equals(decimalComma) && separator != null && separator == ',') {
            throw new MlopsException(
                    "a decimal comma needs another field separator than ','; use delimiter ';' with decimalComma");
        }
        return new CsvFormat(separator, decimalComma, charset);
    }

    /** @return whether this is the default: detect everything, UTF-8 */
    public boolean isDefault() {
        return equals(DETECT);
    }
}

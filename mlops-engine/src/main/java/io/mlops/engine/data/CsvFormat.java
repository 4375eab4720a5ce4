package io.mlops.engine.data;

import io.mlops.contract.data.CsvFormatWords;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

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
     * @throws io.mlops.contract.MlopsException naming the bad value
     */
    public static CsvFormat of(final String delimiter, final Boolean decimalComma, final String encoding) {
        Character separator = delimiter == null ? null : CsvFormatWords.delimiter(delimiter);
        Charset charset = encoding == null ? null : CsvFormatWords.encoding(encoding);
        CsvFormatWords.requireCompatible(separator, decimalComma);
        return new CsvFormat(separator, decimalComma, charset);
    }

    /** @return whether this is the default: detect everything, UTF-8 */
    public boolean isDefault() {
        return equals(DETECT);
    }
}

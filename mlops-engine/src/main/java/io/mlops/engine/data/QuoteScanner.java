package io.mlops.engine.data;

import java.io.IOException;
import java.io.Reader;

/**
 * Finds, by reading a CSV file once more character by character, the line where a quoted field opens that
 * is never closed, or where a field starts that is longer than a limit. Used only to word an error after
 * the CSV reader failed or swallowed the rest of the file into one field; quotes follow RFC 4180 (a quote
 * opens a field only at its start, {@code ""} inside is a quote).
 */
final class QuoteScanner {
    /**
     * What the scan found.
     *
     * @param unterminatedQuoteLine the 1-based line where a never-closed quoted field opens, or 0
     * @param longFieldLine         the 1-based line where the first field over the limit starts, or 0
     */
    record Finding(long unterminatedQuoteLine, long longFieldLine) {}

    private QuoteScanner() {}

    /**
     * Scans a file.
     *
     * @param in        the file's text
     * @param separator the field separator
     * @param limit     the longest field allowed, in characters
     * @return what it found
     * @throws IOException if reading fails
     */
    static Finding scan(final Reader in, final char separator, final long limit) throws IOException {
        char[] buffer = new char[1 << 16];
        long line = 1;
        long fieldLine = 1;
        long fieldLength = 0;
        long longField = 0;
        boolean atFieldStart = true;
        boolean quoted = false;
        boolean quoteInQuoted = false;
        boolean lastWasCr = false;
        int read;
        while ((read = in.read(buffer)) >= 0) {
            for (int i = 0; i < read; i++) {
                char c = buffer[i];
                boolean newline = c == '\n' && !lastWasCr || c == '\r';
                lastWasCr = c == '\r';
                if (quoted) {
                    if (quoteInQuoted) {
                        quoteInQuoted = false;
                        if (c != '"') {
                            // the quote before closed the field
                            quoted = false;
                        } else {
                            fieldLength++;
                            continue;
                        }
                    } else if (c == '"') {
                        quoteInQuoted = true;
                        continue;
                    } else {
                        fieldLength++;
                        if (newline) {
                            line++;
                        }
                        if (fieldLength > limit && longField == 0) {
                            longField = fieldLine;
                        }
                        continue;
                    }
                }
                if (c == separator || c == '\n' || c == '\r') {
                    atFieldStart = true;
                    fieldLength = 0;
                    if (newline) {
                        line++;
                    }
                    fieldLine = line;
                } else if (c == '"' && atFieldStart) {
                    quoted = true;
                    atFieldStart = false;
                    fieldLine = line;
                } else {
                    atFieldStart = false;
                    if (++fieldLength > limit && longField == 0) {
                        longField = fieldLine;
                    }
                }
            }
        }
        return new Finding(quoted && !quoteInQuoted ? fieldLine : 0, longField);
    }
}

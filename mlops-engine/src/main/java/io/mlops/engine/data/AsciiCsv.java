package io.mlops.engine.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Reads the most common CSV file, plain ASCII without a single quote character, straight from its bytes
 * on all cores: the rows are cut into chunks at line ends and each chunk is split into fields by its own
 * thread. The result is exactly what the general reader (FastCSV) gives for such a file: the same fields,
 * the same line numbers, empty lines skipped, the same first error. Any other file (a quote, a byte that is
 * not ASCII, a lone carriage return, a NUL byte, a field over the size limit) is left to the general reader.
 */
final class AsciiCsv {
    /** Chunks per read; fixed, so that the work is the same on every machine. */
    private static final int CHUNKS = 16;

    /** Files below this size are read by one thread. */
    private static final int PARALLEL_BYTES = 1 << 20;

    private AsciiCsv() {}

    /**
     * The rows of one chunk, or why the chunk cannot be read here.
     *
     * @param columns   the values of each column (none when refused)
     * @param lines     for each record, its line counted from the start of the chunk (0-based)
     * @param rows      the records read
     * @param lineCount the line ends in the chunk
     * @param badLine   the line (from the chunk's start) of the first record whose field count differs from the
     *                  header's, or -1
     * @param badCount  its field count
     * @param refused   whether the chunk holds something only the general reader reads
     * @param quote     whether the chunk was given up at a quote, to be read again with chunks cut outside quotes
     */
    private record Chunk(
            ColumnBuilder[] columns,
            long[] lines,
            int rows,
            long lineCount,
            long badLine,
            int badCount,
            boolean refused,
            boolean quote) {
        static Chunk refusal() {
            return new Chunk(null, null, 0, 0, -1, 0, true, false);
        }

        static Chunk atQuote() {
            return new Chunk(null, null, 0, 0, -1, 0, true, true);
        }
    }

    /**
     * What was read.
     *
     * @param header   the header fields
     * @param columns  the values of each column, for the records after the header (empty if a record is bad)
     * @param lines    the line of each record
     * @param badLine  the line of the first record whose field count differs from the header's, or 0
     * @param badCount its field count
     */
    record Result(String[] header, Column[] columns, long[] lines, long badLine, int badCount) {}

    /**
     * Reads a file if it is plain ASCII without quotes.
     *
     * @param bytes        its content
     * @param separator    the field separator (ASCII)
     * @param decimalComma whether numbers are written with a decimal comma
     * @return what was read, or {@code null} if the general reader must read the file
     */
    static Result read(final byte[] bytes, final char separator, final boolean decimalComma) {
        int headerEnd = lineEnd(bytes, 0);
        if (headerEnd < 0 || separator > 0x7F) {
            return null;
        }
        String[] header = header(bytes, headerEnd, (byte) separator);
        if (header == null) {
            return null;
        }
        int columns = header.length;
        int start = headerEnd + 1;
        int chunks = bytes.length < PARALLEL_BYTES ? 1 : CHUNKS;
        // first as if there were no quotes; a file with a quote anywhere is cut again, outside quotes only
        Chunk[] firstTry =
                chunks(bytes, bounds(bytes, start, chunks, false), (byte) separator, columns, decimalComma, false);
        Chunk[] parts = java.util.Arrays.stream(firstTry).anyMatch(Chunk::quote)
                ? chunks(bytes, bounds(bytes, start, chunks, true), (byte) separator, columns, decimalComma, true)
                : firstTry;
        int size = 0;
        for (Chunk part : parts) {
            if (part.refused()) {
                return null;
            }
            size += part.rows();
        }
        long[] lines = new long[size];
        long lineOffset = 2;
        int at = 0;
        for (Chunk part : parts) {
            if (part.badLine() >= 0) {
                return new Result(header, null, null, lineOffset + part.badLine(), part.badCount());
            }
            for (int r = 0; r < part.rows(); r++) {
                lines[at++] = lineOffset + part.lines()[r];
            }
            lineOffset += part.lineCount();
        }
        Column[] data = new Column[columns];
        IntStream.range(0, columns).parallel().forEach(c -> {
            List<Column> pieces = new ArrayList<>(parts.length);
            for (Chunk part : parts) {
                pieces.add(part.columns()[c].build());
                part.columns()[c] = null;
            }
            data[c] = Column.concat(pieces);
        });
        return new Result(header, data, lines, 0, 0);
    }

    /**
     * Where the chunks start and end: just after a line end, so that no record is cut; with {@code quotes}, only
     * after a line end outside quotes (one pass over the file, counting quotes: a doubled quote counts twice).
     */
    private static int[] bounds(final byte[] bytes, final int start, final int chunks, final boolean quotes) {
        int[] bounds = new int[chunks + 1];
        bounds[0] = start;
        boolean quoted = false;
        int at = start;
        for (int c = 1; c < chunks; c++) {
            int target = start + (int) ((long) (bytes.length - start) * c / chunks);
            if (target <= bounds[c - 1]) {
                bounds[c] = bounds[c - 1];
                continue;
            }
            if (!quotes) {
                int end = lineEnd(bytes, target - 1);
                bounds[c] = end < 0 ? bytes.length : end + 1;
                continue;
            }
            while (at < bytes.length && (at < target || quoted || bytes[at] != '\n')) {
                quoted ^= bytes[at] == '"';
                at++;
            }
            bounds[c] = Math.min(bytes.length, at + 1);
        }
        bounds[chunks] = bytes.length;
        return bounds;
    }

    private static Chunk[] chunks(
            final byte[] bytes,
            final int[] bounds,
            final byte separator,
            final int columns,
            final boolean decimalComma,
            final boolean quotes) {
        int chunks = bounds.length - 1;
        Chunk[] parts = new Chunk[chunks];
        IntStream range = IntStream.range(0, chunks);
        (chunks > 1 ? range.parallel() : range)
                .forEach(c ->
                        parts[c] = chunk(bytes, bounds[c], bounds[c + 1], separator, columns, decimalComma, quotes));
        return parts;
    }

    /** The header's fields, or {@code null} if the header line holds something only the general reader reads. */
    private static String[] header(final byte[] bytes, final int end, final byte separator) {
        int to = end > 0 && bytes[end - 1] == '\r' ? end - 1 : end;
        List<String> fields = new ArrayList<>();
        int fieldStart = 0;
        for (int i = 0; i <= to; i++) {
            byte b = i < to ? bytes[i] : separator;
            if (b == '"' || b <= 0 || b == '\r') {
                return null;
            }
            if (b == separator) {
                if (i - fieldStart > TableReader.MAX_FIELD_CHARS) {
                    return null;
                }
                fields.add(new String(bytes, fieldStart, i - fieldStart, StandardCharsets.ISO_8859_1));
                fieldStart = i + 1;
            }
        }
        return to == 0 ? null : fields.toArray(String[]::new);
    }

    /**
     * The closing quote of a quoted field whose text starts at {@code from}, or -1 if there is none before
     * {@code to} or the text holds what only the general reader reads (a carriage return, a byte that is not
     * ASCII, a NUL byte).
     */
    private static int closingQuote(final byte[] bytes, final int from, final int to) {
        int i = from;
        while (i < to) {
            byte b = bytes[i];
            if (b == '"') {
                if (i + 1 < to && bytes[i + 1] == '"') {
                    i += 2;
                    continue;
                }
                return i;
            }
            if (b <= 0 || b == '\r') {
                return -1;
            }
            i++;
        }
        return -1;
    }

    /** Adds a quoted field's text, a doubled quote read as one. */
    private static void addQuoted(
            final ColumnBuilder builder, final byte[] bytes, final int from, final int to, final boolean decimalComma) {
        int i = from;
        while (i < to && bytes[i] != '"') {
            i++;
        }
        if (i == to) {
            builder.addBytes(bytes, from, to, decimalComma);
            return;
        }
        byte[] text = new byte[to - from];
        int length = 0;
        for (int k = from; k < to; k++) {
            text[length++] = bytes[k];
            if (bytes[k] == '"') {
                k++;
            }
        }
        builder.addBytes(text, 0, length, decimalComma);
    }

    /** The position of the line end at or after {@code from}, or -1 if there is none. */
    private static int lineEnd(final byte[] bytes, final int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Splits the records of {@code [from, to)} into fields, each put into its column. A record with another field
     * count than {@code columns} ends the chunk as its bad record.
     */
    private static Chunk chunk(
            final byte[] bytes,
            final int from,
            final int to,
            final byte separator,
            final int columns,
            final boolean decimalComma,
            final boolean quotes) {
        // one pass for the line ends sizes the columns exactly (empty lines aside): no growing, no copying
        int estimate = 1;
        for (int i = from; i < to; i++) {
            estimate += bytes[i] == '\n' ? 1 : 0;
        }
        ColumnBuilder[] builders = new ColumnBuilder[columns];
        for (int c = 0; c < columns; c++) {
            builders[c] = new ColumnBuilder(estimate);
        }
        long[] lines = new long[estimate];
        int rows = 0;
        long line = 0;
        int i = from;
        while (i < to) {
            // an empty line is skipped
            if (bytes[i] == '\n' || bytes[i] == '\r' && i + 1 < to && bytes[i + 1] == '\n') {
                line++;
                i = bytes[i] == '\n' ? i + 1 : i + 2;
                continue;
            }
            int count = 0;
            int fieldStart = i;
            int end = i;
            long recordLine = line;
            while (true) {
                byte b = end < to ? bytes[end] : (byte) '\n';
                if (b == '"' && end == fieldStart) {
                    if (!quotes) {
                        return Chunk.atQuote();
                    }
                    int close = closingQuote(bytes, end + 1, to);
                    int after = close + 1;
                    byte next = after < to ? bytes[after] : (byte) '\n';
                    if (next == '\r' && after + 1 < to && bytes[after + 1] == '\n') {
                        after++;
                        next = '\n';
                    }
                    if (close < 0
                            || next != separator && next != '\n'
                            || close - end - 1 > TableReader.MAX_FIELD_CHARS) {
                        return Chunk.refusal();
                    }
                    if (count < columns) {
                        addQuoted(builders[count], bytes, end + 1, close, decimalComma);
                    }
                    for (int k = end + 1; k < close; k++) {
                        line += bytes[k] == '\n' ? 1 : 0;
                    }
                    count++;
                    end = after;
                    if (next == '\n') {
                        break;
                    }
                    fieldStart = end + 1;
                } else if (b == separator || b == '\n') {
                    int fieldEnd = end;
                    if (b == '\n' && fieldEnd > fieldStart && bytes[fieldEnd - 1] == '\r') {
                        fieldEnd--;
                    }
                    if (fieldEnd - fieldStart > TableReader.MAX_FIELD_CHARS) {
                        // the general reader words this
                        return Chunk.refusal();
                    }
                    if (count < columns) {
                        builders[count].addBytes(bytes, fieldStart, fieldEnd, decimalComma);
                    }
                    count++;
                    if (b == '\n') {
                        break;
                    }
                    fieldStart = end + 1;
                } else if (b == '"' || b <= 0 || b == '\r' && (end + 1 >= to || bytes[end + 1] != '\n')) {
                    // a quote, a byte that is not ASCII, a NUL byte or a lone carriage return
                    return Chunk.refusal();
                }
                end++;
            }
            if (count != columns) {
                return quotes
                        ? Chunk.refusal()
                        : new Chunk(null, null, rows, recordLine, recordLine, count, false, false);
            }
            if (rows == lines.length) {
                lines = java.util.Arrays.copyOf(lines, lines.length * 2);
            }
            lines[rows++] = recordLine;
            line++;
            i = end + 1;
        }
        return new Chunk(builders, lines, rows, line, -1, 0, false, false);
    }
}

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
     * @param rows      the fields of each record
     * @param lines     for each record, its line counted from the start of the chunk (0-based)
     * @param lineCount the line ends in the chunk
     * @param bad       the first record whose field count differs from the header's, or -1
     * @param badCount  its field count
     * @param refused   whether the chunk holds something only the general reader reads
     */
    private record Chunk(List<String[]> rows, long[] lines, long lineCount, int bad, int badCount, boolean refused) {}

    /**
     * What was read.
     *
     * @param header   the header fields
     * @param rows     the records after the header, up to the first bad one
     * @param lines    the line of each record
     * @param badLine  the line of the first record whose field count differs from the header's, or 0
     * @param badCount its field count
     */
    record Result(String[] header, List<String[]> rows, long[] lines, long badLine, int badCount) {}

    /**
     * Reads a file if it is plain ASCII without quotes.
     *
     * @param bytes     its content
     * @param separator the field separator (ASCII)
     * @return what was read, or {@code null} if the general reader must read the file
     */
    static Result read(final byte[] bytes, final char separator) {
        int headerEnd = lineEnd(bytes, 0);
        if (headerEnd < 0 || separator > 0x7F) {
            return null;
        }
        Chunk first = chunk(bytes, 0, headerEnd + 1, (byte) separator, -1);
        if (first.refused() || first.rows().isEmpty()) {
            return null;
        }
        String[] header = first.rows().get(0);
        int columns = header.length;
        int start = headerEnd + 1;
        int chunks = bytes.length < PARALLEL_BYTES ? 1 : CHUNKS;
        // chunks end just after a line end, so that no record is cut
        int[] bounds = new int[chunks + 1];
        bounds[0] = start;
        for (int c = 1; c < chunks; c++) {
            int target = start + (int) ((long) (bytes.length - start) * c / chunks);
            if (target <= bounds[c - 1]) {
                bounds[c] = bounds[c - 1];
                continue;
            }
            int end = lineEnd(bytes, target - 1);
            bounds[c] = end < 0 ? bytes.length : end + 1;
        }
        bounds[chunks] = bytes.length;
        Chunk[] parts = new Chunk[chunks];
        IntStream range = IntStream.range(0, chunks);
        (chunks > 1 ? range.parallel() : range)
                .forEach(c -> parts[c] = chunk(bytes, bounds[c], bounds[c + 1], (byte) separator, columns));
        int size = 0;
        for (Chunk part : parts) {
            if (part.refused()) {
                return null;
            }
            size += part.rows().size();
        }
        List<String[]> rows = new ArrayList<>(size);
        long[] lines = new long[size];
        long lineOffset = first.lineCount() + 1;
        for (Chunk part : parts) {
            for (int r = 0; r < part.rows().size(); r++) {
                lines[rows.size()] = lineOffset + part.lines()[r];
                rows.add(part.rows().get(r));
            }
            if (part.bad() >= 0) {
                return new Result(
                        header,
                        rows,
                        java.util.Arrays.copyOf(lines, rows.size()),
                        lineOffset + part.lines()[part.bad()],
                        part.badCount());
            }
            lineOffset += part.lineCount();
        }
        return new Result(header, rows, lines, 0, 0);
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
     * Splits the records of {@code [from, to)} into fields. A record with another field count than
     * {@code columns} (if not -1) ends the chunk as its bad record.
     */
    private static Chunk chunk(
            final byte[] bytes, final int from, final int to, final byte separator, final int columns) {
        List<String[]> rows = new ArrayList<>(Math.max(16, (to - from) / 64));
        long[] lines = new long[Math.max(16, (to - from) / 64)];
        String[] fields = new String[Math.max(columns, 8)];
        long line = 0;
        int i = from;
        while (i < to) {
            int count = 0;
            int fieldStart = i;
            int end = i;
            boolean empty = true;
            while (true) {
                byte b = end < to ? bytes[end] : (byte) '\n';
                if (b == separator || b == '\n') {
                    int fieldEnd = end;
                    if (b == '\n' && fieldEnd > fieldStart && bytes[fieldEnd - 1] == '\r') {
                        fieldEnd--;
                    }
                    if (b == '\n' && count == 0 && fieldEnd == fieldStart) {
                        break;
                    }
                    empty = false;
                    if (fieldEnd - fieldStart > TableReader.MAX_FIELD_CHARS) {
                        // the general reader words this
                        return new Chunk(rows, lines, line, -1, 0, true);
                    }
                    if (count == fields.length) {
                        fields = java.util.Arrays.copyOf(fields, count * 2);
                    }
                    fields[count++] = new String(bytes, fieldStart, fieldEnd - fieldStart, StandardCharsets.ISO_8859_1);
                    if (b == '\n') {
                        break;
                    }
                    fieldStart = end + 1;
                } else if (b == '"' || b <= 0 || b == '\r' && (end + 1 >= to || bytes[end + 1] != '\n')) {
                    // a quote, a byte that is not ASCII, a NUL byte or a lone carriage return
                    return new Chunk(rows, lines, line, -1, 0, true);
                }
                end++;
            }
            if (!empty) {
                if (columns >= 0 && count != columns) {
                    if (rows.size() == lines.length) {
                        lines = java.util.Arrays.copyOf(lines, lines.length * 2);
                    }
                    lines[rows.size()] = line;
                    return new Chunk(rows, lines, line, rows.size(), count, false);
                }
                if (rows.size() == lines.length) {
                    lines = java.util.Arrays.copyOf(lines, lines.length * 2);
                }
                lines[rows.size()] = line;
                rows.add(java.util.Arrays.copyOf(fields, count));
            }
            line++;
            i = end + 1;
        }
        return new Chunk(rows, lines, line, -1, 0, false);
    }
}

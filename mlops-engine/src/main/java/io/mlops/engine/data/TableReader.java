package io.mlops.engine.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.RecordWrapper;
import io.mlops.contract.Json;
import io.mlops.contract.MlopsException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads CSV (with a header line) and JSON Lines files into a {@link Table}.
 * The format is chosen by the file extension: {@code .jsonl}, {@code .ndjson} and {@code .json} are
 * JSON Lines, everything else is CSV.
 */
public final class TableReader {
    /** The most columns a data file may have: far beyond a tabular model's needs, far below what takes minutes. */
    public static final int MAX_COLUMNS = 10_000;

    /** The longest field FastCSV reads (its buffer limit), in characters. */
    static final int MAX_FIELD_CHARS = 16 * 1024 * 1024;

    /** How much of the start of a file is looked at to detect its format. */
    private static final int SNIFF_BYTES = 64 * 1024;

    /** Larger files are streamed by the general reader (a string per value) rather than read whole from bytes. */
    static final long BYTE_PATH_MAX_BYTES = 1L << 30;

    private final CsvFormat format;
    private final Consumer<String> notes;
    private boolean fastPath = true;

    /** Creates a reader that detects the CSV format and reads UTF-8, without notes. */
    public TableReader() {
        this(CsvFormat.DETECT, note -> {});
    }

    /**
     * Creates a reader.
     *
     * @param format how CSV files are written; {@code null} fields are detected
     * @param notes  receives what was detected about a file (a separator or decimal mark other than the usual)
     */
    public TableReader(final CsvFormat format, final Consumer<String> notes) {
        this.format = format == null ? CsvFormat.DETECT : format;
        this.notes = notes;
    }

    /**
     * Turns off the parallel path for plain ASCII files, so that tests can compare it with the general one.
     *
     * @return this reader
     */
    TableReader withoutAsciiPath() {
        fastPath = false;
        return this;
    }

    /**
     * Reads a data file.
     *
     * @param file the file
     * @return its rows
     * @throws MlopsException if the file is missing, empty or malformed
     */
    public Table read(final Path file) {
        if (!Files.exists(file)) {
            throw MlopsException.inFile(file, "data file not found");
        }
        if (Files.isDirectory(file)) {
            throw MlopsException.inFile(file, "is a folder, expected a CSV or JSON Lines data file");
        }
        try {
            if (Files.size(file) == 0) {
                throw MlopsException.inFile(file, "data file is empty, expected a header line and data rows");
            }
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            Table table = name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")
                    ? readJsonLines(file)
                    : readCsv(file);
            if (table.size() == 0) {
                throw MlopsException.inFile(
                        file, "data file has no data rows, expected at least one row after the header");
            }
            return table;
        } catch (CharacterCodingException exception) {
            throw TextCheck.notText(file, format.encoding());
        } catch (IOException exception) {
            throw MlopsException.inFile(file, "cannot read data file: " + exception.getMessage());
        }
    }

    private Table readCsv(final Path file) throws IOException {
        byte[] head = head(file);
        TextCheck.requireText(file, head, format.encoding(), 0);
        String headText = TextCheck.decodePrefix(head, format.encoding());
        char separator = format.delimiter() != null ? format.delimiter() : detectSeparator(headText);
        boolean decimalComma = format.decimalComma() != null
                ? format.decimalComma()
                : separator == ';' && DecimalComma.appearsIn(headText, separator);
        if (format.delimiter() == null && separator != ',') {
            notes.accept(file + ": fields are separated by '" + printable(separator) + "' (detected from the header"
                    + " line)" + (decimalComma ? " and numbers use ',' as the decimal mark (detected)" : "")
                    + (separator == ';' && decimalComma
                            ? ", as Excel writes CSV in German and other European locales"
                            : "")
                    + "; set delimiter / decimalComma (--delimiter, --decimal-comma) to read it otherwise");
        } else if (format.decimalComma() == null && decimalComma) {
            notes.accept(file + ": numbers use ',' as the decimal mark (detected); set decimalComma to false"
                    + " (--decimal-comma=false) to read them otherwise");
        }
        if (fastPath
                && format.encoding().equals(StandardCharsets.UTF_8)
                && head.length > 0
                && Files.size(file) <= BYTE_PATH_MAX_BYTES) {
            AsciiCsv.Result ascii = AsciiCsv.read(Files.readAllBytes(file), separator, decimalComma);
            if (ascii != null) {
                List<String> names = header(file, java.util.Arrays.asList(ascii.header()), separator);
                if (ascii.badLine() > 0) {
                    throw MlopsException.atLine(
                            file,
                            ascii.badLine(),
                            String.format(
                                    "malformed CSV line: expected %d fields as in the header, found %d",
                                    names.size(), ascii.badCount()));
                }
                return new Table(file, names, ascii.columns(), ascii.lines());
            }
        }
        List<String[]> rows = new ArrayList<>();
        long[] lines = new long[1024];
        List<String> header = null;
        // fields go straight from FastCSV's buffer into one String[] per record: no CsvRecord, no List per record
        RowHandler handler = new RowHandler(decimalComma);
        try (CsvReader<String[]> reader = CsvReader.builder()
                .fieldSeparator(separator)
                .ignoreDifferentFieldCount(true)
                .skipEmptyLines(true)
                .build(handler, TextCheck.strictReader(file, format.encoding()))) {
            for (String[] record : reader) {
                if (header == null) {
                    header = header(file, java.util.Arrays.asList(record), separator);
                    continue;
                }
                if (record.length != header.size()) {
                    if (handler.lastRecordHadQuotedLineBreak) {
                        requireClosedQuotes(file, separator);
                    }
                    throw MlopsException.atLine(
                            file,
                            handler.line,
                            String.format(
                                    "malformed CSV line: expected %d fields as in the header, found %d",
                                    header.size(), record.length));
                }
                if (rows.size() == lines.length) {
                    lines = java.util.Arrays.copyOf(lines, lines.length * 2);
                }
                lines[rows.size()] = handler.line;
                rows.add(record);
            }
        } catch (CsvParseException exception) {
            throw parseProblem(file, separator, exception);
        } catch (UncheckedIOException exception) {
            if (exception.getCause() instanceof CharacterCodingException) {
                throw TextCheck.notText(file, format.encoding());
            }
            throw exception.getCause();
        } catch (CharacterCodingException exception) {
            throw TextCheck.notText(file, format.encoding());
        }
        if (header == null) {
            throw MlopsException.inFile(file, "data file is empty, expected a header line and data rows");
        }
        if (handler.lastRecordHadQuotedLineBreak) {
            requireClosedQuotes(file, separator);
        }
        return new Table(file, header, rows, java.util.Arrays.copyOf(lines, rows.size()));
    }

    private static byte[] head(final Path file) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SNIFF_BYTES);
        }
    }

    /** The separator: ';' or a tab when the header line has more of them than commas (outside quotes). */
    static char detectSeparator(final String text) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    private static String printable(final char separator) {
        return separator == '\t' ? "tab" : String.valueOf(separator);
    }

    private MlopsException parseProblem(final Path file, final char separator, final CsvParseException exception)
            throws IOException {
        if (rootMessage(exception).toLowerCase(Locale.ROOT).contains("maximum buffer size")) {
            QuoteScanner.Finding finding = scan(file, separator);
            if (finding.unterminatedQuoteLine() > 0) {
                return unterminatedQuote(file, finding.unterminatedQuoteLine());
            }
            if (finding.longFieldLine() > 0) {
                return MlopsException.atLine(
                        file,
                        finding.longFieldLine(),
                        String.format(
                                Locale.ROOT,
                                "a field is longer than the limit of %,d characters (16 MiB); a data file holds"
                                        + " values, not documents",
                                MAX_FIELD_CHARS));
            }
        }
        return MlopsException.inFile(file, "malformed CSV: " + rootMessage(exception));
    }

    /** An unclosed quote makes the CSV reader take the rest of the file as one field: name its line. */
    private void requireClosedQuotes(final Path file, final char separator) throws IOException {
        QuoteScanner.Finding finding = scan(file, separator);
        if (finding.unterminatedQuoteLine() > 0) {
            throw unterminatedQuote(file, finding.unterminatedQuoteLine());
        }
    }

    private static MlopsException unterminatedQuote(final Path file, final long line) {
        return MlopsException.atLine(
                file,
                line,
                "a quoted field opens here and is never closed (no closing '\"' before the end of the file);"
                        + " close the quote, or double a quote inside a quoted field (\"\")");
    }

    private QuoteScanner.Finding scan(final Path file, final char separator) throws IOException {
        try (java.io.Reader in = TextCheck.strictReader(file, format.encoding())) {
            return QuoteScanner.scan(in, separator, MAX_FIELD_CHARS);
        }
    }

    /**
     * Collects a record's fields into a {@code String[]} of exactly its field count and remembers the line
     * it started on (valid for the record just returned by the reader).
     */
    private static final class RowHandler extends AbstractBaseCsvCallbackHandler<String[]> {
        private final boolean decimalComma;
        private String[] fields = new String[32];
        private boolean quotedLineBreak;
        long line;
        boolean lastRecordHadQuotedLineBreak;

        RowHandler(final boolean decimalComma) {
            this.decimalComma = decimalComma;
        }

        @Override
        protected void handleField(
                final int index, final char[] buf, final int offset, final int length, final boolean quoted) {
            if (index == fields.length) {
                fields = java.util.Arrays.copyOf(fields, fields.length * 2);
            }
            if (quoted && !quotedLineBreak) {
                for (int i = offset; i < offset + length; i++) {
                    if (buf[i] == '\n' || buf[i] == '\r') {
                        quotedLineBreak = true;
                        break;
                    }
                }
            }
            fields[index] = decimalComma ? DecimalComma.toPoint(buf, offset, length) : new String(buf, offset, length);
        }

        @Override
        protected RecordWrapper<String[]> buildRecord() {
            line = getStartingLineNumber();
            lastRecordHadQuotedLineBreak = quotedLineBreak;
            quotedLineBreak = false;
            return wrapRecord(java.util.Arrays.copyOf(fields, getFieldCount()));
        }
    }

    private static String rootMessage(final Throwable exception) {
        Throwable cause = exception;
        String message = exception.getMessage();
        while (cause.getCause() != null) {
            cause = cause.getCause();
            if (cause.getMessage() != null) {
                message = message + ": " + cause.getMessage();
            }
        }
        return message;
    }

    private static List<String> header(final Path file, final List<String> fields, final char separator) {
        if (fields.size() > MAX_COLUMNS) {
            throw MlopsException.atLine(
                    file,
                    1,
                    "the header has " + fields.size() + " columns, more than the " + MAX_COLUMNS
                            + " this engine is made for; keep the columns the model needs (e.g. with cut or csvcut)");
        }
        if (fields.size() == 1) {
            for (char other : new char[] {',', ';', '\t'}) {
                if (other != separator && fields.get(0).indexOf(other) >= 0) {
                    throw MlopsException.atLine(
                            file,
                            1,
                            "the header is a single column '" + fields.get(0) + "' that contains '"
                                    + printable(other) + "': the file looks '" + printable(other)
                                    + "'-separated"
                                    + (other == ';'
                                            ? " (as Excel writes CSV in German and other" + " European locales)"
                                            : "")
                                    + " but is read with '" + printable(separator) + "' as the separator; use"
                                    + " --delimiter '" + printable(other)
                                    + "' (spec or Pipeline step: delimiter), or leave it out"
                                    + " to detect it");
                }
            }
        }
        List<String> header = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).strip();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            if (name.isEmpty()) {
                throw MlopsException.atLine(file, 1, "header column " + (i + 1) + " has no name");
            }
            if (!seen.add(name)) {
                throw MlopsException.atLine(file, 1, "header names column '" + name + "' twice");
            }
            header.add(name);
        }
        return header;
    }

    private Table readJsonLines(final Path file) throws IOException {
        List<Map<String, String>> objects = new ArrayList<>();
        List<Long> lineNumbers = new ArrayList<>();
        Map<String, Integer> columns = new LinkedHashMap<>();
        TextCheck.requireText(file, head(file), format.encoding(), 0);
        try (BufferedReader reader = new BufferedReader(TextCheck.strictReader(file, format.encoding()))) {
            String text;
            long line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                Map<String, String> values = parseObject(file, line, text);
                values.keySet().forEach(key -> columns.putIfAbsent(key, columns.size()));
                objects.add(values);
                lineNumbers.add(line);
            }
        }
        List<String[]> rows = new ArrayList<>(objects.size());
        for (Map<String, String> values : objects) {
            String[] row = new String[columns.size()];
            values.forEach((key, value) -> row[columns.get(key)] = value);
            rows.add(row);
        }
        return new Table(
                file,
                new ArrayList<>(columns.keySet()),
                rows,
                lineNumbers.stream().mapToLong(Long::longValue).toArray());
    }

    private static Map<String, String> parseObject(final Path file, final long line, final String text) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(text);
        } catch (JsonProcessingException exception) {
            throw MlopsException.atLine(file, line, "not valid JSON: " + exception.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw MlopsException.atLine(file, line, "expected a JSON object per line");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isContainerNode()) {
                throw MlopsException.atLine(
                        file,
                        line,
                        "field '" + field.getKey() + "' is " + (value.isArray() ? "an array" : "an object")
                                + ", expected a number, a string or null");
            }
            values.put(field.getKey(), value.isNull() ? null : value.asText());
        }
        return values;
    }
}

package io.mlops.engine.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.RecordWrapper;
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

/**
 * Reads CSV (with a header line) and JSON Lines files into a {@link Table}.
 * The format is chosen by the file extension: {@code .jsonl}, {@code .ndjson} and {@code .json} are
 * JSON Lines, everything else is CSV.
 */
public final class TableReader {
    /** The most columns a data file may have: far beyond a tabular model's needs, far below what takes minutes. */
    public static final int MAX_COLUMNS = 10_000;

    private static final ObjectMapper JSON = new ObjectMapper();

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
            throw MlopsException.inFile(file, "is not valid UTF-8 text");
        } catch (IOException exception) {
            throw MlopsException.inFile(file, "cannot read data file: " + exception.getMessage());
        }
    }

    private Table readCsv(final Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        long[] lines = new long[1024];
        List<String> header = null;
        // fields go straight from FastCSV's buffer into one String[] per record: no CsvRecord, no List per record
        RowHandler handler = new RowHandler();
        try (CsvReader<String[]> reader = CsvReader.builder()
                .ignoreDifferentFieldCount(true)
                .skipEmptyLines(true)
                .build(handler, file)) {
            for (String[] record : reader) {
                if (header == null) {
                    header = header(file, java.util.Arrays.asList(record));
                    continue;
                }
                if (record.length != header.size()) {
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
            throw MlopsException.inFile(file, "malformed CSV: " + rootMessage(exception));
        } catch (UncheckedIOException exception) {
            throw exception.getCause();
        }
        if (header == null) {
            throw MlopsException.inFile(file, "data file is empty, expected a header line and data rows");
        }
        return new Table(file, header, rows, java.util.Arrays.copyOf(lines, rows.size()));
    }

    /**
     * Collects a record's fields into a {@code String[]} of exactly its field count and remembers the line
     * it started on (valid for the record just returned by the reader).
     */
    private static final class RowHandler extends AbstractBaseCsvCallbackHandler<String[]> {
        private String[] fields = new String[32];
        long line;

        @Override
        protected void handleField(
                final int index, final char[] buf, final int offset, final int length, final boolean quoted) {
            if (index == fields.length) {
                fields = java.util.Arrays.copyOf(fields, fields.length * 2);
            }
            fields[index] = new String(buf, offset, length);
        }

        @Override
        protected RecordWrapper<String[]> buildRecord() {
            line = getStartingLineNumber();
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

    private static List<String> header(final Path file, final List<String> fields) {
        if (fields.size() > MAX_COLUMNS) {
            throw MlopsException.atLine(
                    file,
                    1,
                    "the header has " + fields.size() + " columns, more than the " + MAX_COLUMNS
                            + " this engine is made for; keep the columns the model needs (e.g. with cut or csvcut)");
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
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
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
            node = JSON.readTree(text);
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

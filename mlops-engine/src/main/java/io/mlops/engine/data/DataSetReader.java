package io.mlops.engine.data;

import io.mlops.contract.MlopsException;
import io.mlops.contract.data.InputFile;
import io.mlops.engine.io.Hashing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a data set that spans several files, each with the one-file {@link TableReader}, as one: every file must have
 * the columns of the first (in any order; they are put in the first file's order), else the error names the file and
 * the column. Optionally drops rows that repeat an earlier row exactly, and keeps only the last rows of a window.
 */
public final class DataSetReader {
    private static final String SEPARATOR = "\u001f";

    private final TableReader reader;
    private final Consumer<String> notes;

    /**
     * Creates the reader.
     *
     * @param reader reads each file
     * @param notes  receives progress lines
     */
    public DataSetReader(final TableReader reader, final Consumer<String> notes) {
        this.reader = reader;
        this.notes = notes;
    }

    /**
     * The data set read.
     *
     * @param parts      per file, the rows kept, columns in the first file's order
     * @param combined   all kept rows as one table, named after the first file (for schema inference)
     * @param inputs     every file read, with its SHA-256 and row count, in reading order
     * @param duplicates how many rows were dropped as duplicates
     * @param windowed   how many rows the window left out
     */
    public record DataSet(List<Table> parts, Table combined, List<InputFile> inputs, int duplicates, int windowed) {}

    /**
     * Reads the files.
     *
     * @param files  the files in reading order, at least one
     * @param dedupe whether to drop rows that repeat an earlier row exactly
     * @param window a window; only a window of rows is applied here, or {@code null}
     * @return the data set
     * @throws MlopsException naming the file and column that does not fit the first file, or a file's own problem
     */
    public DataSet read(final List<Path> files, final boolean dedupe, final DataWindow window) {
        List<Table> tables = new ArrayList<>();
        List<InputFile> inputs = new ArrayList<>();
        Table first = null;
        for (Path file : files) {
            notes.accept("reading " + file);
            Table table = reader.read(file);
            if (first == null) {
                first = table;
            } else {
                table = inColumnsOf(first, table);
            }
            tables.add(table);
            inputs.add(new InputFile(file.toString(), Hashing.sha256(file), table.size()));
        }
        int duplicates = 0;
        if (dedupe) {
            Set<String> seen = new HashSet<>();
            for (int t = 0; t < tables.size(); t++) {
                Table table = tables.get(t);
                int[] keep = new int[table.size()];
                int kept = 0;
                for (int row = 0; row < table.size(); row++) {
                    if (seen.add(key(table, row))) {
                        keep[kept++] = row;
                    }
                }
                duplicates += table.size() - kept;
                if (kept < table.size()) {
                    tables.set(t, table.select(java.util.Arrays.copyOf(keep, kept)));
                }
            }
        }
        int windowed = 0;
        if (window != null && window.unit() == DataWindow.Unit.ROWS) {
            long total = tables.stream().mapToLong(Table::size).sum();
            long drop = Math.max(0, total - window.size());
            windowed = (int) drop;
            for (int t = 0; t < tables.size() && drop > 0; t++) {
                Table table = tables.get(t);
                int cut = (int) Math.min(drop, table.size());
                tables.set(
                        t,
                        table.select(java.util.stream.IntStream.range(cut, table.size())
                                .toArray()));
                drop -= cut;
            }
        }
        if (duplicates > 0 || windowed > 0) {
            notes.accept("dropped " + duplicates + " duplicate rows"
                    + (window == null ? "" : "; " + window + ": " + windowed + " older rows left out"));
        }
        return new DataSet(List.copyOf(tables), combine(first, tables), List.copyOf(inputs), duplicates, windowed);
    }

    private static Table inColumnsOf(final Table first, final Table table) {
        Set<String> expected = new LinkedHashSet<>(first.columns());
        Set<String> actual = new LinkedHashSet<>(table.columns());
        for (String column : expected) {
            if (!actual.contains(column)) {
                throw MlopsException.inFile(
                        table.source(),
                        "has no column '" + column + "' that " + first.source() + " has; every data file needs the"
                                + " columns " + first.columns());
            }
        }
        for (String column : actual) {
            if (!expected.contains(column)) {
                throw MlopsException.inFile(
                        table.source(),
                        "has column '" + column + "' that " + first.source() + " lacks; every data file needs the"
                                + " columns " + first.columns());
            }
        }
        if (table.columns().equals(first.columns())) {
            return table;
        }
        return table.reorder(first.columns());
    }

    private static String key(final Table table, final int row) {
        StringBuilder key = new StringBuilder();
        for (int column = 0; column < table.columns().size(); column++) {
            String value = table.value(row, column);
            key.append(value == null ? "" : value).append(SEPARATOR);
        }
        return key.toString();
    }

    private static Table combine(final Table first, final List<Table> tables) {
        return Table.concat(first.source(), tables);
    }
}

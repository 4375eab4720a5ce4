package io.mlops.engine.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Raw rows of a data file as text, with the line each row started on, so that every later
 * problem can be reported with its file, line and column.
 *
 * @param source  the file the rows were read from
 * @param columns the column names, in file order
 * @param rows    the rows; each has one value per column, {@code null} or empty where missing
 * @param lines   for each row, the 1-based line of the file it starts on
 */
public record Table(Path source, List<String> columns, List<String[]> rows, long[] lines) {
    /**
     * Creates a table.
     */
    public Table {
        columns = List.copyOf(columns);
        if (lines.length != rows.size()) {
            throw new IllegalArgumentException("one line number per row expected");
        }
    }

    /**
     * Returns the index of a column.
     *
     * @param name the column name
     * @return its index, or -1 if the table has no such column
     */
    public int indexOf(final String name) {
        return columns.indexOf(name);
    }

    /**
     * Returns the number of rows.
     *
     * @return the row count
     */
    public int size() {
        return rows.size();
    }

    /**
     * Returns one value.
     *
     * @param row    the row index
     * @param column the column index
     * @return the value, or {@code null} if missing
     */
    public String value(final int row, final int column) {
        String value = rows.get(row)[column];
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * Returns the line of the file a row starts on.
     *
     * @param row the row index
     * @return the 1-based line number
     */
    public long line(final int row) {
        return lines[row];
    }

    /**
     * Returns a table with a subset of the rows, in the given order.
     *
     * @param indexes the row indexes to keep
     * @return the subset
     */
    public Table select(final int[] indexes) {
        String[][] selected = new String[indexes.length][];
        long[] selectedLines = new long[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            selected[i] = rows.get(indexes[i]);
            selectedLines[i] = lines[indexes[i]];
        }
        return new Table(source, columns, List.of(selected), selectedLines);
    }
}

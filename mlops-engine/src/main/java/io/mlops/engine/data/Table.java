package io.mlops.engine.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a data file, kept by column ({@link Column}: numbers as {@code double}s, other values as text), with
 * the line each row started on, so that every later problem can be reported with its file, line and column.
 */
public final class Table {
    private final Path source;
    private final List<String> columns;
    private final Column[] data;
    private final long[] lines;

    /**
     * Creates a table from rows of text; each column is kept as numbers if all its values are canonical decimals.
     *
     * @param source  the file the rows were read from
     * @param columns the column names, in file order
     * @param rows    the rows; each has one value per column, {@code null} or empty where missing
     * @param lines   for each row, the 1-based line of the file it starts on
     */
    public Table(final Path source, final List<String> columns, final List<String[]> rows, final long[] lines) {
        this(source, columns, byColumn(columns.size(), rows), lines);
    }

    /**
     * Creates a table from its columns.
     *
     * @param source  the file the rows were read from
     * @param columns the column names, in file order
     * @param data    the values of each column, all of one length
     * @param lines   for each row, the 1-based line of the file it starts on
     */
    public Table(final Path source, final List<String> columns, final Column[] data, final long[] lines) {
        if (data.length != columns.size()) {
            throw new IllegalArgumentException("one column of values per column name expected");
        }
        for (Column column : data) {
            if (column.size() != lines.length) {
                throw new IllegalArgumentException("one line number per row expected");
            }
        }
        this.source = source;
        this.columns = List.copyOf(columns);
        this.data = data.clone();
        this.lines = lines;
    }

    private static Column[] byColumn(final int width, final List<String[]> rows) {
        Column[] data = new Column[width];
        String[] texts = new String[rows.size()];
        for (int c = 0; c < width; c++) {
            for (int r = 0; r < texts.length; r++) {
                texts[r] = rows.get(r)[c];
            }
            data[c] = Column.of(texts);
        }
        return data;
    }

    /** @return the file the rows were read from */
    public Path source() {
        return source;
    }

    /** @return the column names, in file order */
    public List<String> columns() {
        return columns;
    }

    /**
     * Returns the values of a column.
     *
     * @param column the column index
     * @return its values
     */
    public Column column(final int column) {
        return data[column];
    }

    /** @return for each row, the 1-based line of the file it starts on (not a copy) */
    public long[] lines() {
        return lines;
    }

    /**
     * Returns the rows as text, one array per row (a copy; costs a string per value).
     *
     * @return the rows
     */
    public List<String[]> rows() {
        List<String[]> rows = new ArrayList<>(size());
        for (int r = 0; r < size(); r++) {
            String[] row = new String[data.length];
            for (int c = 0; c < data.length; c++) {
                row[c] = data[c].text(r);
            }
            rows.add(row);
        }
        return rows;
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
        return lines.length;
    }

    /**
     * Returns one value as text.
     *
     * @param row    the row index
     * @param column the column index
     * @return the value, or {@code null} if missing
     */
    public String value(final int row, final int column) {
        return data[column].text(row);
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
        Column[] selected = new Column[data.length];
        for (int c = 0; c < data.length; c++) {
            selected[c] = data[c].select(indexes);
        }
        long[] selectedLines = new long[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            selectedLines[i] = lines[indexes[i]];
        }
        return new Table(source, columns, selected, selectedLines);
    }

    /**
     * Returns this table's columns in another order.
     *
     * @param names the column names in the order wanted, each a column of this table
     * @return the reordered table
     */
    public Table reorder(final List<String> names) {
        Column[] ordered = new Column[names.size()];
        for (int c = 0; c < ordered.length; c++) {
            ordered[c] = data[indexOf(names.get(c))];
        }
        return new Table(source, names, ordered, lines);
    }

    /**
     * Joins tables with the same columns, rows in order.
     *
     * @param source the file the joined table is named after
     * @param parts  the tables, at least one
     * @return the joined table
     */
    public static Table concat(final Path source, final List<Table> parts) {
        Table first = parts.get(0);
        if (parts.size() == 1) {
            return first;
        }
        Column[] joined = new Column[first.columns.size()];
        for (int c = 0; c < joined.length; c++) {
            int column = c;
            joined[c] = Column.concat(parts.stream().map(t -> t.data[column]).toList());
        }
        int size = parts.stream().mapToInt(Table::size).sum();
        long[] lines = new long[size];
        int at = 0;
        for (Table part : parts) {
            System.arraycopy(part.lines, 0, lines, at, part.size());
            at += part.size();
        }
        return new Table(source, first.columns, joined, lines);
    }
}

package io.mlops.engine.features;

import io.mlops.contract.data.ColumnType;
import io.mlops.contract.data.DataSchema;
import io.mlops.engine.data.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/** Random tables of a schema for the feature tests: a label "yes" or "no", some values missing. */
final class RandomTables {
    /** The file the rows claim to come from. */
    static final Path FILE = Path.of("d.csv");

    private RandomTables() {}

    /**
     * Makes a table.
     *
     * @param schema    the schema
     * @param rows      how many rows
     * @param seed      the random seed
     * @param missingIn one value in this many is missing (empty)
     * @param value     a value of a column type
     * @return the table, its rows at lines 2, 3, ...
     */
    static Table table(
            final DataSchema schema,
            final int rows,
            final long seed,
            final int missingIn,
            final BiFunction<ColumnType, SplittableRandom, String> value) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> columns = new ArrayList<>();
        schema.features().forEach(c -> columns.add(c.name()));
        columns.add("label");
        List<String[]> values = new ArrayList<>();
        long[] lines = new long[rows];
        for (int r = 0; r < rows; r++) {
            String[] row = new String[columns.size()];
            for (int c = 0; c < schema.features().size(); c++) {
                boolean missing = random.nextInt(missingIn) == 0;
                row[c] = missing ? "" : value.apply(schema.features().get(c).type(), random);
            }
            row[row.length - 1] = random.nextBoolean() ? "yes" : "no";
            values.add(row);
            lines[r] = r + 2;
        }
        return new Table(FILE, columns, values, lines);
    }
}

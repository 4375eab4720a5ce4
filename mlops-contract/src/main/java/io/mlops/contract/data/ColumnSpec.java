package io.mlops.contract.data;

import java.util.Objects;

/**
 * A feature column and its type.
 *
 * @param name the column name in the data file
 * @param type how it becomes features
 */
public record ColumnSpec(String name, ColumnType type) {
    /**
     * Creates a column spec.
     */
    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}

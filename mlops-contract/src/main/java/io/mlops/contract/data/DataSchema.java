package io.mlops.contract.data;

import java.util.List;
import java.util.Objects;

/**
 * The columns a model is trained on: the label and the typed feature columns.
 *
 * @param label    the name of the label column
 * @param features the feature columns, in file order
 */
public record DataSchema(String label, List<ColumnSpec> features) {
    /**
     * Creates a schema.
     */
    public DataSchema {
        Objects.requireNonNull(label, "label");
        features = List.copyOf(features);
    }
}

package io.mlops.engine.eval;

import java.util.List;

/**
 * Counts of true class (row) against predicted class (column).
 *
 * @param labels the classes, in row and column order
 * @param counts {@code counts[true][predicted]}
 */
public record ConfusionMatrix(List<String> labels, long[][] counts) {
    /**
     * Creates a matrix.
     */
    public ConfusionMatrix {
        labels = List.copyOf(labels);
    }
}

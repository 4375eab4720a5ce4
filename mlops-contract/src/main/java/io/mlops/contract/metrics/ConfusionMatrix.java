package io.mlops.contract.metrics;

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

    @Override
    public boolean equals(final Object other) {
        return other instanceof ConfusionMatrix that
                && labels.equals(that.labels)
                && java.util.Arrays.deepEquals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return 31 * labels.hashCode() + java.util.Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ConfusionMatrix[labels=" + labels + ", counts=" + java.util.Arrays.deepToString(counts) + "]";
    }
}

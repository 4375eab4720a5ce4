package io.jenkins.plugins.mlops.history;

import io.mlops.contract.metrics.ConfusionMatrix;
import java.util.ArrayList;
import java.util.List;

/**
 * A confusion matrix as an HTML table: each cell's count and a shade from 0 to {@value #SHADES} by its share of the
 * true class's row, drawn by the CSS classes {@code mlops-shade-N} (no inline style, no script).
 *
 * @param labels the classes, in row and column order
 * @param rows   per true class, the cells per predicted class
 */
public record MatrixTable(List<String> labels, List<Row> rows) {
    /** The darkest shade. */
    public static final int SHADES = 5;

    /**
     * One true class.
     *
     * @param label the class
     * @param cells per predicted class
     */
    public record Row(String label, List<Cell> cells) {}

    /**
     * One cell.
     *
     * @param count    how many of the true class were predicted as the column's class
     * @param shade    0 (none) to {@value #SHADES} (the whole row)
     * @param diagonal whether the prediction is right
     */
    public record Cell(long count, int shade, boolean diagonal) {
        /** @return the CSS classes of the cell */
        public String cssClass() {
            return "mlops-shade-" + shade + (diagonal ? " mlops-diagonal" : "");
        }
    }

    /**
     * Makes the table of a matrix.
     *
     * @param matrix the matrix, or {@code null}
     * @return the table, or {@code null} for no matrix
     */
    public static MatrixTable of(final ConfusionMatrix matrix) {
        if (matrix == null) {
            return null;
        }
        List<Row> rows = new ArrayList<>();
        for (int truth = 0; truth < matrix.labels().size(); truth++) {
            long[] counts = matrix.counts()[truth];
            long total = 0;
            for (long count : counts) {
                total += count;
            }
            List<Cell> cells = new ArrayList<>();
            for (int predicted = 0; predicted < counts.length; predicted++) {
                int shade = total == 0 ? 0 : (int) Math.ceil((double) counts[predicted] * SHADES / total);
                cells.add(new Cell(counts[predicted], shade, truth == predicted));
            }
            rows.add(new Row(matrix.labels().get(truth), cells));
        }
        return new MatrixTable(matrix.labels(), rows);
    }
}

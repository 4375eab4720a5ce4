package io.mlops.engine.train;

import java.util.stream.IntStream;

/**
 * The objective of multinomial logistic regression as scikit-learn's {@code LogisticRegression} minimises
 * it: the weighted mean cross-entropy of the softmax over the classes plus {@code 1 / (2 C n)} times the
 * squared weights (the intercepts are not penalised). The examples are held as compressed rows.
 *
 * <p>Parameters are laid out class by class, each with its feature weights and then its intercept, as
 * Tribuo's linear models hold them. The rows are cut into a fixed number of blocks whose sums are added
 * in block order, so the value and the gradient are the same doubles however many threads compute them.
 */
final class SoftmaxLoss implements Lbfgs.Function {
    /** Blocks the rows are cut into; fixed, so results do not depend on the number of cores. */
    private static final int BLOCKS = 4;

    /** Rows below which one thread computes everything. */
    private static final int PARALLEL_ROWS = 20_000;

    private final int classes;
    private final int features;
    private final int[] rowStart;
    private final int[] index;
    private final double[] value;
    private final int[] target;
    private final double[] weight;
    private final double totalWeight;
    private final double penalty;
    private final double[][] blockGradient;
    private final double[] blockValue;

    /**
     * Creates the objective.
     *
     * @param classes  number of classes
     * @param features number of features
     * @param rowStart for each row its first entry in {@code index}/{@code value}, plus the end
     * @param index    feature ids, ascending within a row
     * @param value    feature values
     * @param target   class id of each row
     * @param weight   weight of each row
     * @param cost     the inverse regularisation strength {@code C}
     */
    SoftmaxLoss(
            final int classes,
            final int features,
            final int[] rowStart,
            final int[] index,
            final double[] value,
            final int[] target,
            final double[] weight,
            final double cost) {
        this.classes = classes;
        this.features = features;
        this.rowStart = rowStart;
        this.index = index;
        this.value = value;
        this.target = target;
        this.weight = weight;
        double sum = 0;
        for (double w : weight) {
            sum += w;
        }
        this.totalWeight = sum;
        this.penalty = 1 / (cost * sum);
        this.blockGradient = new double[BLOCKS][classes * (features + 1)];
        this.blockValue = new double[BLOCKS];
    }

    /** @return the number of parameters: one weight per class and feature, and one intercept per class */
    int size() {
        return classes * (features + 1);
    }

    @Override
    public double evaluate(final double[] x, final double[] gradient) {
        int rows = target.length;
        // weights feature by feature (all classes of one feature together) for the inner loops
        double[] byFeature = new double[features * classes];
        for (int k = 0; k < classes; k++) {
            for (int j = 0; j < features; j++) {
                byFeature[j * classes + k] = x[k * (features + 1) + j];
            }
        }
        IntStream blocks = IntStream.range(0, BLOCKS);
        (rows >= PARALLEL_ROWS ? blocks.parallel() : blocks).forEach(b -> {
            blockValue[b] = block(x, byFeature, b * (long) rows / BLOCKS, (b + 1) * (long) rows / BLOCKS, b);
        });
        double loss = 0;
        java.util.Arrays.fill(gradient, 0);
        for (int b = 0; b < BLOCKS; b++) {
            loss += blockValue[b];
            double[] g = blockGradient[b];
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] += g[i];
            }
        }
        double squares = 0;
        for (int k = 0; k < classes; k++) {
            int offset = k * (features + 1);
            for (int j = 0; j < features; j++) {
                double w = x[offset + j];
                squares += w * w;
                gradient[offset + j] = gradient[offset + j] / totalWeight + penalty * w;
            }
            gradient[offset + features] /= totalWeight;
        }
        return loss / totalWeight + 0.5 * penalty * squares;
    }

    private double block(final double[] x, final double[] byFeature, final long from, final long to, final int b) {
        double[] g = blockGradient[b];
        java.util.Arrays.fill(g, 0);
        double[] scores = new double[classes];
        double loss = 0;
        int stride = features + 1;
        for (int row = (int) from; row < to; row++) {
            for (int k = 0; k < classes; k++) {
                scores[k] = x[k * stride + features];
            }
            int end = rowStart[row + 1];
            for (int e = rowStart[row]; e < end; e++) {
                double v = value[e];
                int base = index[e] * classes;
                for (int k = 0; k < classes; k++) {
                    scores[k] += byFeature[base + k] * v;
                }
            }
            double max = scores[0];
            for (int k = 1; k < classes; k++) {
                max = Math.max(max, scores[k]);
            }
            int y = target[row];
            double chosen = scores[y];
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                scores[k] = Math.exp(scores[k] - max);
                sum += scores[k];
            }
            double w = weight[row];
            loss += w * (Math.log(sum) + max - chosen);
            for (int k = 0; k < classes; k++) {
                scores[k] = w * (scores[k] / sum - (k == y ? 1 : 0));
                g[k * stride + features] += scores[k];
            }
            for (int e = rowStart[row]; e < end; e++) {
                double v = value[e];
                int j = index[e];
                for (int k = 0; k < classes; k++) {
                    g[k * stride + j] += scores[k] * v;
                }
            }
        }
        return loss;
    }
}

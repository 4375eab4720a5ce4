package io.mlops.contract.retrain;

/**
 * The population stability index (PSI) of a distribution against a reference, per feature: the sum over bins of
 * {@code (actual - expected) * ln(actual / expected)} with both as shares. Below 0.1 is usually read as stable, 0.1 to
 * 0.2 as a moderate shift and above {@value #USUAL_THRESHOLD} as a shift worth retraining for. The prediction service
 * and the offline check both compute it here, so their numbers agree.
 */
public final class Psi {
    /** The usual line above which a feature counts as drifted. */
    public static final double USUAL_THRESHOLD = 0.2;
    /** Shares below this are raised to it, so an empty bin does not make the index infinite. */
    public static final double EPSILON = 1e-4;

    private Psi() {}

    /**
     * Computes the index.
     *
     * @param expected the reference shares per bin (summing to 1)
     * @param actual   the observed shares per bin, same length
     * @return the index, 0 or more
     * @throws IllegalArgumentException if the lengths differ
     */
    public static double index(final double[] expected, final double[] actual) {
        if (expected.length != actual.length) {
            throw new IllegalArgumentException(
                    "bins differ: " + expected.length + " expected, " + actual.length + " actual");
        }
        double psi = 0;
        for (int i = 0; i < expected.length; i++) {
            double a = Math.max(actual[i], EPSILON);
            double e = Math.max(expected[i], EPSILON);
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }

    /**
     * Turns counts into shares.
     *
     * @param counts counts per bin
     * @return the shares; all 0 if the counts are
     */
    public static double[] shares(final long[] counts) {
        double total = 0;
        for (long count : counts) {
            total += count;
        }
        double[] shares = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            shares[i] = total == 0 ? 0 : counts[i] / total;
        }
        return shares;
    }
}

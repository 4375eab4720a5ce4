package io.mlops.bench;

import java.util.Arrays;

/**
 * Order statistics of a sample of measurements: median, nearest-rank percentiles, minimum and maximum.
 *
 * @param sorted the measurements, ascending
 */
public record Stats(double[] sorted) {
    /**
     * Creates the statistics of a sample.
     *
     * @param values the measurements, in any order; not changed
     * @return the statistics
     */
    public static Stats of(final double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no measurements");
        }
        double[] copy = values.clone();
        Arrays.sort(copy);
        return new Stats(copy);
    }

    /**
     * Creates the statistics of a sample of whole numbers, e.g. nanoseconds.
     *
     * @param values the measurements, in any order; not changed
     * @return the statistics
     */
    public static Stats of(final long... values) {
        return of(Arrays.stream(values).asDoubleStream().toArray());
    }

    /** @return the median; the mean of the two middle values for an even count */
    public double median() {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * Returns a nearest-rank percentile: the smallest value such that at least {@code p} percent of the
     * measurements are at most that value.
     *
     * @param p the percentile, in (0, 100]
     * @return the value
     */
    public double percentile(final double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(1, rank) - 1];
    }

    /** @return the smallest measurement */
    public double min() {
        return sorted[0];
    }

    /** @return the largest measurement */
    public double max() {
        return sorted[sorted.length - 1];
    }

    /** @return the number of measurements */
    public int count() {
        return sorted.length;
    }
}

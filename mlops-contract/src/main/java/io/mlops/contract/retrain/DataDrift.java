package io.mlops.contract.retrain;

import io.mlops.contract.data.ColumnStats;
import io.mlops.contract.data.DataFingerprint;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one definition of drift between two data fingerprints, A (the reference, e.g. the older run) and B: the
 * {@link Psi population stability index} of each column, the same measure the retrain check and the prediction
 * service use against a model's training data, so that a comparison page, {@code mlops report} and
 * {@code mlRetrainWhen} speak of the same number.
 *
 * <p>A fingerprint keeps summaries, not values, so both distributions are first put on common bins:
 *
 * <ul>
 *   <li><b>Numeric columns</b>: A's histogram bins (equal width from A's min to A's max) are the bins. B's histogram,
 *       whose edges are its own min and max, is re-binned onto them assuming each B bin's mass is spread uniformly
 *       over the bin; mass of B below A's min or above A's max goes to A's first or last bin, as the prediction
 *       service counts a value outside the training range. If A is one value (min = max), B's bins are the bins
 *       instead (the index is symmetric); if both are one value, the index is 0 for the same value and the index of
 *       two disjoint bins otherwise.
 *   <li><b>Categorical and label columns</b>: one bin per value in either run's top values plus one bin "other". A
 *       value one run did not record gets that run's unrecorded remainder shared evenly among its unrecorded distinct
 *       values (at most its rarest recorded count), or 0 if that run recorded all its distinct values; "other" takes
 *       what is left.
 * </ul>
 *
 * <p>Limits: a change of shape inside one of B's bins is invisible; a B range much wider than A's piles up in A's
 * edge bins (the index still rises, but less than the raw values would make it); categories beyond the top values
 * are estimated. Missing values are left out of the shares (the missing counts are compared on their own); text
 * columns and retyped columns get no index.
 */
public final class DataDrift {
    private DataDrift() {}

    /**
     * Compares every column of two fingerprints.
     *
     * @param a the reference fingerprint
     * @param b the fingerprint compared with it
     * @return one entry per column: A's columns in order, then the columns only in B
     */
    public static List<ColumnDrift> between(final DataFingerprint a, final DataFingerprint b) {
        Map<String, ColumnStats> before = a.columns() == null ? Map.of() : a.columns();
        Map<String, ColumnStats> after = b.columns() == null ? Map.of() : b.columns();
        Set<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        List<ColumnDrift> result = new ArrayList<>();
        for (String name : names) {
            ColumnStats x = before.get(name);
            ColumnStats y = after.get(name);
            if (x == null) {
                result.add(new ColumnDrift(name, ColumnDrift.Change.ADDED, null, y.type(), null));
            } else if (y == null) {
                result.add(new ColumnDrift(name, ColumnDrift.Change.REMOVED, x.type(), null, null));
            } else if (!Objects.equals(x.type(), y.type())) {
                result.add(new ColumnDrift(name, ColumnDrift.Change.RETYPED, x.type(), y.type(), null));
            } else {
                result.add(new ColumnDrift(
                        name, ColumnDrift.Change.KEPT, x.type(), y.type(), psi(x, a.rows(), y, b.rows())));
            }
        }
        return result;
    }

    /**
     * The index of one column present in both runs with the same type.
     *
     * @param a     the column in the reference
     * @param rowsA the reference's row count
     * @param b     the column compared
     * @param rowsB its row count
     * @return the index, or {@code null} if the column type has no index or a side has no values
     */
    public static Double psi(final ColumnStats a, final long rowsA, final ColumnStats b, final long rowsB) {
        if (a.histogram() != null && b.histogram() != null && a.min() != null && b.min() != null) {
            return numeric(a, b);
        }
        if (a.counts() != null && b.counts() != null && !"TEXT".equals(a.type())) {
            return categorical(a, rowsA, b, rowsB);
        }
        return null;
    }

    /**
     * The index of a numeric column: B re-binned onto A's histogram bins (see the class comment).
     *
     * @param a the reference column, with min, max and histogram
     * @param b the compared column, with min, max and histogram
     * @return the index, or {@code null} if a histogram is empty
     */
    public static Double numeric(final ColumnStats a, final ColumnStats b) {
        double[] sharesA = shares(a.histogram());
        double[] sharesB = shares(b.histogram());
        if (sharesA == null || sharesB == null) {
            return null;
        }
        boolean pointA = !(a.max() > a.min());
        boolean pointB = !(b.max() > b.min());
        if (pointA && pointB) {
            return a.min().equals(b.min()) ? 0.0 : Psi.index(new double[] {1, 0}, new double[] {0, 1});
        }
        if (pointA) {
            return Psi.index(sharesB, rebin(sharesA, a.min(), a.max(), b.min(), b.max(), sharesB.length));
        }
        return Psi.index(sharesA, rebin(sharesB, b.min(), b.max(), a.min(), a.max(), sharesA.length));
    }

    /**
     * Moves the shares of a histogram with edges {@code [fromMin, fromMax]} onto equal-width bins of {@code [toMin,
     * toMax]}, each source bin's mass spread uniformly; mass outside the target range goes to the nearest edge bin.
     */
    static double[] rebin(
            final double[] shares,
            final double fromMin,
            final double fromMax,
            final double toMin,
            final double toMax,
            final int bins) {
        double[] result = new double[bins];
        double toWidth = (toMax - toMin) / bins;
        if (!(fromMax > fromMin)) {
            result[bin(fromMin, toMin, toWidth, bins)] += 1;
            return result;
        }
        double fromWidth = (fromMax - fromMin) / shares.length;
        for (int j = 0; j < shares.length; j++) {
            if (shares[j] == 0) {
                continue;
            }
            double lo = fromMin + j * fromWidth;
            double hi = lo + fromWidth;
            double below = Math.max(0, Math.min(hi, toMin) - lo);
            double above = Math.max(0, hi - Math.max(lo, toMax));
            result[0] += shares[j] * below / fromWidth;
            result[bins - 1] += shares[j] * above / fromWidth;
            for (int i = 0; i < bins; i++) {
                double binLo = toMin + i * toWidth;
                double overlap = Math.min(hi, binLo + toWidth) - Math.max(lo, binLo);
                if (overlap > 0) {
                    result[i] += shares[j] * overlap / fromWidth;
                }
            }
        }
        return result;
    }

    private static int bin(final double value, final double min, final double width, final int bins) {
        int bin = (int) Math.floor((value - min) / width);
        return Math.max(0, Math.min(bins - 1, bin));
    }

    /**
     * The index of a categorical or label column over the top values of both runs plus "other" (see the class
     * comment).
     *
     * @param a     the reference column, with its top-value counts
     * @param rowsA the reference's row count
     * @param b     the compared column, with its top-value counts
     * @param rowsB its row count
     * @return the index, or {@code null} if a side has no values
     */
    public static Double categorical(final ColumnStats a, final long rowsA, final ColumnStats b, final long rowsB) {
        Set<String> values = new LinkedHashSet<>(a.counts().keySet());
        values.addAll(b.counts().keySet());
        double[] sharesA = categoryShares(a, rowsA, values);
        double[] sharesB = categoryShares(b, rowsB, values);
        return sharesA == null || sharesB == null ? null : Psi.index(sharesA, sharesB);
    }

    private static double[] categoryShares(final ColumnStats column, final long rows, final Set<String> values) {
        double present = rows - column.missing();
        if (present <= 0) {
            return null;
        }
        Map<String, Long> counts = column.counts();
        long recorded = counts.values().stream().mapToLong(Long::longValue).sum();
        long rarest = counts.values().stream().mapToLong(Long::longValue).min().orElse(0);
        int unrecordedDistinct = column.distinct() == null ? 0 : column.distinct() - counts.size();
        double unrecordedEach =
                unrecordedDistinct <= 0 ? 0 : Math.min(rarest, Math.max(0, present - recorded) / unrecordedDistinct);
        double[] shares = new double[values.size() + 1];
        double sum = 0;
        int i = 0;
        for (String value : values) {
            Long count = counts.get(value);
            shares[i] = (count == null ? unrecordedEach : count) / present;
            sum += shares[i++];
        }
        shares[i] = Math.max(0, 1 - sum);
        return shares;
    }

    private static double[] shares(final List<Long> histogram) {
        if (histogram == null || histogram.isEmpty()) {
            return null;
        }
        double[] shares =
                Psi.shares(histogram.stream().mapToLong(Long::longValue).toArray());
        double total = 0;
        for (double share : shares) {
            total += share;
        }
        return total == 0 ? null : shares;
    }
}

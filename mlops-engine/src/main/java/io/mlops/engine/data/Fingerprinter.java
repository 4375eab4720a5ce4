package io.mlops.engine.data;

import io.mlops.contract.data.ColumnSpec;
import io.mlops.contract.data.ColumnStats;
import io.mlops.contract.data.ColumnType;
import io.mlops.contract.data.DataFingerprint;
import io.mlops.engine.io.Hashing;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes {@link DataFingerprint}s. */
public final class Fingerprinter {
    /** How many most frequent values a fingerprint keeps per categorical column. */
    public static final int TOP_VALUES = 50;
    /** How many equal-width bins the histogram of a numeric column has. */
    public static final int HISTOGRAM_BINS = 10;

    /**
     * Fingerprints a data set.
     *
     * @param data the typed data; its whole source file is hashed
     * @return the fingerprint
     */
    public DataFingerprint fingerprint(final TypedData data) {
        return fingerprint(data, Hashing.sha256(data.source()));
    }

    /**
     * Fingerprints a part of a data file whose content hash is already known.
     *
     * @param data   the typed data
     * @param sha256 the SHA-256 of the source file
     * @return the fingerprint
     */
    public DataFingerprint fingerprint(final TypedData data, final String sha256) {
        Map<String, ColumnStats> columns = new LinkedHashMap<>();
        List<ColumnSpec> features = data.schema().features();
        for (int f = 0; f < features.size(); f++) {
            ColumnSpec spec = features.get(f);
            columns.put(
                    spec.name(), spec.type() == ColumnType.NUMERIC ? numeric(data, f) : strings(data, f, spec.type()));
        }
        Map<String, Long> labels = new HashMap<>();
        for (int row = 0; row < data.size(); row++) {
            labels.merge(data.label(row), 1L, Long::sum);
        }
        columns.put(
                data.schema().label(),
                new ColumnStats("LABEL", 0, null, null, null, null, labels.size(), top(labels), null));
        return new DataFingerprint(data.source().toString(), sha256, data.size(), columns);
    }

    private static ColumnStats numeric(final TypedData data, final int feature) {
        long missing = 0;
        long count = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double mean = 0;
        double m2 = 0;
        for (int row = 0; row < data.size(); row++) {
            double value = data.number(feature, row);
            if (Double.isNaN(value)) {
                missing++;
                continue;
            }
            count++;
            min = Math.min(min, value);
            max = Math.max(max, value);
            double delta = value - mean;
            mean += delta / count;
            m2 += delta * (value - mean);
        }
        if (count == 0) {
            return new ColumnStats(ColumnType.NUMERIC.name(), missing, null, null, null, null, null, null, null);
        }
        long[] bins = new long[HISTOGRAM_BINS];
        for (int row = 0; row < data.size(); row++) {
            double value = data.number(feature, row);
            if (!Double.isNaN(value)) {
                bins[bin(value, min, max)]++;
            }
        }
        return new ColumnStats(
                ColumnType.NUMERIC.name(),
                missing,
                min,
                max,
                mean,
                Math.sqrt(m2 / count),
                null,
                null,
                java.util.Arrays.stream(bins).boxed().toList());
    }

    /**
     * Returns the histogram bin of a value; values outside [min, max] fall into the outermost bins.
     *
     * @param value the value
     * @param min   the smallest training value
     * @param max   the largest training value
     * @return the bin, 0 to {@value #HISTOGRAM_BINS} - 1
     */
    public static int bin(final double value, final double min, final double max) {
        if (!(max > min)) {
            return 0;
        }
        int bin = (int) Math.floor((value - min) / (max - min) * HISTOGRAM_BINS);
        return Math.max(0, Math.min(HISTOGRAM_BINS - 1, bin));
    }

    private static ColumnStats strings(final TypedData data, final int feature, final ColumnType type) {
        long missing = 0;
        Map<String, Long> counts = new HashMap<>();
        for (int row = 0; row < data.size(); row++) {
            String value = data.string(feature, row);
            if (value == null) {
                missing++;
            } else {
                counts.merge(value, 1L, Long::sum);
            }
        }
        return new ColumnStats(
                type.name(),
                missing,
                null,
                null,
                null,
                null,
                counts.size(),
                type == ColumnType.CATEGORICAL ? top(counts) : null,
                null);
    }

    private static Map<String, Long> top(final Map<String, Long> counts) {
        Map<String, Long> top = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())))
                .limit(TOP_VALUES)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }
}

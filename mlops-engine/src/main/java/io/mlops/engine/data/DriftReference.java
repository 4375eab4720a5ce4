package io.mlops.engine.data;

import io.mlops.contract.data.ColumnSpec;
import io.mlops.contract.data.ColumnStats;
import io.mlops.contract.data.ColumnType;
import io.mlops.contract.data.DataFingerprint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The training distribution of each monitorable feature, from a model's data fingerprint: the bins of a numeric
 * feature's histogram, or a categorical feature's recorded categories plus one bin for all others. Text features are
 * not monitored. The prediction service and the offline drift check bin values with it, so both compare alike.
 */
public final class DriftReference {
    private final List<Feature> features;

    private DriftReference(final List<Feature> features) {
        this.features = List.copyOf(features);
    }

    /**
     * One monitored feature.
     *
     * @param name       the column
     * @param position   its index among the schema's features
     * @param numeric    whether it is numeric (else categorical)
     * @param min        the smallest training value (numeric)
     * @param max        the largest training value (numeric)
     * @param categories bin of each recorded category (categorical); any other value is the last bin
     * @param expected   the training share of each bin
     */
    public record Feature(
            String name,
            int position,
            boolean numeric,
            double min,
            double max,
            Map<String, Integer> categories,
            double[] expected) {
        /**
         * Returns the bin of a numeric value.
         *
         * @param value the value, {@code NaN} if missing
         * @return the bin, or -1 for a missing value
         */
        public int bin(final double value) {
            return Double.isNaN(value) ? -1 : Fingerprinter.bin(value, min, max);
        }

        /**
         * Returns the bin of a categorical value.
         *
         * @param value the value, {@code null} if missing
         * @return the bin, or -1 for a missing value
         */
        public int bin(final String value) {
            return value == null ? -1 : categories.getOrDefault(value, categories.size());
        }
    }

    /**
     * Builds the reference of a model.
     *
     * @param schema   the model's feature columns
     * @param training the fingerprint of its training data, may be {@code null} (then nothing is monitored)
     * @return the reference
     */
    public static DriftReference of(final List<ColumnSpec> schema, final DataFingerprint training) {
        List<Feature> features = new ArrayList<>();
        Map<String, ColumnStats> columns =
                training == null || training.columns() == null ? Map.of() : training.columns();
        for (int position = 0; position < schema.size(); position++) {
            ColumnSpec spec = schema.get(position);
            ColumnStats stats = columns.get(spec.name());
            if (stats == null) {
                continue;
            }
            if (spec.type() == ColumnType.NUMERIC && stats.histogram() != null && stats.min() != null) {
                features.add(new Feature(
                        spec.name(), position, true, stats.min(), stats.max(), Map.of(), shares(stats.histogram())));
            } else if (spec.type() == ColumnType.CATEGORICAL && stats.counts() != null) {
                List<String> categories = new ArrayList<>(stats.counts().keySet());
                long total = Math.max(1, training.rows() - stats.missing());
                double[] expected = new double[categories.size() + 1];
                long known = 0;
                Map<String, Integer> bins = new HashMap<>();
                for (int i = 0; i < categories.size(); i++) {
                    long count = stats.counts().get(categories.get(i));
                    expected[i] = (double) count / total;
                    known += count;
                    bins.put(categories.get(i), i);
                }
                expected[categories.size()] = (double) Math.max(0, total - known) / total;
                features.add(new Feature(spec.name(), position, false, 0, 0, bins, expected));
            }
        }
        return new DriftReference(features);
    }

    private static double[] shares(final List<Long> histogram) {
        long[] counts = histogram.stream().mapToLong(Long::longValue).toArray();
        return io.mlops.contract.retrain.Psi.shares(counts);
    }

    /** @return the monitored features, in schema order */
    public List<Feature> features() {
        return features;
    }
}

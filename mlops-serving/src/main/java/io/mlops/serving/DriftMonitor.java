package io.mlops.serving;

import io.mlops.contract.data.ColumnSpec;
import io.mlops.contract.data.ColumnStats;
import io.mlops.contract.data.ColumnType;
import io.mlops.contract.data.DataFingerprint;
import io.mlops.contract.retrain.Psi;
import io.mlops.engine.data.Fingerprinter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Compares the distribution of recent inputs with the training data, per feature, as a population
 * stability index (PSI): below 0.1 is usually read as stable, above 0.25 as a significant shift.
 * Numeric features use the training histogram's bins, categorical features the training categories
 * plus one bin for unseen values. Text features are not monitored. The index is the contract's {@link Psi}, the one
 * the offline retrain check computes too.
 */
public final class DriftMonitor {
    /** Below this many observed inputs a PSI says nothing and none is reported. */
    public static final int MIN_OBSERVATIONS = 100;

    private final List<Feature> features;
    private final int window;
    private final AtomicLong observed = new AtomicLong();

    private DriftMonitor(final List<Feature> features, final int window) {
        this.features = features;
        this.window = window;
    }

    /**
     * Creates a monitor from the fingerprint of a model's training data.
     *
     * @param schema   the model's feature columns
     * @param training the fingerprint of the training data, may be {@code null} (then nothing is monitored)
     * @param window   how many recent inputs are compared
     * @return the monitor
     */
    public static DriftMonitor of(final List<ColumnSpec> schema, final DataFingerprint training, final int window) {
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
                double[] expected = shares(stats.histogram());
                features.add(new Feature(
                        spec.name(),
                        position,
                        true,
                        stats.min(),
                        stats.max(),
                        Map.of(),
                        expected,
                        new AtomicIntegerArray(window)));
            } else if (spec.type() == ColumnType.CATEGORICAL && stats.counts() != null) {
                List<String> categories = new ArrayList<>(stats.counts().keySet());
                List<Long> counts = new ArrayList<>(stats.counts().values());
                long total = training.rows() - stats.missing();
                double[] expected = new double[categories.size() + 1];
                long known = 0;
                for (int i = 0; i < categories.size(); i++) {
                    expected[i] = (double) counts.get(i) / Math.max(1, total);
                    known += counts.get(i);
                }
                expected[categories.size()] = (double) Math.max(0, total - known) / Math.max(1, total);
                Map<String, Integer> bins = new HashMap<>();
                for (int i = 0; i < categories.size(); i++) {
                    bins.put(categories.get(i), i);
                }
                features.add(new Feature(
                        spec.name(), position, false, 0, 0, bins, expected, new AtomicIntegerArray(window)));
            }
        }
        return new DriftMonitor(features, window);
    }

    private static double[] shares(final List<Long> histogram) {
        double[] shares = new double[histogram.size()];
        double total = 0;
        for (int i = 0; i < shares.length; i++) {
            shares[i] = histogram.get(i);
            total += shares[i];
        }
        for (int i = 0; i < shares.length; i++) {
            shares[i] = total == 0 ? 0 : shares[i] / total;
        }
        return shares;
    }

    /**
     * Records one validated input.
     *
     * @param input the input
     */
    public void observe(final Instance input) {
        if (features.isEmpty()) {
            return;
        }
        int slot = (int) (observed.getAndIncrement() % window);
        for (Feature feature : features) {
            int bin;
            if (feature.numeric()) {
                double value = input.number(feature.position());
                bin = Double.isNaN(value) ? -1 : Fingerprinter.bin(value, feature.min(), feature.max());
            } else {
                String value = input.string(feature.position());
                bin = value == null
                        ? -1
                        : feature.categories()
                                .getOrDefault(value, feature.categories().size());
            }
            // a release store: a scrape may see a slot a moment late, and no request pays for a full fence
            feature.recent().setRelease(slot, bin + 1);
        }
    }

    /**
     * Computes the PSI of every monitored feature over the recent window.
     *
     * @return feature name to PSI; empty until {@value #MIN_OBSERVATIONS} inputs were observed
     */
    public Map<String, Double> psi() {
        Map<String, Double> result = new LinkedHashMap<>();
        if (observed.get() < Math.min(MIN_OBSERVATIONS, window)) {
            return result;
        }
        for (Feature feature : features) {
            double[] actual = new double[feature.expected().length];
            long count = 0;
            for (int i = 0; i < window; i++) {
                int bin = feature.recent().get(i) - 1;
                if (bin >= 0) {
                    actual[bin]++;
                    count++;
                }
            }
            if (count == 0) {
                continue;
            }
            for (int i = 0; i < actual.length; i++) {
                actual[i] /= count;
            }
            result.put(feature.name(), Psi.index(feature.expected(), actual));
        }
        return result;
    }

    /**
     * Returns the largest PSI of all features, the service's single drift score.
     *
     * @return the score, 0 while nothing was observed
     */
    public double score() {
        return psi().values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** A monitored feature; {@code position} is its place in the schema, {@code categories} map to bins. */
    private record Feature(
            String name,
            int position,
            boolean numeric,
            double min,
            double max,
            Map<String, Integer> categories,
            double[] expected,
            AtomicIntegerArray recent) {}
}

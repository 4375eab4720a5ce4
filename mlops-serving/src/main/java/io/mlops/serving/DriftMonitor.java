package io.mlops.serving;

import io.mlops.contract.data.ColumnSpec;
import io.mlops.contract.data.DataFingerprint;
import io.mlops.contract.retrain.Psi;
import io.mlops.engine.data.DriftReference;
import java.util.ArrayList;
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
        for (DriftReference.Feature reference :
                DriftReference.of(schema, training).features()) {
            features.add(new Feature(reference, new AtomicIntegerArray(window)));
        }
        return new DriftMonitor(features, window);
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
            DriftReference.Feature reference = feature.reference();
            int bin = reference.numeric()
                    ? reference.bin(input.number(reference.position()))
                    : reference.bin(input.string(reference.position()));
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
            double[] actual = new double[feature.reference().expected().length];
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
            result.put(feature.reference().name(), Psi.index(feature.reference().expected(), actual));
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

    /** A monitored feature: its training reference and the bins of the recent inputs (bin + 1; 0 is missing). */
    private record Feature(DriftReference.Feature reference, AtomicIntegerArray recent) {}
}

package io.mlops.serving;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rolling accuracy and per-class recall of the served model over the most recent feedback, the
 * signal that decides when a model has decayed and should be retrained.
 */
public final class LiveQuality {
    private final String[] truth;
    private final String[] predicted;
    private long count;

    /**
     * Creates the tracker.
     *
     * @param window how many recent feedback events are considered
     */
    public LiveQuality(final int window) {
        truth = new String[window];
        predicted = new String[window];
    }

    /**
     * Records feedback.
     *
     * @param actual     the true label
     * @param prediction the label the service predicted
     */
    public synchronized void record(final String actual, final String prediction) {
        int slot = (int) (count++ % truth.length);
        truth[slot] = actual;
        predicted[slot] = prediction;
    }

    /** @return how many feedback events are in the window */
    public synchronized int size() {
        return (int) Math.min(count, truth.length);
    }

    /** @return the accuracy over the window, {@code NaN} without feedback */
    public synchronized double accuracy() {
        int n = size();
        if (n == 0) {
            return Double.NaN;
        }
        int correct = 0;
        for (int i = 0; i < n; i++) {
            if (truth[i].equals(predicted[i])) {
                correct++;
            }
        }
        return (double) correct / n;
    }

    /** @return the recall of every class seen in the window's feedback */
    public synchronized Map<String, Double> recall() {
        Map<String, int[]> counts = new TreeMap<>();
        for (int i = 0; i < size(); i++) {
            int[] c = counts.computeIfAbsent(truth[i], k -> new int[2]);
            c[0]++;
            if (truth[i].equals(predicted[i])) {
                c[1]++;
            }
        }
        Map<String, Double> recall = new LinkedHashMap<>();
        counts.forEach((label, c) -> recall.put(label, (double) c[1] / c[0]));
        return recall;
    }
}

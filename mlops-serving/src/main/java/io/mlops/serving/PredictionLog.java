package io.mlops.serving;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Remembers the most recent predictions by id, so that feedback (the true label, reported later) can be
 * matched with what was predicted and with the model that predicted it. Bounded: the oldest predictions are
 * forgotten first. It allocates nothing per prediction (the labels are the model's own strings), so that a
 * prediction leaves no object behind that lives long enough to reach the old generation.
 */
public final class PredictionLog {
    /**
     * A remembered prediction.
     *
     * @param label the predicted label
     * @param model the model that predicted it
     */
    public record Prediction(String label, ServedModel model) {}

    private final String prefix = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36) + "-";
    private final AtomicLong sequence = new AtomicLong();
    // slot i holds the prediction numbered sequences[i]; its label is written first and read second, and the
    // number is read again after the label, so a reader never pairs a number with another prediction's label
    private final AtomicLongArray sequences;
    private final AtomicReferenceArray<String> labels;
    private final AtomicReferenceArray<ServedModel> models;

    /**
     * Creates a log.
     *
     * @param capacity how many predictions are remembered
     */
    public PredictionLog(final int capacity) {
        sequences = new AtomicLongArray(capacity);
        labels = new AtomicReferenceArray<>(capacity);
        models = new AtomicReferenceArray<>(capacity);
    }

    /**
     * Records a prediction.
     *
     * @param model the model that predicted it
     * @param label the predicted label
     * @return the prediction's id
     */
    public String record(final ServedModel model, final String label) {
        long next = sequence.incrementAndGet();
        int slot = (int) (next % labels.length());
        // mark the slot as being written, then the label, then the number that makes it readable
        sequences.set(slot, 0);
        labels.set(slot, label);
        models.set(slot, model);
        sequences.setRelease(slot, next);
        return prefix + Long.toString(next, 36);
    }

    /**
     * Looks up a prediction.
     *
     * @param id the id returned by {@link #record(ServedModel, String)}
     * @return the prediction, or {@code null} if the id is unknown or forgotten
     */
    public Prediction lookup(final String id) {
        if (id == null || !id.startsWith(prefix)) {
            return null;
        }
        long number;
        try {
            number = Long.parseLong(id.substring(prefix.length()), 36);
        } catch (NumberFormatException exception) {
            return null;
        }
        if (number <= 0) {
            return null;
        }
        int slot = (int) (number % labels.length());
        if (sequences.getAcquire(slot) != number) {
            return null;
        }
        String label = labels.get(slot);
        ServedModel model = models.get(slot);
        return sequences.get(slot) == number ? new Prediction(label, model) : null;
    }
}

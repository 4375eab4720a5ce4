package io.mlops.serving;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Remembers the most recent predictions by id, so that feedback (the true label, reported later) can be
 * matched with what was predicted. Bounded: the oldest predictions are forgotten first.
 */
public final class PredictionLog {
    private record Entry(long sequence, String label) {
    }

    private final String prefix = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36) + "-";
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicReferenceArray<Entry> entries;

    /**
     * Creates a log.
     *
     * @param capacity how many predictions are remembered
     */
    public PredictionLog(final int capacity) {
        entries = new AtomicReferenceArray<>(capacity);
    }

    /**
     * Records a prediction.
     *
     * @param label the predicted label
     * @return the prediction's id
     */
    public String record(final String label) {
        long next = sequence.incrementAndGet();
        entries.set((int) (next % entries.length()), new Entry(next, label));
        return prefix + Long.toString(next, 36);
    }

    /**
     * Looks up a prediction.
     *
     * @param id the id returned by {@link #record(String)}
     * @return the predicted label, or {@code null} if the id is unknown or forgotten
     */
    public String lookup(final String id) {
        if (id == null || !id.startsWith(prefix)) {
            return null;
        }
        long number;
        try {
            number = Long.parseLong(id.substring(prefix.length()), 36);
        }
        catch (NumberFormatException exception) {
            return null;
        }
        if (number <= 0) {
            return null;
        }
        Entry entry = entries.get((int) (number % entries.length()));
        return entry != null && entry.sequence() == number ? entry.label() : null;
    }
}

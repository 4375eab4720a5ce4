package io.mlops.serving;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The live quality of each model the slot holds, over that model's own feedback: feedback counts for the model that
 * made the prediction, so right after a hot swap the new model's live accuracy starts empty instead of mixing in the
 * old model's feedback (which would hide, or fake, a decay), and a rollback brings back the restored model's own
 * window. Windows of models that left the slot (two swaps ago) are dropped, and late feedback for them is not counted.
 */
final class FeedbackWindows {
    private final ModelSlot slot;
    private final int size;
    private final Map<ServedModel, LiveQuality> windows = new IdentityHashMap<>();

    /**
     * Creates the windows.
     *
     * @param slot the served models
     * @param size how many recent feedback events each window covers
     */
    FeedbackWindows(final ModelSlot slot, final int size) {
        this.slot = slot;
        this.size = size;
    }

    /** @return the window of the model new requests use */
    synchronized LiveQuality current() {
        return window(slot.current());
    }

    /**
     * Records feedback for the model that made the prediction.
     *
     * @param model      the model that predicted
     * @param actual     the true label
     * @param prediction the predicted label
     */
    void record(final ServedModel model, final String actual, final String prediction) {
        LiveQuality window;
        synchronized (this) {
            window = model == slot.current() || model == slot.previous() ? window(model) : null;
        }
        if (window != null) {
            window.record(actual, prediction);
        }
    }

    private LiveQuality window(final ServedModel model) {
        ServedModel current = slot.current();
        ServedModel previous = slot.previous();
        windows.keySet().removeIf(held -> held != current && held != previous);
        return windows.computeIfAbsent(model, any -> new LiveQuality(size));
    }
}

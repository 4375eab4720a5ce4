package io.mlops.serving;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The model being served and the one before it. Each request reads {@link #current()} once, so a swap
 * is atomic for new requests while requests in flight finish on the model they started with.
 */
public final class ModelSlot {
    private record State(ServedModel current, ServedModel previous) {}

    private final AtomicReference<State> state;

    /**
     * Creates a slot.
     *
     * @param initial the first model
     */
    public ModelSlot(final ServedModel initial) {
        state = new AtomicReference<>(new State(initial, null));
    }

    /** @return the model new requests use */
    public ServedModel current() {
        return state.get().current();
    }

    /** @return the model before the last swap, or {@code null} */
    public ServedModel previous() {
        return state.get().previous();
    }

    /**
     * Switches to a new model, keeping the current one for rollback.
     *
     * @param next the new model, already loaded, verified and warmed up
     * @return the model that was replaced
     */
    public ServedModel swap(final ServedModel next) {
        return state.getAndUpdate(s -> new State(next, s.current())).current();
    }

    /**
     * Returns to the previous model.
     *
     * @return the model now served
     * @throws IllegalStateException if there is no previous model
     */
    public ServedModel rollback() {
        State result = state.updateAndGet(s -> {
            if (s.previous() == null) {
                throw new IllegalStateException("no previous model to roll back to");
            }
            return new State(s.previous(), s.current());
        });
        return result.current();
    }
}

package io.mlops.engine.data;

import io.mlops.contract.MlopsException;
import java.util.Locale;
import java.util.Objects;

/**
 * Which part of accumulated data a training run uses: the last rows, the last files, or the files of the last days.
 * Files are ordered as they are read; "days" go by each file's modification time.
 *
 * @param unit what is counted
 * @param size how many, 1 or more
 */
public record DataWindow(Unit unit, long size) {
    /** The longest window in days, about 2,700 years. */
    public static final long MAX_DAYS = 1_000_000;

    /** What a window counts. */
    public enum Unit {
        /** The last rows, after de-duplication. */
        ROWS,
        /** The last files in reading order. */
        FILES,
        /** Files modified within the last days. */
        DAYS;

        /** @return the name in specs, e.g. {@code rows} */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Creates a window. */
    public DataWindow {
        Objects.requireNonNull(unit, "unit == null");
        if (size < 1) {
            throw new MlopsException("'window." + unit.id() + "' must be 1 or more, got " + size);
        }
        // a date that far back is outside what java.time counts (and any data): refused here, not at reading time
        if (unit == Unit.DAYS && size > MAX_DAYS) {
            throw new MlopsException("'window.days' must be at most " + MAX_DAYS + ", got " + size);
        }
    }

    @Override
    public String toString() {
        return "last " + size + " " + unit.id();
    }
}

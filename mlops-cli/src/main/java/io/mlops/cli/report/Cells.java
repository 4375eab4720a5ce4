package io.mlops.cli.report;

import java.util.Locale;

/** How the report writes values into table cells. */
final class Cells {
    /** What a cell shows when a run has no value. */
    static final String NONE = "-";

    private Cells() {}

    /** A metric or ratio with four decimals, as the command line prints them. */
    static String number(final Double value) {
        return value == null ? NONE : String.format(Locale.ROOT, "%.4f", value);
    }

    /** A difference with its sign. */
    static String delta(final Double before, final Double after) {
        return before == null || after == null ? NONE : String.format(Locale.ROOT, "%+.4f", after - before);
    }

    /** Any value, {@value #NONE} for none. */
    static String text(final Object value) {
        return value == null ? NONE : String.valueOf(value);
    }

    /** The start of a checksum, enough to tell two apart. */
    static String shortHash(final String sha256) {
        return sha256 == null ? NONE : sha256.substring(0, Math.min(12, sha256.length()));
    }
}

package io.jenkins.plugins.mlops.steps;

import java.math.BigDecimal;

/** Small helpers for step arguments: blank form fields mean "not given". */
final class Arguments {
    private Arguments() {}

    static String trimToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    static String text(Object value) {
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
    }

    static IllegalArgumentException invalid(String function, String message) {
        return new IllegalArgumentException("[" + function + "] " + message);
    }
}

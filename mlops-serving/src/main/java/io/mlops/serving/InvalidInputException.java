package io.mlops.serving;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** A request whose content does not fit the model's schema; answered with 400 and the fields at fault. */
public final class InvalidInputException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> fields;

    /**
     * Creates the exception.
     *
     * @param message what is wrong overall
     * @param fields  field name to what is wrong with it
     */
    public InvalidInputException(final String message, final Map<String, String> fields) {
        super(message);
        // sorted by field name, so that messages list them alike every time
        this.fields = Collections.unmodifiableMap(new TreeMap<>(fields));
    }

    /** @return field name to what is wrong with it */
    public Map<String, String> fields() {
        return fields;
    }
}

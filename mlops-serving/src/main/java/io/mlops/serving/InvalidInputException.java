package io.mlops.serving;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** A request whose content does not fit the model's schema; answered with 400 and the fields at fault. */
public final class InvalidInputException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> fields;
    private final int total;

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
        this.total = fields.size();
    }

    /**
     * Keeps the first {@code max} problems (by field name) and the total count, so that an error reply stays
     * small whatever the request held (a body with 100,000 unknown fields got a 10 MB reply).
     *
     * @param max how many problems to keep
     * @return this exception, or a copy with at most {@code max} problems
     */
    public InvalidInputException capped(final int max) {
        if (fields.size() <= max) {
            return this;
        }
        TreeMap<String, String> first = new TreeMap<>();
        for (Map.Entry<String, String> entry : fields.entrySet()) {
            if (first.size() == max) {
                break;
            }
            first.put(entry.getKey(), entry.getValue());
        }
        return new InvalidInputException(getMessage(), first, total);
    }

    private InvalidInputException(final String message, final TreeMap<String, String> fields, final int total) {
        super(message);
        this.fields = Collections.unmodifiableMap(fields);
        this.total = total;
    }

    /** @return how many problems the input had, including those {@link #capped} left out */
    public int total() {
        return total;
    }

    /** @return field name to what is wrong with it */
    public Map<String, String> fields() {
        return fields;
    }
}

package io.jenkins.plugins.mlops.execution;

import java.util.Optional;
import java.util.regex.Pattern;

/** Names, aliases and {@code NAME@REF} references of the model registry, as the registry accepts them. */
public final class ModelRefs {
    /** A model name or an alias. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** {@code NAME@VERSION} or {@code NAME@ALIAS}. */
    public static final Pattern REFERENCE =
            Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]{0,63})@([A-Za-z0-9][A-Za-z0-9._-]{0,63})");

    private ModelRefs() {}

    /**
     * Checks a model name or alias.
     *
     * @param field the argument's name, for the message
     * @param value the value, or {@code null}
     * @return the problem, or empty if the value is absent or valid
     */
    public static Optional<String> checkName(String field, String value) {
        return value == null || NAME.matcher(value).matches()
                ? Optional.empty()
                : Optional.of("'" + field + "' must match " + NAME.pattern() + ", got '" + value + "'");
    }

    /**
     * Tells whether a value is a registry reference {@code NAME@REF}.
     *
     * @param value the value
     * @return {@code true} for {@code receipts@champion} or {@code receipts@3}
     */
    public static boolean isReference(String value) {
        return value != null && REFERENCE.matcher(value).matches();
    }
}

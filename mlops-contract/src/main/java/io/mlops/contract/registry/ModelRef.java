package io.mlops.contract.registry;

import io.mlops.contract.MlopsException;

/**
 * A reference to one version of a registered model: {@code name} (the newest version), {@code name@7}
 * (version 7) or {@code name@champion} (the version an alias points to; {@code name@latest} is the
 * newest).
 *
 * @param name    the model name
 * @param version the version number, or {@code null}
 * @param alias   the alias, or {@code null}; with both {@code null} the reference means the newest version
 */
public record ModelRef(String name, Integer version, String alias) {
    /**
     * Creates a reference.
     */
    public ModelRef {
        ModelNames.requireModelName(name);
        if (version != null && alias != null) {
            throw new IllegalArgumentException("a reference has a version or an alias, not both");
        }
        if (version != null && version < 1) {
            throw new MlopsException("invalid version " + version + " of model '" + name + "': versions start at 1");
        }
        if (ModelNames.LATEST.equals(alias)) {
            alias = null;
        }
    }

    /**
     * Parses {@code NAME}, {@code NAME@VERSION} or {@code NAME@ALIAS}.
     *
     * @param text the reference
     * @return the reference
     * @throws MlopsException if the text is not a valid reference
     */
    public static ModelRef parse(final String text) {
        int at = text == null ? -1 : text.indexOf('@');
        if (text == null || text.isEmpty() || at == 0 || at == text.length() - 1 || text.indexOf('@', at + 1) >= 0) {
            throw new MlopsException(
                    "invalid model reference '" + text + "': expected NAME, NAME@VERSION or NAME@ALIAS");
        }
        if (at < 0) {
            return new ModelRef(text, null, null);
        }
        String name = text.substring(0, at);
        String target = text.substring(at + 1);
        if (ModelNames.isNumber(target)) {
            try {
                return new ModelRef(name, Integer.valueOf(target), null);
            } catch (NumberFormatException exception) {
                throw new MlopsException(
                        "invalid model reference '" + text + "': version " + target + " is too large", exception);
            }
        }
        if (!ModelNames.isValid(target)) {
            throw new MlopsException(
                    "invalid alias '" + target + "' in '" + text + "': use letters, digits, '.', '_' and '-'");
        }
        return new ModelRef(name, null, target);
    }

    /**
     * Refers to the newest version of a model.
     *
     * @param name the model name
     * @return the reference
     */
    public static ModelRef latest(final String name) {
        return new ModelRef(name, null, null);
    }

    /**
     * Refers to one version of a model.
     *
     * @param name    the model name
     * @param version the version
     * @return the reference
     */
    public static ModelRef of(final String name, final int version) {
        return new ModelRef(name, version, null);
    }

    @Override
    public String toString() {
        return version != null ? name + "@" + version : alias != null ? name + "@" + alias : name;
    }
}

package io.mlops.contract.registry;

import io.mlops.contract.MlopsException;
import java.util.regex.Pattern;

/**
 * The rules for model names and aliases: they become folder and file names, so they are restricted to
 * letters, digits, {@code .}, {@code _} and {@code -}, start with a letter or digit, are at most 64
 * characters long and can never be {@code .} or {@code ..} or contain a path separator.
 */
public final class ModelNames {
    /** The alias that always means the newest version; it cannot be set. */
    public static final String LATEST = "latest";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+");

    private ModelNames() {}

    /**
     * Checks a model name.
     *
     * @param name the name
     * @return the name
     * @throws MlopsException if it is not a valid model name
     */
    public static String requireModelName(final String name) {
        if (!isValid(name)) {
            throw new MlopsException("invalid model name '" + name + "': use 1 to 64 letters, digits, '.', '_' and '-',"
                    + " starting with a letter or digit");
        }
        return name;
    }

    /**
     * Checks an alias name that is to be set.
     *
     * @param alias the alias
     * @return the alias
     * @throws MlopsException if it is not a valid alias, is a number or is {@value #LATEST}
     */
    public static String requireAlias(final String alias) {
        if (!isValid(alias)) {
            throw new MlopsException("invalid alias '" + alias + "': use 1 to 64 letters, digits, '.', '_' and '-',"
                    + " starting with a letter or digit");
        }
        if (NUMBER.matcher(alias).matches()) {
            throw new MlopsException(
                    "invalid alias '" + alias + "': an alias must not be a number, which reads as a version");
        }
        if (LATEST.equals(alias)) {
            throw new MlopsException("alias 'latest' is reserved: it always means the newest version");
        }
        return alias;
    }

    /**
     * Returns whether a text is a valid model or alias name.
     *
     * @param name the text, may be {@code null}
     * @return whether it follows the rules
     */
    public static boolean isValid(final String name) {
        return name != null && NAME.matcher(name).matches() && !".".equals(name) && !"..".equals(name);
    }

    /**
     * Returns whether a text is a version number (which an alias must not be).
     *
     * @param text the text
     * @return whether it is all digits
     */
    public static boolean isNumber(final String text) {
        return NUMBER.matcher(text).matches();
    }
}

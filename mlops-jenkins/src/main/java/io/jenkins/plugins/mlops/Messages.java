package io.jenkins.plugins.mlops;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The plugin's user-visible texts, from {@code Messages.properties}. */
public final class Messages {
    private static final String BUNDLE = "io.jenkins.plugins.mlops.Messages";

    private Messages() {}

    /**
     * Returns a formatted text.
     *
     * @param key the key in {@code Messages.properties}
     * @param arguments the arguments of the {@link MessageFormat} pattern
     * @return the text
     */
    public static String format(String key, Object... arguments) {
        String pattern = ResourceBundle.getBundle(BUNDLE, Locale.getDefault(), Messages.class.getClassLoader())
                .getString(key);
        return new MessageFormat(pattern, Locale.ROOT).format(arguments);
    }
}

package io.jenkins.plugins.mlops.triggers;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The triggers' user-visible texts, from this package's {@code Messages.properties}. */
final class TriggerMessages {
    private static final String BUNDLE = "io.jenkins.plugins.mlops.triggers.Messages";

    private TriggerMessages() {}

    static String format(final String key, final Object... arguments) {
        String pattern = ResourceBundle.getBundle(BUNDLE, Locale.getDefault(), TriggerMessages.class.getClassLoader())
                .getString(key);
        return new MessageFormat(pattern, Locale.ROOT).format(arguments);
    }
}

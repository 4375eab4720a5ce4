package io.jenkins.plugins.mlops.triggers.poll;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Stamps as one string, the form that crosses the agent channel: a plain {@link String} passes every
 * class filter, and properties syntax escapes any character a file name may hold.
 */
public final class StampsText {
    private StampsText() {}

    /**
     * @param stamps entry name to stamp
     * @return the text
     */
    public static String encode(final Map<String, String> stamps) {
        Properties properties = new Properties();
        properties.putAll(stamps);
        StringWriter text = new StringWriter();
        try {
            properties.store(text, null);
        } catch (IOException never) {
            throw new UncheckedIOException(never);
        }
        return text.toString();
    }

    /**
     * @param text what {@link #encode(Map)} wrote
     * @return entry name to stamp, sorted
     * @throws PollException if the text is not such a list
     */
    public static TreeMap<String, String> decode(final String text) throws PollException {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException malformed) {
            throw new PollException("malformed list of file stamps: " + malformed.getMessage(), malformed);
        }
        TreeMap<String, String> stamps = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            stamps.put(name, properties.getProperty(name));
        }
        return stamps;
    }
}

package io.mlops.cli.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * ECharts from its Maven Central webjar ({@code org.webjars.npm:echarts}) on the class path: the one script the report
 * embeds, so a report opens without a network.
 */
final class EChartsLibrary {
    private static final String POM_PROPERTIES = "META-INF/maven/org.webjars.npm/echarts/pom.properties";
    private static final String SCRIPT = "META-INF/resources/webjars/echarts/%s/dist/echarts.min.js";

    private EChartsLibrary() {}

    /** @return the version of the webjar on the class path */
    static String version() {
        Properties properties = new Properties();
        try (InputStream in = resource(POM_PROPERTIES)) {
            properties.load(in);
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
        return properties.getProperty("version");
    }

    /**
     * Reads the minified library.
     *
     * @return its text, which has no {@code </script} and so can stand inside a script element
     */
    static String script() {
        String path = String.format(SCRIPT, version());
        try (InputStream in = resource(path)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (text.toLowerCase(java.util.Locale.ROOT).contains("</script")) {
                throw new IllegalStateException(path + " contains </script and cannot be embedded");
            }
            return text;
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    private static InputStream resource(final String path) {
        InputStream in = EChartsLibrary.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("the ECharts webjar is not on the class path: " + path + " is missing");
        }
        return in;
    }
}

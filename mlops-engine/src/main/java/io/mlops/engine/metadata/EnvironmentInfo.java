package io.mlops.engine.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.tribuo.Tribuo;

/**
 * Where a run ran: the versions of Java, Tribuo and mlops, and the operating system.
 *
 * @param mlops      the mlops version
 * @param java       the Java version
 * @param javaVendor the Java vendor
 * @param tribuo     the Tribuo version
 * @param os         operating system name, version and architecture
 * @param cpus       available processors
 */
public record EnvironmentInfo(String mlops, String java, String javaVendor, String tribuo, String os, int cpus) {
    /**
     * Describes this JVM.
     *
     * @return the environment
     */
    public static EnvironmentInfo current() {
        return new EnvironmentInfo(
                mlopsVersion(),
                System.getProperty("java.version"),
                System.getProperty("java.vendor"),
                Tribuo.VERSION,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * Returns the version of this engine, as built.
     *
     * @return the version
     */
    public static String mlopsVersion() {
        try (InputStream in = EnvironmentInfo.class.getResourceAsStream("/io/mlops/engine/version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException exception) {
            return "unknown";
        }
    }
}

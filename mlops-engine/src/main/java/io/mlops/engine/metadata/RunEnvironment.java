package io.mlops.engine.metadata;

import io.mlops.contract.metadata.EnvironmentInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.tribuo.Tribuo;

/** Describes the JVM a run runs in, as {@link EnvironmentInfo}. */
public final class RunEnvironment {
    private RunEnvironment() {}

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
        try (InputStream in = RunEnvironment.class.getResourceAsStream("/io/mlops/engine/version.properties")) {
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

package io.jenkins.plugins.mlops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The .hpi built by this module (system property {@code mlops.hpi}, set by failsafe). */
public final class HpiFile {
    private HpiFile() {}

    public static Path path() {
        String hpi = System.getProperty("mlops.hpi", "target/mlops.hpi");
        return Path.of(hpi);
    }

    /**
     * Takes the engine out of the .hpi as an agent gets it: the resource {@code mlops-engine.jar} inside the plugin's
     * own jar {@code WEB-INF/lib/mlops.jar}.
     *
     * @param into a folder
     * @return the engine jar
     */
    public static Path engineJar(Path into) throws IOException {
        Path pluginJar = into.resolve("mlops.jar");
        try (ZipFile hpi = new ZipFile(path().toFile());
                InputStream in = hpi.getInputStream(hpi.getEntry("WEB-INF/lib/mlops.jar"))) {
            Files.copy(in, pluginJar);
        }
        Path engine = into.resolve("mlops-engine.jar");
        try (ZipFile plugin = new ZipFile(pluginJar.toFile())) {
            ZipEntry entry = plugin.getEntry("io/jenkins/plugins/mlops/launch/mlops-engine.jar");
            if (entry == null) {
                throw new IllegalStateException("the plugin jar has no engine resource");
            }
            try (InputStream in = plugin.getInputStream(entry)) {
                Files.copy(in, engine);
            }
        }
        return engine;
    }
}

package io.jenkins.plugins.mlops;

import io.jenkins.plugins.mlops.launch.EngineDistribution;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
     * Unpacks {@code WEB-INF/lib} of the .hpi and adds the jars Jenkins core lends the engine (taken from
     * this test's classpath), exactly as the plugin assembles the engine's classpath on an agent.
     */
    public static List<String> engineClasspath(Path into) throws IOException {
        List<String> classpath = new ArrayList<>();
        try (ZipFile zip = new ZipFile(path().toFile())) {
            for (ZipEntry entry : zip.stream()
                    .filter(e -> e.getName().startsWith("WEB-INF/lib/")
                            && e.getName().endsWith(".jar"))
                    .toList()) {
                Path jar = into.resolve(entry.getName().substring("WEB-INF/lib/".length()));
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, jar);
                }
                classpath.add(jar.toString());
            }
        }
        for (String className : EngineDistribution.FROM_CORE) {
            try {
                EngineDistribution.jarOf(Class.forName(className)).ifPresent(jar -> classpath.add(jar.getPath()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("test classpath lacks " + className, e);
            }
        }
        return classpath;
    }
}

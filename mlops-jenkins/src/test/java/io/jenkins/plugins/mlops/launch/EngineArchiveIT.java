package io.jenkins.plugins.mlops.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The plugin finds its engine when it runs from {@code target/classes} (Jenkins' test harness, {@code hpi:run}):
 * no plugin jar is needed to locate it. Runs after {@code package}, which puts the engine resource there; the
 * plugin's class is loaded from that folder alone.
 */
class EngineArchiveIT {
    @Test
    void shouldFindTheEngineWhenThePluginIsLoadedFromAClassesFolder() throws Exception {
        Path classes = Path.of("target/classes").toAbsolutePath();
        try (URLClassLoader plugin =
                new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            Class<?> archive = plugin.loadClass(EngineArchive.class.getName());
            assertThat(Path.of(archive.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI()))
                    .as("the plugin's classes come from a folder, not a jar")
                    .isDirectory();

            Object engine = archive.getMethod("ofPlugin").invoke(null);

            String sha256 = (String) archive.getMethod("sha256").invoke(engine);
            assertThat(sha256).hasSize(64);
            boolean hasMainClass = false;
            try (InputStream in = (InputStream) archive.getMethod("open").invoke(engine);
                    JarInputStream jar = new JarInputStream(in)) {
                for (ZipEntry e = jar.getNextEntry(); e != null; e = jar.getNextEntry()) {
                    hasMainClass |= e.getName().equals(EngineScript.MAIN_CLASS.replace('.', '/') + ".class");
                }
            }
            assertThat(hasMainClass).as("the engine holds the mlops command").isTrue();
        }
    }
}

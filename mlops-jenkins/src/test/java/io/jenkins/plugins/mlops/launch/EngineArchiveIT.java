package io.jenkins.plugins.mlops.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The plugin finds its engine when it runs from {@code target/classes} (Jenkins' test harness, {@code hpi:run}):
 * no plugin jar is needed to locate it. Runs after {@code package}, which puts the engine resource there.
 */
class EngineArchiveIT {
    @Test
    void shouldFindTheEngineWhenThePluginIsLoadedFromAClassesFolder() throws Exception {
        Path loadedFrom = Path.of(EngineArchive.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        assertThat(loadedFrom)
                .as("the plugin's classes come from a folder, not a jar")
                .isDirectory();

        EngineArchive engine = EngineArchive.ofPlugin();

        assertThat(engine.sha256()).hasSize(64);
        assertThat(engine.version()).isEqualTo(engine.sha256().substring(0, 16));
        boolean hasMainClass = false;
        try (JarInputStream jar = new JarInputStream(engine.open())) {
            for (ZipEntry e = jar.getNextEntry(); e != null; e = jar.getNextEntry()) {
                hasMainClass |= e.getName().equals(EngineScript.MAIN_CLASS.replace('.', '/') + ".class");
            }
        }
        assertThat(hasMainClass).as("the engine holds the mlops command").isTrue();
    }
}

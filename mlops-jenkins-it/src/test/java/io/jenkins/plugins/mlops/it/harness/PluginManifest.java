package io.jenkins.plugins.mlops.it.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The manifest of a plugin file ({@code .hpi}/{@code .jpi}): its short name, version and {@code Plugin-Dependencies}.
 *
 * @param file         the plugin file
 * @param shortName    {@code Short-Name}
 * @param version      {@code Plugin-Version}
 * @param dependencies {@code Plugin-Dependencies}
 */
public record PluginManifest(Path file, String shortName, String version, List<Dependency> dependencies) {
    /**
     * One entry of {@code Plugin-Dependencies}.
     *
     * @param shortName the plugin needed
     * @param version   the minimum version
     * @param optional  whether {@code resolution:=optional}
     */
    public record Dependency(String shortName, String version, boolean optional) {}

    /**
     * Reads the extra plugins this test run installs ({@value JenkinsDistribution#EXTRA_PLUGINS_VARIABLE}).
     *
     * @return their manifests; empty without a distribution or without extra plugins
     */
    public static List<PluginManifest> extraPlugins() {
        JenkinsDistribution.Lookup lookup = JenkinsDistribution.locate(
                System.getenv(),
                Path.of(System.getProperty("mlops.repoRoot", "..")).toAbsolutePath());
        return lookup instanceof JenkinsDistribution.Found found
                ? found.distribution().extraPlugins().stream()
                        .map(PluginManifest::read)
                        .toList()
                : List.of();
    }

    /**
     * Reads the manifest of a plugin file.
     *
     * @param file the plugin file
     * @return its manifest
     * @throws IllegalArgumentException naming the file when it has no plugin manifest
     */
    public static PluginManifest read(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry("META-INF/MANIFEST.MF");
            if (entry == null) {
                throw new IllegalArgumentException(file + " has no META-INF/MANIFEST.MF");
            }
            Attributes main;
            try (InputStream in = zip.getInputStream(entry)) {
                main = new Manifest(in).getMainAttributes();
            }
            String shortName = main.getValue("Short-Name");
            if (shortName == null) {
                throw new IllegalArgumentException(file + " has no Short-Name in its manifest: not a Jenkins plugin");
            }
            return new PluginManifest(
                    file,
                    shortName,
                    main.getValue("Plugin-Version"),
                    dependencies(main.getValue("Plugin-Dependencies")));
        } catch (IOException exception) {
            throw new UncheckedIOException("cannot read the plugin file " + file, exception);
        }
    }

    private static List<Dependency> dependencies(String value) {
        List<Dependency> dependencies = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return dependencies;
        }
        for (String entry : value.split(",")) {
            String[] parts = entry.strip().split(";");
            String[] nameVersion = parts[0].split(":", 2);
            boolean optional = false;
            for (int i = 1; i < parts.length; i++) {
                optional |= parts[i].strip().equals("resolution:=optional");
            }
            dependencies.add(new Dependency(nameVersion[0], nameVersion.length > 1 ? nameVersion[1] : "", optional));
        }
        return dependencies;
    }
}

package io.jenkins.plugins.mlops.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plugins one Jenkins gets: the distribution's, the extra ones and the plugin under test, with every required
 * {@code Plugin-Dependencies} entry checked against them before Jenkins starts.
 */
public final class PluginSet {
    private final Map<String, PluginManifest> plugins = new LinkedHashMap<>();

    /**
     * Collects the plugins; a later file with the same short name replaces an earlier one.
     *
     * @param files the plugin files, in order of precedence (last wins)
     */
    public PluginSet(List<Path> files) {
        for (Path file : files) {
            PluginManifest manifest = PluginManifest.read(file);
            plugins.put(manifest.shortName(), manifest);
        }
    }

    /**
     * Checks that every required dependency of the given plugin, and of the plugins it needs, is in the set at the
     * version asked for or newer.
     *
     * @param shortName the plugin under test
     * @return the problems, one line each, naming plugin, dependency and versions; empty when all are there
     */
    public List<String> missingDependencies(String shortName) {
        List<String> problems = new ArrayList<>();
        List<String> todo = new ArrayList<>(List.of(shortName));
        List<String> seen = new ArrayList<>();
        while (!todo.isEmpty()) {
            String name = todo.remove(0);
            if (seen.contains(name)) {
                continue;
            }
            seen.add(name);
            PluginManifest plugin = plugins.get(name);
            if (plugin == null) {
                continue;
            }
            for (PluginManifest.Dependency dependency : plugin.dependencies()) {
                if (dependency.optional()) {
                    continue;
                }
                PluginManifest present = plugins.get(dependency.shortName());
                if (present == null) {
                    problems.add(name + " needs " + dependency.shortName() + ":" + dependency.version()
                            + ", which is neither in the distribution nor in "
                            + JenkinsDistribution.EXTRA_PLUGINS_VARIABLE);
                } else if (Versions.compare(present.version(), dependency.version()) < 0) {
                    problems.add(name + " needs " + dependency.shortName() + " " + dependency.version()
                            + " or newer, but " + present.file() + " is " + present.version());
                } else {
                    todo.add(dependency.shortName());
                }
            }
        }
        return problems;
    }

    /**
     * Copies every plugin into {@code JENKINS_HOME/plugins} as {@code SHORTNAME.jpi}, as the distribution's
     * {@code start.sh} does.
     *
     * @param jenkinsHome the Jenkins home
     */
    public void installInto(Path jenkinsHome) {
        Path folder = jenkinsHome.resolve("plugins");
        try {
            Files.createDirectories(folder);
            for (PluginManifest plugin : plugins.values()) {
                Files.copy(
                        plugin.file(),
                        folder.resolve(plugin.shortName() + ".jpi"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException exception) {
            throw new UncheckedIOException("cannot install the plugins into " + folder, exception);
        }
    }

    /** @return the short names of the plugins */
    public List<String> shortNames() {
        return List.copyOf(plugins.keySet());
    }
}

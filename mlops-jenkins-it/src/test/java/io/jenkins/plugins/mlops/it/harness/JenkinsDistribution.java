package io.jenkins.plugins.mlops.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The source-built Jenkins distribution the tests run on: {@code jenkins.war} and {@code plugins/*.hpi}, found
 * through {@code MLOPS_JENKINS_DIST}, else {@code ../shared/jenkins-dist} beside the repository. Extra plugins (ones
 * the distribution lacks) come from {@code MLOPS_JENKINS_EXTRA_PLUGINS}: folders or {@code .hpi} files separated by
 * the path separator.
 *
 * @param folder       the distribution folder
 * @param war          its {@code jenkins.war}
 * @param plugins      its plugins
 * @param extraPlugins the plugins named by {@code MLOPS_JENKINS_EXTRA_PLUGINS}
 */
public record JenkinsDistribution(Path folder, Path war, List<Path> plugins, List<Path> extraPlugins) {
    /** The variable naming the distribution folder. */
    public static final String DIST_VARIABLE = "MLOPS_JENKINS_DIST";
    /** The variable naming extra plugin files or folders. */
    public static final String EXTRA_PLUGINS_VARIABLE = "MLOPS_JENKINS_EXTRA_PLUGINS";

    /** Where the distribution is, or why there is none. */
    public sealed interface Lookup permits Found, Missing {}

    /** @param distribution the distribution found */
    public record Found(JenkinsDistribution distribution) implements Lookup {}

    /** @param reason why no distribution can be used, naming the places looked at */
    public record Missing(String reason) implements Lookup {}

    /**
     * Looks for the distribution.
     *
     * @param env      the environment variables
     * @param repoRoot the repository root
     * @return the distribution, or the reason there is none
     */
    public static Lookup locate(Map<String, String> env, Path repoRoot) {
        String configured = env.get(DIST_VARIABLE);
        Path folder = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : repoRoot.toAbsolutePath().normalize().resolveSibling("shared").resolve("jenkins-dist");
        String origin = configured != null && !configured.isBlank()
                ? DIST_VARIABLE + "=" + configured
                : DIST_VARIABLE + " is not set and the default " + folder;
        Path war = folder.resolve("jenkins.war");
        if (!Files.isRegularFile(war)) {
            return new Missing(origin + " has no jenkins.war");
        }
        List<Path> plugins = hpis(folder.resolve("plugins"));
        if (plugins.isEmpty()) {
            return new Missing(origin + " has no plugins/*.hpi");
        }
        return new Found(new JenkinsDistribution(folder, war, plugins, extraPlugins(env.get(EXTRA_PLUGINS_VARIABLE))));
    }

    private static List<Path> extraPlugins(String value) {
        List<Path> extra = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return extra;
        }
        for (String entry : value.split(java.io.File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry.strip());
            if (Files.isDirectory(path)) {
                extra.addAll(hpis(path));
            } else if (Files.isRegularFile(path)) {
                extra.add(path);
            } else {
                throw new IllegalArgumentException(
                        EXTRA_PLUGINS_VARIABLE + " names " + path + ", which is neither a plugin file nor a folder");
            }
        }
        return extra;
    }

    private static List<Path> hpis(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> {
                        String name = f.getFileName().toString();
                        return name.endsWith(".hpi") || name.endsWith(".jpi");
                    })
                    .sorted()
                    .toList();
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }
}

package io.mlops.cli;

import io.mlops.engine.registry.FileSystemRegistry;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --registry DIR}, else {@code MLOPS_REGISTRY}, else {@code ~/.mlops/registry}; and {@code --by USER}. */
final class RegistryOptions implements EnvironmentAware {
    @Option(
            names = "--registry",
            paramLabel = "DIR",
            description = "The registry folder (default: $MLOPS_REGISTRY, else ~/.mlops/registry).")
    Path registry;

    private Map<String, String> env = Map.of();

    @Override
    public void environment(final Map<String, String> variables) {
        this.env = variables;
    }

    Map<String, String> env() {
        return env;
    }

    Path folder() {
        if (registry != null) {
            return registry;
        }
        String configured = env.get("MLOPS_REGISTRY");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".mlops", "registry");
    }

    FileSystemRegistry open() {
        return FileSystemRegistry.open(folder());
    }

    /** Who acts: the given user, else $MLOPS_USER, else $USER or $USERNAME. */
    String user(final String given) {
        for (String candidate : new String[] {given, env.get("MLOPS_USER"), env.get("USER"), env.get("USERNAME")}) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return "unknown";
    }
}

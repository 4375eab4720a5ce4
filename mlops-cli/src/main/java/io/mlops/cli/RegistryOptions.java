package io.mlops.cli;

import io.mlops.contract.command.CommandNames;
import io.mlops.engine.registry.FileSystemRegistry;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --registry DIR}, else {@code MLOPS_REGISTRY}, else {@code ~/.mlops/registry}. */
final class RegistryOptions extends EnvironmentOptions {
    @Option(
            names = CommandNames.REGISTRY_OPTION,
            paramLabel = "DIR",
            description = "The registry folder (default: $MLOPS_REGISTRY, else ~/.mlops/registry).")
    Path registry;

    Path folder() {
        if (registry != null) {
            return registry;
        }
        String configured = env().get("MLOPS_REGISTRY");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".mlops", "registry");
    }

    FileSystemRegistry open() {
        return FileSystemRegistry.open(folder());
    }
}

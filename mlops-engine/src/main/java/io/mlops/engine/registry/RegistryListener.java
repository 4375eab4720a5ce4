package io.mlops.engine.registry;

import java.nio.file.Path;
import java.util.List;

/** Told about every change of a registry, while the writers' lock is held (e.g. {@link GitMirror}). */
@FunctionalInterface
public interface RegistryListener {
    /** Does nothing. */
    RegistryListener NONE = (root, paths, message) -> {};

    /**
     * Called after a change is complete on disk.
     *
     * @param root    the registry folder
     * @param paths   the changed files and folders, relative to the root, with {@code /}
     * @param message what changed, one line
     */
    void changed(Path root, List<String> paths, String message);
}

package io.mlops.engine.registry;

import io.mlops.contract.MlopsException;
import io.mlops.contract.registry.ModelRef;
import io.mlops.engine.ProgressListener;
import io.mlops.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A model given by the user: a bundle path, or {@code NAME@REF} of the registry, which is exported to a temporary
 * bundle folder that {@link #close()} removes.
 */
public final class ModelSource implements AutoCloseable {
    private final Path bundle;
    private final ModelVersion version;
    private final Path temporary;

    private ModelSource(final Path bundle, final ModelVersion version, final Path temporary) {
        this.bundle = bundle;
        this.version = version;
        this.temporary = temporary;
    }

    /**
     * Resolves a model argument.
     *
     * @param value    a bundle path, or {@code NAME@REF} when no such path exists
     * @param registry opens the registry, only for {@code NAME@REF}
     * @return the source
     * @throws MlopsException if the reference is invalid or names nothing in the registry
     */
    public static ModelSource of(final String value, final Supplier<? extends ModelRegistry> registry) {
        Path path = Path.of(value);
        if (Files.exists(path) || !value.contains("@")) {
            return new ModelSource(path, null, null);
        }
        ModelRef ref = ModelRef.parse(value);
        Path temporary;
        try {
            temporary = Files.createTempDirectory("mlops-model");
        } catch (IOException exception) {
            throw new MlopsException("cannot create a temporary folder: " + exception.getMessage(), exception);
        }
        Path bundle = temporary.resolve(ref.name());
        try {
            return new ModelSource(bundle, registry.get().export(ref, bundle), temporary);
        } catch (RuntimeException exception) {
            AtomicFiles.deleteQuietly(temporary);
            throw exception;
        }
    }

    /**
     * Resolves a baseline. A registry baseline that does not exist yet (before the first promotion there is no
     * {@code champion}) is no error: the gates relative to it are then INACTIVE, and a log line says why.
     *
     * @param value    a bundle path or {@code NAME@REF}
     * @param registry opens the registry, only for {@code NAME@REF}
     * @param progress receives the log line
     * @return the source, or empty if the registry has no such model, version or alias
     * @throws MlopsException if the reference is invalid or the path does not exist
     */
    public static Optional<ModelSource> baseline(
            final String value, final Supplier<? extends ModelRegistry> registry, final ProgressListener progress) {
        try {
            return Optional.of(of(value, registry));
        } catch (ModelNotFoundException exception) {
            progress.progress("baseline '" + value + "' is not in the registry (" + exception.getMessage()
                    + "); gates relative to the baseline are INACTIVE");
            return Optional.empty();
        }
    }

    /** @return the bundle folder (or model file) to load */
    public Path bundle() {
        return bundle;
    }

    /** @return the registry version, or {@code null} for a plain path */
    public ModelVersion version() {
        return version;
    }

    @Override
    public void close() {
        AtomicFiles.deleteQuietly(temporary);
    }
}

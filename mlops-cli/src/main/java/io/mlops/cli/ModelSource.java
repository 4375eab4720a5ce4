package io.mlops.cli;

import io.mlops.engine.MlopsException;
import io.mlops.engine.io.AtomicFiles;
import io.mlops.engine.registry.ModelRef;
import io.mlops.engine.registry.ModelVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model given on the command line: a bundle path, or {@code NAME@REF} of the registry, which is exported
 * to a temporary bundle folder that {@link #close()} removes.
 */
final class ModelSource implements AutoCloseable {
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
     * @param value    the argument
     * @param registry the registry options, used when the value is not an existing path
     * @return the source
     */
    static ModelSource of(final String value, final RegistryOptions registry) {
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
            return new ModelSource(bundle, registry.open().export(ref, bundle), temporary);
        } catch (RuntimeException exception) {
            AtomicFiles.deleteQuietly(temporary);
            throw exception;
        }
    }

    /** @return the bundle folder (or model file) to load */
    Path bundle() {
        return bundle;
    }

    /** @return the registry version, or {@code null} for a plain path */
    ModelVersion version() {
        return version;
    }

    @Override
    public void close() {
        AtomicFiles.deleteQuietly(temporary);
    }
}

package io.mlops.engine.registry;

import io.mlops.contract.registry.ModelNames;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A request to register a model bundle as the next version of a model.
 *
 * @param bundle       the model bundle folder ({@code model.tribuo}, {@code bundle.json}, {@code run-metadata.json})
 * @param name         the model name
 * @param registeredBy who registers it
 * @param build        the build that produced it, or {@code null}
 * @param workDir      the folder relative data paths of the run metadata are resolved against, for the
 *                     data's Git tree id; {@code null} to skip that
 * @param alias        an alias to point at the new version in the same step, or {@code null}
 */
public record Registration(Path bundle, String name, String registeredBy, BuildInfo build, Path workDir, String alias) {
    /**
     * Creates a registration.
     */
    public Registration {
        Objects.requireNonNull(bundle, "bundle");
        ModelNames.requireModelName(name);
        registeredBy = registeredBy == null || registeredBy.isBlank() ? "unknown" : registeredBy;
        if (alias != null) {
            ModelNames.requireAlias(alias);
        }
    }

    /**
     * A registration without build, alias or data Git lookup.
     *
     * @param bundle       the bundle folder
     * @param name         the model name
     * @param registeredBy who registers it
     * @return the registration
     */
    public static Registration of(final Path bundle, final String name, final String registeredBy) {
        return new Registration(bundle, name, registeredBy, null, null, null);
    }
}

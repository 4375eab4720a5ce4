package io.mlops.engine.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mlops.contract.registry.ModelRef;

/**
 * One immutable version of a registered model, as stored in its {@code version.json}.
 *
 * @param formatVersion the format of {@code version.json}, {@value FileSystemRegistry#FORMAT_VERSION}
 * @param name          the model name
 * @param version       the version number
 * @param model         the model file: checksum, blob location, size and what it is
 * @param registeredBy  who registered it
 * @param registeredAt  when, ISO-8601 UTC
 * @param build         the build that produced it, or {@code null}
 * @param run           what the training run recorded: parameters, metrics, data, code
 * @param dataGit       where the training data sits in Git, or {@code null} outside Git
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelVersion(
        int formatVersion,
        String name,
        int version,
        ModelFile model,
        String registeredBy,
        String registeredAt,
        BuildInfo build,
        RunSummary run,
        DataGitInfo dataGit) {

    /** @return the reference {@code name@version} */
    public ModelRef ref() {
        return ModelRef.of(name, version);
    }

    /**
     * The model file of a version.
     *
     * @param sha256      the SHA-256 of the model file, which is also its blob name
     * @param blob        the blob path relative to the registry root
     * @param size        the size in bytes
     * @param fingerprint the model fingerprint (SHA-256 without training timestamps)
     * @param algorithm   the algorithm
     * @param source      the bundle folder it was registered from
     * @param bundleSha256 the bundle's identity (the SHA-256 of its checksum file), against which an exported or
     *                     deployed copy is checked; absent for versions registered before bundles listed their
     *                     files' checksums
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ModelFile(
            String sha256,
            String blob,
            long size,
            String fingerprint,
            String algorithm,
            String source,
            String bundleSha256) {}
}

package io.mlops.contract.metadata;

import java.util.Objects;

/**
 * Which model a run produced or used.
 *
 * @param path        the bundle folder, or the registry reference as given
 * @param sha256      the SHA-256 of the model file
 * @param fingerprint the SHA-256 of the model file without training timestamps
 */
public record ModelInfo(String path, String sha256, String fingerprint) {
    /**
     * Creates the model information.
     */
    public ModelInfo {
        Objects.requireNonNull(path, "path == null");
        Objects.requireNonNull(sha256, "sha256 == null");
        Objects.requireNonNull(fingerprint, "fingerprint == null");
    }
}

package io.mlops.engine.metadata;

/**
 * Which model a run produced or used.
 *
 * @param path        the bundle folder
 * @param sha256      the SHA-256 of the model file
 * @param fingerprint the SHA-256 of the model file without training timestamps
 */
public record ModelInfo(String path, String sha256, String fingerprint) {}

package io.mlops.contract.bundle;

/**
 * The files of a model bundle folder (the output of {@code mlops train}) and of a registered version: what the engine
 * writes, serving loads and the Jenkins plugin archives.
 */
public final class BundleLayout {
    /** The bundle format this code writes, recorded in the manifest; 2 added {@link #CHECKSUMS_FILE}. */
    public static final int FORMAT_VERSION = 2;
    /** The value of the manifest's {@code format} field that marks a folder as a bundle mlops wrote. */
    public static final String BUNDLE_MARKER = "mlops-model-bundle";
    /** The model file: Tribuo's protobuf format. */
    public static final String MODEL_FILE = "model.tribuo";
    /** The manifest: checksum, fingerprint, algorithm, hyperparameters, labels, fitted feature preparation. */
    public static final String MANIFEST_FILE = "bundle.json";
    /** The run metadata of the training run that made the bundle. */
    public static final String METADATA_FILE = "run-metadata.json";
    /**
     * The SHA-256 of every other file of the bundle, as {@code sha256sum} writes them; its own SHA-256 is the
     * bundle's identity.
     */
    public static final String CHECKSUMS_FILE = "checksums.sha256";
    /** The model card a registered version carries. */
    public static final String CARD_FILE = "MODEL_CARD.md";

    private BundleLayout() {}
}

package io.mlops.engine.model;

import io.mlops.engine.features.FeaturePreparation;
import java.nio.file.Path;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * A trained model with everything needed to use it: the Tribuo model (including its fitted
 * standardisation), the feature preparation and the manifest.
 *
 * @param model    the model
 * @param manifest the manifest
 * @param location the bundle folder it was loaded from or saved to
 * @param identity the bundle's identity (the SHA-256 of its {@link BundleChecksums#FILE}), or {@code null}
 *                 for a bundle not yet written
 */
public record ModelBundle(Model<Label> model, BundleManifest manifest, Path location, String identity) {
    /**
     * A bundle not yet written, without an identity.
     *
     * @param model    the model
     * @param manifest the manifest
     * @param location where it will be written
     */
    public ModelBundle(final Model<Label> model, final BundleManifest manifest, final Path location) {
        this(model, manifest, location, null);
    }

    /** @return the feature preparation */
    public FeaturePreparation preparation() {
        return manifest.preparation();
    }

    /** @return the model file */
    public Path modelFile() {
        return location.resolve(manifest.modelFile());
    }
}

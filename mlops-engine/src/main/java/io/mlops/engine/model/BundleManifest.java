package io.mlops.engine.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mlops.engine.features.FeaturePreparation;
import java.util.List;
import java.util.Map;

/**
 * The {@code bundle.json} of a model bundle: what the model is, how to prepare its input, and the
 * checksum that guards its model file.
 *
 * @param format           the bundle marker {@value ModelStore#BUNDLE_MARKER}; absent in bundles written
 *                         before the marker existed
 * @param formatVersion    the bundle format version, {@value ModelStore#FORMAT_VERSION}
 * @param modelFile        the name of the Tribuo protobuf file in the bundle
 * @param modelSha256      the SHA-256 of the model file, verified on every load
 * @param modelFingerprint the SHA-256 of the model file without its training timestamps
 * @param algorithm        the algorithm name
 * @param hyperparameters  the resolved hyperparameters
 * @param seed             the seed
 * @param labels           the classes the model predicts, sorted
 * @param dataSha256       the SHA-256 of the training data file
 * @param tribuoVersion    the Tribuo version that trained it
 * @param preparation      the fitted feature preparation
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BundleManifest(
        String format,
        int formatVersion,
        String modelFile,
        String modelSha256,
        String modelFingerprint,
        String algorithm,
        Map<String, Object> hyperparameters,
        long seed,
        List<String> labels,
        String dataSha256,
        String tribuoVersion,
        FeaturePreparation preparation) {}

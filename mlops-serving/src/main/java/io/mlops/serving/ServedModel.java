package io.mlops.serving;

import io.mlops.contract.metadata.RunMetadata;
import io.mlops.engine.model.ModelBundle;
import java.time.Instant;

/**
 * A model as the service serves it: the bundle, its predictor, its drift reference and its identity.
 *
 * @param name      the model name
 * @param version   the version label (a registry version, or a prefix of the model's SHA-256)
 * @param bundle    the loaded bundle
 * @param predictor the predictor
 * @param drift     the drift monitor, fed with this model's inputs
 * @param training  the run metadata of the model's training, or {@code null} if the bundle has none
 * @param loadedAt  when it was loaded
 */
public record ServedModel(
        String name,
        String version,
        ModelBundle bundle,
        Predictor predictor,
        DriftMonitor drift,
        RunMetadata training,
        Instant loadedAt) {}

package io.mlops.engine.train;

import io.mlops.contract.metadata.RunMetadata;
import io.mlops.engine.model.ModelBundle;

/**
 * What a training run produced.
 *
 * @param bundle       the saved model bundle
 * @param metadata     the run metadata
 * @param metadataJson the metadata as written
 * @param metadataFile where the metadata was written
 */
public record TrainingResult(
        ModelBundle bundle, RunMetadata metadata, String metadataJson, java.nio.file.Path metadataFile) {}

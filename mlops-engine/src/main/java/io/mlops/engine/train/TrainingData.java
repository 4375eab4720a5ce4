package io.mlops.engine.train;

import io.mlops.contract.data.DataFingerprint;
import io.mlops.contract.data.DataSchema;
import io.mlops.contract.metadata.SplitInfo;
import io.mlops.engine.data.TypedData;
import java.util.List;
import java.util.Map;

/**
 * The data of a training run, read, typed and split.
 *
 * @param schema       the schema, declared or inferred
 * @param train        the rows to train on
 * @param test         the rows to test on
 * @param split        how the test rows were obtained
 * @param fingerprints data fingerprints by role
 * @param dataSha256   the SHA-256 of the training data file
 * @param labels       the classes of the training rows, sorted
 */
record TrainingData(
        DataSchema schema,
        TypedData train,
        TypedData test,
        SplitInfo split,
        Map<String, DataFingerprint> fingerprints,
        String dataSha256,
        List<String> labels) {}

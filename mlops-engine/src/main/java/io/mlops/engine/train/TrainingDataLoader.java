package io.mlops.engine.train;

import io.mlops.contract.MlopsException;
import io.mlops.contract.data.DataFingerprint;
import io.mlops.contract.data.DataSchema;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.metadata.SplitInfo;
import io.mlops.engine.ProgressListener;
import io.mlops.engine.data.DataSplit;
import io.mlops.engine.data.Fingerprinter;
import io.mlops.engine.data.MemoryEstimate;
import io.mlops.engine.data.SchemaInference;
import io.mlops.engine.data.TableReader;
import io.mlops.engine.data.TypedData;
import io.mlops.engine.io.Hashing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Reads the data of a training spec, checks it, fingerprints it and splits off the test rows. */
final class TrainingDataLoader {
    private final ProgressListener progress;

    TrainingDataLoader(final ProgressListener progress) {
        this.progress = progress;
    }

    TrainingData load(final TrainingSpec spec) {
        MemoryEstimate.require(spec.data(), Runtime.getRuntime().maxMemory());
        TableReader reader = new TableReader(spec.csv(), progress::progress);
        progress.progress("reading " + spec.data());
        var table = reader.read(spec.data());
        DataSchema schema = new SchemaInference().infer(table, spec.label(), spec.columns(), spec.ignore());
        TypedData all = TypedData.of(table, schema);
        Set<String> labels = labels(all);
        if (labels.size() < 2) {
            throw MlopsException.inFile(
                    all.source(),
                    "label column '" + schema.label() + "' has only one class " + labels
                            + "; a classifier needs at least two");
        }
        Fingerprinter fingerprinter = new Fingerprinter();
        Map<String, DataFingerprint> fingerprints = new LinkedHashMap<>();
        String dataSha = Hashing.sha256(spec.data());
        fingerprints.put(RunMetadata.TRAIN_DATA, fingerprinter.fingerprint(all, dataSha));
        TypedData train;
        TypedData test;
        SplitInfo split;
        if (spec.testData() != null) {
            train = all;
            test = TypedData.of(reader.read(spec.testData()), schema);
            fingerprints.put(RunMetadata.TEST_DATA, fingerprinter.fingerprint(test));
            split = new SplitInfo("file", null, train.size(), test.size());
        } else {
            DataSplit rows = DataSplit.stratified(all, spec.testFraction(), spec.seed());
            if (rows.test().length == 0 || rows.train().length == 0) {
                throw MlopsException.inFile(
                        spec.data(),
                        "too few rows (" + all.size()
                                + ") to hold out a test set; add rows or give a separate test file");
            }
            train = all.select(rows.train());
            test = all.select(rows.test());
            split = new SplitInfo("holdout", spec.testFraction(), train.size(), test.size());
        }
        progress.progress(String.format(
                "read %d rows: %d for training, %d for testing; label '%s' with classes %s",
                all.size(), train.size(), test.size(), schema.label(), labels));
        progress.progress("schema: "
                + schema.features().stream()
                        .map(c -> c.name() + ":" + c.type().name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")));
        return new TrainingData(schema, train, test, split, fingerprints, dataSha, List.copyOf(labels(train)));
    }

    private static Set<String> labels(final TypedData data) {
        Set<String> labels = new TreeSet<>();
        for (int row = 0; row < data.size(); row++) {
            labels.add(data.label(row));
        }
        return labels;
    }
}

package io.mlops.engine.train;

import io.mlops.contract.MlopsException;
import io.mlops.contract.data.DataFingerprint;
import io.mlops.contract.data.DataSchema;
import io.mlops.contract.data.InputFile;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.metadata.SplitInfo;
import io.mlops.engine.ProgressListener;
import io.mlops.engine.data.DataFiles;
import io.mlops.engine.data.DataSetReader;
import io.mlops.engine.data.DataSplit;
import io.mlops.engine.data.Fingerprinter;
import io.mlops.engine.data.MemoryEstimate;
import io.mlops.engine.data.SchemaInference;
import io.mlops.engine.data.TableReader;
import io.mlops.engine.data.TypedData;
import io.mlops.engine.io.Hashing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads the data of a training spec (one file, or several read as one data set), checks it, fingerprints it and
 * splits off the test rows.
 */
final class TrainingDataLoader {
    private final ProgressListener progress;
    private final Clock clock;

    TrainingDataLoader(final ProgressListener progress, final Clock clock) {
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * Resolves the spec's data entries to the files to read.
     *
     * @param spec  the spec
     * @param clock the clock a window in days counts back from
     * @return the files in reading order
     */
    static List<Path> files(final TrainingSpec spec, final Clock clock) {
        return new DataFiles(clock).resolve(spec.data(), spec.window());
    }

    TrainingData load(final TrainingSpec spec) {
        List<Path> files = files(spec, clock);
        // all files, and a separate test file, are held together: their estimate is one
        List<Path> held = new java.util.ArrayList<>(files);
        if (spec.testData() != null) {
            held.add(spec.testData());
        }
        MemoryEstimate.require(held, Runtime.getRuntime().maxMemory());
        TableReader reader = new TableReader(spec.csv(), progress::progress);
        DataSetReader.DataSet read =
                new DataSetReader(reader, progress::progress).read(files, spec.dedupe(), spec.window());
        var table = read.combined();
        DataSchema schema = new SchemaInference().infer(table, spec.label(), spec.columns(), spec.ignore());
        // each file is typed on its own, so a bad value is reported with its own file and line
        TypedData all = TypedData.concat(
                read.parts().stream().map(part -> TypedData.of(part, schema)).toList());
        Set<String> labels = labels(all);
        if (labels.size() < 2) {
            throw MlopsException.inFile(
                    all.source(),
                    "label column '" + schema.label() + "' has only one class " + labels
                            + "; a classifier needs at least two");
        }
        Fingerprinter fingerprinter = new Fingerprinter();
        Map<String, DataFingerprint> fingerprints = new LinkedHashMap<>();
        DataFingerprint trainFingerprint = dataFingerprint(spec, fingerprinter, all, read.inputs());
        String dataSha = trainFingerprint.sha256();
        fingerprints.put(RunMetadata.TRAIN_DATA, trainFingerprint);
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
                        all.source(),
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

    /**
     * Fingerprints the training data. One plain file keeps its own SHA-256 as the data's identity, as before data could
     * span several files; a data set of several files (or with de-duplication or a window) is identified by the
     * SHA-256 of its input files' names and hashes, in reading order, and of those settings.
     */
    private static DataFingerprint dataFingerprint(
            final TrainingSpec spec,
            final Fingerprinter fingerprinter,
            final TypedData all,
            final List<InputFile> inputs) {
        if (spec.singleFile()) {
            InputFile only = inputs.get(0);
            DataFingerprint fingerprint = fingerprinter.fingerprint(all, only.sha256());
            return new DataFingerprint(
                    fingerprint.file(), fingerprint.sha256(), fingerprint.rows(), fingerprint.columns(), inputs);
        }
        StringBuilder identity = new StringBuilder();
        for (InputFile input : inputs) {
            identity.append(input.file()).append('\t').append(input.sha256()).append('\n');
        }
        identity.append("dedupe=").append(spec.dedupe()).append("\nwindow=").append(spec.window());
        String sha = Hashing.sha256(identity.toString().getBytes(StandardCharsets.UTF_8));
        DataFingerprint fingerprint = fingerprinter.fingerprint(all, sha);
        return new DataFingerprint(
                String.join(", ", spec.data()), sha, fingerprint.rows(), fingerprint.columns(), inputs);
    }

    private static Set<String> labels(final TypedData data) {
        Set<String> labels = new TreeSet<>();
        for (int row = 0; row < data.size(); row++) {
            labels.add(data.label(row));
        }
        return labels;
    }
}

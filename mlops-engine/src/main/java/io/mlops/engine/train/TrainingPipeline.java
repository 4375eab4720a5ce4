package io.mlops.engine.train;

import io.mlops.engine.MlopsException;
import io.mlops.engine.data.DataFingerprint;
import io.mlops.engine.data.DataSchema;
import io.mlops.engine.data.DataSplit;
import io.mlops.engine.data.Fingerprinter;
import io.mlops.engine.data.SchemaInference;
import io.mlops.engine.data.TableReader;
import io.mlops.engine.data.TypedData;
import io.mlops.engine.eval.Evaluator;
import io.mlops.engine.eval.Metrics;
import io.mlops.engine.features.FeaturePreparation;
import io.mlops.engine.gates.Gate;
import io.mlops.engine.gates.GateEvaluator;
import io.mlops.engine.gates.GateReport;
import io.mlops.engine.io.AtomicFiles;
import io.mlops.engine.io.Hashing;
import io.mlops.engine.metadata.CodeVersion;
import io.mlops.engine.metadata.EnvironmentInfo;
import io.mlops.engine.metadata.MetadataWriter;
import io.mlops.engine.metadata.ModelInfo;
import io.mlops.engine.metadata.RunMetadata;
import io.mlops.engine.metadata.SplitInfo;
import io.mlops.engine.model.BundleFolder;
import io.mlops.engine.model.BundleManifest;
import io.mlops.engine.model.ModelBundle;
import io.mlops.engine.model.ModelStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.Tribuo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains a model from a {@link TrainingSpec}: reads and checks the data, splits it, fits the feature
 * preparation, trains, evaluates on the test data, applies gates, and writes the model bundle together
 * with the run metadata atomically.
 */
public final class TrainingPipeline {
    /** The name of the metadata file written into the bundle folder. */
    public static final String METADATA_FILE = "run-metadata.json";

    private static final OffsetDateTime FIXED_DATA_TIME = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final int PROGRESS_STEPS = 10;

    private final ProgressListener progress;
    private final Path codeFolder;

    /**
     * Creates a pipeline.
     *
     * @param progress   receives progress messages
     * @param codeFolder a folder inside the Git work tree whose commit is recorded
     */
    public TrainingPipeline(final ProgressListener progress, final Path codeFolder) {
        this.progress = progress;
        this.codeFolder = codeFolder;
    }

    /**
     * Runs the training.
     *
     * @param spec  the spec
     * @param gates gates on the test metrics, may be empty
     * @return the result
     * @throws MlopsException for bad input; nothing is written then
     */
    public TrainingResult train(final TrainingSpec spec, final List<Gate> gates) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Map<String, Object> params = spec.algorithm().resolve(spec.params());
        BundleFolder.checkOutput(spec.output(), Arrays.asList(spec.data(), spec.testData()));
        TableReader reader = new TableReader();
        progress.progress("reading " + spec.data());
        var table = reader.read(spec.data());
        DataSchema schema = new SchemaInference().infer(table, spec.label(), spec.columns(), spec.ignore());
        TypedData all = TypedData.of(table, schema);
        requireTwoClasses(all);
        Fingerprinter fingerprinter = new Fingerprinter();
        Map<String, DataFingerprint> fingerprints = new LinkedHashMap<>();
        String dataSha = Hashing.sha256(spec.data());
        fingerprints.put("train", fingerprinter.fingerprint(all, dataSha));
        TypedData train;
        TypedData test;
        SplitInfo split;
        if (spec.testData() != null) {
            train = all;
            test = TypedData.of(reader.read(spec.testData()), schema);
            fingerprints.put("test", fingerprinter.fingerprint(test));
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
                all.size(), train.size(), test.size(), schema.label(), labels(all)));
        progress.progress("schema: "
                + schema.features().stream()
                        .map(c -> c.name() + ":" + c.type().name().toLowerCase())
                        .collect(Collectors.joining(", ")));
        long loaded = System.nanoTime();

        boolean standardize = spec.features().standardize() == null
                ? spec.algorithm().isLinear()
                : spec.features().standardize();
        FeaturePreparation preparation = FeaturePreparation.fit(train, spec.features(), standardize);
        MutableDataset<Label> dataset = dataset(preparation.examples(train), spec.data());
        long steps = totalSteps(spec.algorithm(), params, dataset.size());
        Trainer<Label> trainer = trainer(spec.algorithm(), params, spec.seed(), dataset.size());
        progress.progress(String.format(
                "training %s on %d examples with %d features (seed %d)",
                spec.algorithm().id(), dataset.size(), dataset.getFeatureMap().size(), spec.seed()));
        Model<Label> model;
        try (TribuoProgress ignored = new TribuoProgress(progress, steps)) {
            model = trainer.train(dataset);
        }
        long trained = System.nanoTime();
        progress.progress("training finished in " + millis(loaded, trained) + " ms; evaluating on " + test.size()
                + " test examples");

        Metrics metrics = new Evaluator().evaluate(model, preparation.examples(test));
        GateReport report = gates.isEmpty() ? null : new GateEvaluator().evaluate(gates, metrics.byName(), null);
        long evaluated = System.nanoTime();

        BundleManifest manifest = new BundleManifest(
                ModelStore.BUNDLE_MARKER,
                ModelStore.FORMAT_VERSION,
                ModelStore.MODEL_FILE,
                null,
                null,
                spec.algorithm().id(),
                params,
                spec.seed(),
                List.copyOf(labels(train)),
                dataSha,
                Tribuo.VERSION,
                preparation);
        MetadataWriter writer = new MetadataWriter();
        String[] json = new String[1];
        RunMetadata[] metadata = new RunMetadata[1];
        ModelBundle bundle = new ModelStore().save(model, manifest, spec.output(), saved -> {
            Map<String, Long> durations = new LinkedHashMap<>();
            durations.put("loadMillis", millis(t0, loaded));
            durations.put("trainMillis", millis(loaded, trained));
            durations.put("evaluateMillis", millis(trained, evaluated));
            durations.put("totalMillis", millis(t0, System.nanoTime()));
            metadata[0] = new RunMetadata(
                    MetadataWriter.SCHEMA_VERSION,
                    UUID.randomUUID().toString(),
                    "train",
                    started.toString(),
                    Instant.now().toString(),
                    spec.algorithm().id(),
                    params,
                    spec.seed(),
                    split,
                    fingerprints,
                    schema,
                    spec.features(),
                    new ModelInfo(
                            spec.output().toString(),
                            saved.manifest().modelSha256(),
                            saved.manifest().modelFingerprint()),
                    null,
                    CodeVersion.of(codeFolder).orElse(null),
                    metrics,
                    null,
                    report,
                    durations,
                    EnvironmentInfo.current(),
                    null);
            json[0] = writer.toJson(metadata[0]);
            return Map.of(METADATA_FILE, json[0]);
        });
        progress.progress("model written to " + spec.output() + " (sha256 "
                + bundle.manifest().modelSha256() + ")");
        return new TrainingResult(bundle, metadata[0], json[0], spec.output().resolve(METADATA_FILE));
    }

    /**
     * Writes a copy of the metadata to a further file, atomically.
     *
     * @param result the training result
     * @param file   the file
     */
    public static void copyMetadata(final TrainingResult result, final Path file) {
        AtomicFiles.writeString(file, result.metadataJson());
    }

    /**
     * Builds the Tribuo data set a run trains on.
     *
     * @param examples the examples
     * @param source   the data file, named in the provenance
     * @return the data set
     */
    public static MutableDataset<Label> dataset(final List<Example<Label>> examples, final Path source) {
        // a fixed creation time keeps the data provenance, and so the model file, reproducible
        var provenance =
                new SimpleDataSourceProvenance("mlops:" + source.getFileName(), FIXED_DATA_TIME, new LabelFactory());
        return new MutableDataset<>(examples, provenance, new LabelFactory());
    }

    /**
     * Creates the trainer a run uses, logging progress {@value #PROGRESS_STEPS} times.
     *
     * @param algorithm the algorithm
     * @param params    resolved hyperparameters
     * @param seed      the seed
     * @param rows      the number of training examples
     * @return the trainer
     */
    public static Trainer<Label> trainer(
            final Algorithm algorithm, final Map<String, Object> params, final long seed, final int rows) {
        long steps = totalSteps(algorithm, params, rows);
        return algorithm.trainer(params, seed, (int) Math.max(1, Math.min(Integer.MAX_VALUE, steps / PROGRESS_STEPS)));
    }

    private static long totalSteps(final Algorithm algorithm, final Map<String, Object> params, final int rows) {
        if (algorithm != Algorithm.LOGISTIC && algorithm != Algorithm.LINEAR_SVM) {
            return 0;
        }
        int minibatch = ((Number) params.get("minibatch")).intValue();
        int epochs = ((Number) params.get("epochs")).intValue();
        return (long) epochs * ((rows + minibatch - 1) / minibatch);
    }

    private static void requireTwoClasses(final TypedData data) {
        Set<String> labels = labels(data);
        if (labels.size() < 2) {
            throw MlopsException.inFile(
                    data.source(),
                    "label column '" + data.schema().label() + "' has only one class " + labels
                            + "; a classifier needs at least two");
        }
    }

    private static Set<String> labels(final TypedData data) {
        Set<String> labels = new TreeSet<>();
        for (int row = 0; row < data.size(); row++) {
            labels.add(data.label(row));
        }
        return labels;
    }

    private static long millis(final long from, final long to) {
        return Math.max(0, (to - from) / 1_000_000);
    }
}

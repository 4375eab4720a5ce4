package io.mlops.engine.train;

import io.mlops.contract.MlopsException;
import io.mlops.contract.algorithm.Algorithm;
import io.mlops.contract.algorithm.Hyperparameter;
import io.mlops.contract.bundle.BundleLayout;
import io.mlops.contract.gates.GateReport;
import io.mlops.contract.metadata.ModelInfo;
import io.mlops.contract.metadata.RunKind;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.metrics.Metrics;
import io.mlops.engine.ProgressListener;
import io.mlops.engine.eval.Evaluator;
import io.mlops.engine.features.FeaturePreparation;
import io.mlops.engine.features.PreparedDataset;
import io.mlops.engine.gates.Gate;
import io.mlops.engine.gates.GateEvaluator;
import io.mlops.engine.io.AtomicFiles;
import io.mlops.engine.metadata.MetadataWriter;
import io.mlops.engine.metadata.RunTimer;
import io.mlops.engine.model.BundleFolder;
import io.mlops.engine.model.BundleManifest;
import io.mlops.engine.model.ModelBundle;
import io.mlops.engine.model.ModelStore;
import io.mlops.engine.model.SealedModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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

    private static final OffsetDateTime FIXED_DATA_TIME = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final int PROGRESS_STEPS = 10;

    private final ProgressListener progress;
    private final Path codeFolder;
    private final Clock clock;

    /**
     * Creates a pipeline.
     *
     * @param progress   receives progress messages
     * @param codeFolder a folder inside the Git work tree whose commit is recorded
     */
    public TrainingPipeline(final ProgressListener progress, final Path codeFolder) {
        this(progress, codeFolder, Clock.systemUTC());
    }

    /**
     * Creates a pipeline with a clock, which a data window in days counts back from.
     *
     * @param progress   receives progress messages
     * @param codeFolder a folder inside the Git work tree whose commit is recorded
     * @param clock      the clock
     */
    public TrainingPipeline(final ProgressListener progress, final Path codeFolder, final Clock clock) {
        this.progress = progress;
        this.codeFolder = codeFolder;
        this.clock = clock;
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
        RunTimer timer = RunTimer.start(RunKind.TRAIN, codeFolder);
        Map<String, Object> params = spec.algorithm().resolve(spec.params());
        List<Path> inputs = new java.util.ArrayList<>(TrainingDataLoader.files(spec, clock));
        inputs.add(spec.testData());
        BundleFolder.checkOutput(spec.output(), inputs);
        TrainingData data = new TrainingDataLoader(progress, clock).load(spec);
        timer.phase("loadMillis");

        boolean standardize = spec.features().standardize() == null
                ? spec.algorithm().isLinear()
                : spec.features().standardize();
        FeaturePreparation preparation = FeaturePreparation.fit(data.train(), spec.features(), standardize);
        Model<Label> model = fit(spec, params, preparation.examples(data.train()));
        long trainMillis = timer.phase("trainMillis");
        progress.progress("training finished in " + trainMillis + " ms; evaluating on "
                + data.test().size() + " test examples");

        Metrics metrics = new Evaluator().evaluate(model, preparation.examples(data.test()));
        GateReport report = gates.isEmpty() ? null : new GateEvaluator().evaluate(gates, metrics.byName(), null);
        timer.phase("evaluateMillis");

        SealedModel sealed = ModelStore.seal(model, manifest(spec, params, data, preparation));
        RunMetadata metadata = timer.finish()
                .algorithm(spec.algorithm().id())
                .hyperparameters(params)
                .seed(spec.seed())
                .split(data.split())
                .data(data.fingerprints())
                .schema(data.schema())
                .features(spec.features())
                .model(new ModelInfo(
                        spec.output().toString(),
                        sealed.manifest().modelSha256(),
                        sealed.manifest().modelFingerprint()))
                .metrics(metrics)
                .gates(report)
                .build();
        String json = new MetadataWriter().toJson(metadata);
        ModelBundle bundle = new ModelStore().save(sealed, spec.output(), Map.of(BundleLayout.METADATA_FILE, json));
        progress.progress("model written to " + spec.output() + " (sha256 "
                + bundle.manifest().modelSha256() + ")");
        return new TrainingResult(bundle, metadata, json, spec.output().resolve(BundleLayout.METADATA_FILE));
    }

    private Model<Label> fit(
            final TrainingSpec spec, final Map<String, Object> params, final List<Example<Label>> examples) {
        MutableDataset<Label> dataset = dataset(examples, Path.of(spec.data().get(0)));
        long steps = totalSteps(spec.algorithm(), params, dataset.size());
        Trainer<Label> trainer = trainer(spec.algorithm(), params, spec.seed(), dataset.size());
        progress.progress(String.format(
                "training %s on %d examples with %d features (seed %d)",
                spec.algorithm().id(), dataset.size(), dataset.getFeatureMap().size(), spec.seed()));
        try (TribuoProgress ignored = new TribuoProgress(progress, steps)) {
            return trainer.train(dataset);
        }
    }

    private static BundleManifest manifest(
            final TrainingSpec spec,
            final Map<String, Object> params,
            final TrainingData data,
            final FeaturePreparation preparation) {
        return new BundleManifest(
                BundleLayout.BUNDLE_MARKER,
                BundleLayout.FORMAT_VERSION,
                BundleLayout.MODEL_FILE,
                null,
                null,
                spec.algorithm().id(),
                params,
                spec.seed(),
                data.labels(),
                data.dataSha256(),
                Tribuo.VERSION,
                preparation);
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
        return new PreparedDataset(examples, provenance);
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
        return Trainers.of(
                algorithm, params, seed, (int) Math.max(1, Math.min(Integer.MAX_VALUE, steps / PROGRESS_STEPS)));
    }

    private static long totalSteps(final Algorithm algorithm, final Map<String, Object> params, final int rows) {
        if (algorithm != Algorithm.LOGISTIC && algorithm != Algorithm.LINEAR_SVM) {
            return 0;
        }
        if (!params.containsKey(Hyperparameter.MINIBATCH)) {
            // L-BFGS logs each iteration; it usually stops well before the limit
            return ((Number) params.get(Hyperparameter.MAX_ITERATIONS)).longValue();
        }
        int minibatch = ((Number) params.get(Hyperparameter.MINIBATCH)).intValue();
        int epochs = ((Number) params.get(Hyperparameter.EPOCHS)).intValue();
        return (long) epochs * ((rows + minibatch - 1) / minibatch);
    }
}

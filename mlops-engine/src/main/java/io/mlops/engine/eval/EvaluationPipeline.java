package io.mlops.engine.eval;

import io.mlops.engine.data.DataFingerprint;
import io.mlops.engine.data.Fingerprinter;
import io.mlops.engine.data.Table;
import io.mlops.engine.data.TableReader;
import io.mlops.engine.data.TypedData;
import io.mlops.engine.gates.GateEvaluator;
import io.mlops.engine.gates.GateReport;
import io.mlops.engine.metadata.CodeVersion;
import io.mlops.engine.metadata.EnvironmentInfo;
import io.mlops.engine.metadata.MetadataWriter;
import io.mlops.engine.metadata.ModelInfo;
import io.mlops.engine.metadata.RunMetadata;
import io.mlops.engine.model.ModelBundle;
import io.mlops.engine.model.ModelStore;
import io.mlops.engine.train.ProgressListener;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Evaluates a saved model on labelled data, optionally against a baseline model on the same data,
 * and applies gates.
 */
public final class EvaluationPipeline {
    private final ProgressListener progress;
    private final Path codeFolder;

    /**
     * Creates a pipeline.
     *
     * @param progress   receives progress messages
     * @param codeFolder a folder inside the Git work tree whose commit is recorded
     */
    public EvaluationPipeline(final ProgressListener progress, final Path codeFolder) {
        this.progress = progress;
        this.codeFolder = codeFolder;
    }

    /**
     * Runs the evaluation.
     *
     * @param request what to evaluate
     * @return the result
     * @throws io.mlops.engine.MlopsException for bad input
     */
    public EvaluationResult evaluate(final EvaluationRequest request) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        ModelStore store = new ModelStore();
        ModelBundle bundle = store.load(request.model());
        ModelBundle baseline = request.baseline() == null ? null : store.load(request.baseline());
        progress.progress("reading " + request.data());
        Table table = new TableReader().read(request.data());
        TypedData data = TypedData.of(table, bundle.preparation().getSchema());
        long loaded = System.nanoTime();
        progress.progress("evaluating " + request.model() + " on " + data.size() + " examples");
        Evaluator evaluator = new Evaluator();
        Metrics metrics =
                evaluator.evaluate(bundle.model(), bundle.preparation().examples(data));
        Metrics baselineMetrics = null;
        if (baseline != null) {
            progress.progress("evaluating baseline " + request.baseline() + " on the same examples");
            TypedData baselineData = TypedData.of(table, baseline.preparation().getSchema());
            baselineMetrics =
                    evaluator.evaluate(baseline.model(), baseline.preparation().examples(baselineData));
        }
        GateReport gates = new GateEvaluator()
                .evaluate(request.gates(), metrics.byName(), baselineMetrics == null ? null : baselineMetrics.byName());
        long evaluated = System.nanoTime();

        Map<String, DataFingerprint> fingerprints = new LinkedHashMap<>();
        fingerprints.put("test", new Fingerprinter().fingerprint(data));
        Map<String, Long> durations = new LinkedHashMap<>();
        durations.put("loadMillis", (loaded - t0) / 1_000_000);
        durations.put("evaluateMillis", (evaluated - loaded) / 1_000_000);
        durations.put("totalMillis", (System.nanoTime() - t0) / 1_000_000);
        RunMetadata metadata = new RunMetadata(
                MetadataWriter.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                "evaluate",
                started.toString(),
                Instant.now().toString(),
                bundle.manifest().algorithm(),
                bundle.manifest().hyperparameters(),
                bundle.manifest().seed(),
                null,
                fingerprints,
                bundle.preparation().getSchema(),
                bundle.preparation().getSettings(),
                info(request.modelName(), bundle),
                baseline == null ? null : info(request.baselineName(), baseline),
                CodeVersion.of(codeFolder).orElse(null),
                metrics,
                baselineMetrics,
                request.gates().isEmpty() ? null : gates,
                durations,
                EnvironmentInfo.current(),
                null);
        return new EvaluationResult(metrics, baselineMetrics, gates, metadata, new MetadataWriter().toJson(metadata));
    }

    private static ModelInfo info(final String name, final ModelBundle bundle) {
        return new ModelInfo(
                name, bundle.manifest().modelSha256(), bundle.manifest().modelFingerprint());
    }
}

package io.mlops.engine.eval;

import io.mlops.contract.gates.GateReport;
import io.mlops.contract.metadata.ModelInfo;
import io.mlops.contract.metadata.RunKind;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.metrics.Metrics;
import io.mlops.engine.ProgressListener;
import io.mlops.engine.data.Fingerprinter;
import io.mlops.engine.data.Table;
import io.mlops.engine.data.TableReader;
import io.mlops.engine.data.TypedData;
import io.mlops.engine.gates.GateEvaluator;
import io.mlops.engine.metadata.MetadataWriter;
import io.mlops.engine.metadata.RunTimer;
import io.mlops.engine.model.ModelBundle;
import io.mlops.engine.model.ModelStore;
import java.nio.file.Path;
import java.util.Map;

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
     * @throws io.mlops.contract.MlopsException for bad input
     */
    public EvaluationResult evaluate(final EvaluationRequest request) {
        RunTimer timer = RunTimer.start(RunKind.EVALUATE, codeFolder);
        ModelStore store = new ModelStore();
        ModelBundle bundle = store.load(request.model());
        ModelBundle baseline = request.baseline() == null ? null : store.load(request.baseline());
        progress.progress("reading " + request.data());
        Table table = new TableReader(request.csv(), progress::progress).read(request.data());
        TypedData data = TypedData.of(table, bundle.preparation().getSchema());
        timer.phase("loadMillis");
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
        timer.phase("evaluateMillis");

        RunMetadata metadata = timer.finish()
                .algorithm(bundle.manifest().algorithm())
                .hyperparameters(bundle.manifest().hyperparameters())
                .seed(bundle.manifest().seed())
                .data(Map.of(RunMetadata.TEST_DATA, new Fingerprinter().fingerprint(data)))
                .schema(bundle.preparation().getSchema())
                .features(bundle.preparation().getSettings())
                .model(info(request.modelName(), bundle))
                .baseline(baseline == null ? null : info(request.baselineName(), baseline))
                .metrics(metrics)
                .baselineMetrics(baselineMetrics)
                .gates(request.gates().isEmpty() ? null : gates)
                .build();
        return new EvaluationResult(metrics, baselineMetrics, gates, metadata, new MetadataWriter().toJson(metadata));
    }

    private static ModelInfo info(final String name, final ModelBundle bundle) {
        return new ModelInfo(
                name, bundle.manifest().modelSha256(), bundle.manifest().modelFingerprint());
    }
}

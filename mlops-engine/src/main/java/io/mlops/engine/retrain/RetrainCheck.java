package io.mlops.engine.retrain;

import io.mlops.contract.MlopsException;
import io.mlops.contract.UnavailableException;
import io.mlops.contract.bundle.BundleLayout;
import io.mlops.contract.data.DataFingerprint;
import io.mlops.contract.data.InputFile;
import io.mlops.contract.metadata.ModelInfo;
import io.mlops.contract.metadata.RunKind;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.metadata.RunMetadataReader;
import io.mlops.contract.retrain.ConditionKind;
import io.mlops.contract.retrain.DataChange;
import io.mlops.contract.retrain.RetrainCondition;
import io.mlops.contract.retrain.RetrainDecision;
import io.mlops.contract.retrain.RetrainPolicy;
import io.mlops.contract.retrain.RetrainRules;
import io.mlops.contract.serving.LiveMetrics;
import io.mlops.engine.ProgressListener;
import io.mlops.engine.data.DataFiles;
import io.mlops.engine.data.TableReader;
import io.mlops.engine.io.BoundedFiles;
import io.mlops.engine.metadata.MetadataWriter;
import io.mlops.engine.metadata.RunTimer;
import io.mlops.engine.model.BundleChecksums;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a model should be retrained ({@code mlops retrain-check}): reads what the model records about its
 * training (when, test accuracy, input files, training histograms), measures each condition the request gives a
 * source for, and applies the contract's {@link RetrainRules}. The result is run metadata of kind
 * {@code retrain-check}, valid against the schema. An unreachable service is an {@link UnavailableException}, or, if
 * the request allows it, an inactive condition; never a silent "no".
 */
public final class RetrainCheck {
    private final ProgressListener progress;
    private final Path codeFolder;
    private final Clock clock;

    /**
     * Creates the check.
     *
     * @param progress   receives progress lines
     * @param codeFolder a folder inside the Git work tree whose commit is recorded
     * @param clock      the current time, for the model's age and the data cache
     */
    public RetrainCheck(final ProgressListener progress, final Path codeFolder, final Clock clock) {
        this.progress = progress;
        this.codeFolder = codeFolder;
        this.clock = clock;
    }

    /**
     * The outcome of a check.
     *
     * @param metadata the run metadata with the decision
     * @param json     the metadata as validated JSON
     */
    public record Result(RunMetadata metadata, String json) {
        /** @return the decision */
        public RetrainDecision decision() {
            return metadata.decision();
        }
    }

    /**
     * Runs the check.
     *
     * @param request what to check
     * @return the decision as run metadata
     * @throws MlopsException       for bad input (no run metadata in the bundle, a missing data file)
     * @throws UnavailableException if the service is unreachable and the request does not allow that
     */
    public Result check(final RetrainCheckRequest request) {
        if (!request.checksSomething()) {
            throw new MlopsException("nothing to check: give training data (--spec or --data), a prediction service"
                    + " (--service), a new batch (--drift-data), an age limit (--max-age-days) or --force");
        }
        RunTimer timer = RunTimer.start(RunKind.RETRAIN_CHECK, codeFolder);
        RunMetadata training = trainingMetadata(request.bundle());
        RetrainPolicy policy = request.policy();
        List<RetrainCondition> conditions = new ArrayList<>();
        if (policy.force()) {
            conditions.add(RetrainRules.forced());
        }
        DataChange change = null;
        if (!request.data().isEmpty()) {
            change = dataChange(request, training);
            conditions.add(RetrainRules.dataChanged(change, policy));
            timer.phase("dataMillis");
        }
        if (request.service() != null) {
            conditions.addAll(serviceConditions(request, training));
            timer.phase("serviceMillis");
        }
        if (request.driftData() != null) {
            DataFingerprint reference = trainFingerprint(training);
            conditions.add(
                    reference == null || training.schema() == null
                            ? RetrainRules.inactive(ConditionKind.DRIFT, "the model records no training histograms")
                            : RetrainRules.drift(
                                    new OfflineDrift(new TableReader(request.csv(), progress::progress))
                                            .psi(request.driftData(), training.schema(), reference),
                                    request.driftData().toString(),
                                    policy));
            timer.phase("driftMillis");
        }
        if (policy.maxAge() != null) {
            conditions.add(RetrainRules.age(trainedAt(training), clock.instant(), policy));
        }
        RetrainDecision decision = RetrainDecision.builder()
                .model(request.model())
                .trainedAt(training.finishedAt())
                .conditions(conditions)
                .newData(change)
                .build();
        RunMetadata metadata = timer.finish()
                .model(new ModelInfo(
                        request.model(),
                        training.model().sha256(),
                        training.model().fingerprint()))
                .decision(decision)
                .build();
        return new Result(metadata, new MetadataWriter().toJson(metadata));
    }

    private static RunMetadata trainingMetadata(final Path bundle) {
        if (!Files.isDirectory(bundle)) {
            throw MlopsException.inFile(bundle, "not a model bundle folder");
        }
        if (!Files.exists(bundle.resolve(BundleLayout.METADATA_FILE))) {
            throw MlopsException.inFile(
                    bundle,
                    "has no " + BundleLayout.METADATA_FILE + ": the model's training is not recorded, so"
                            + " nothing can be compared with it; train it again with mlops train");
        }
        byte[] bytes = BundleChecksums.read(bundle)
                .readVerified(BundleLayout.METADATA_FILE, BoundedFiles.MAX_DOCUMENT_BYTES, "run metadata", "check");
        Path file = bundle.resolve(BundleLayout.METADATA_FILE);
        return new RunMetadataReader().read(file.toString(), new String(bytes, StandardCharsets.UTF_8));
    }

    private static DataFingerprint trainFingerprint(final RunMetadata training) {
        return training.data() == null ? null : training.data().get(RunMetadata.TRAIN_DATA);
    }

    private DataChange dataChange(final RetrainCheckRequest request, final RunMetadata training) {
        DataFingerprint recorded = trainFingerprint(training);
        List<InputFile> before = recorded == null || recorded.inputs() == null ? List.of() : recorded.inputs();
        List<Path> files = new DataFiles(clock).resolve(request.data(), request.window());
        List<InputFile> now = new DataScanner(
                        request.cacheFile(), new TableReader(request.csv(), progress::progress), clock, progress)
                .scan(files, before);
        return DataChange.between(before, now);
    }

    private List<RetrainCondition> serviceConditions(final RetrainCheckRequest request, final RunMetadata training) {
        RetrainPolicy policy = request.policy();
        LiveMetrics metrics;
        try {
            metrics = new ServiceProbe().read(request.service());
        } catch (UnavailableException exception) {
            if (!request.unavailableAsInactive()) {
                throw exception;
            }
            progress.progress(exception.getMessage() + "; its conditions are inactive (--if-unavailable inactive)");
            return inactiveServiceConditions(policy, exception.getMessage());
        }
        if (!metrics.modelSha256().equals(training.model().sha256())) {
            return inactiveServiceConditions(
                    policy,
                    request.service() + " serves " + metrics.modelName() + " " + metrics.modelVersion() + " (model "
                            + metrics.modelSha256().substring(0, 12) + "), not " + request.model() + " (model "
                            + training.model().sha256().substring(0, 12) + ")");
        }
        List<RetrainCondition> conditions = new ArrayList<>();
        if (policy.checksAccuracy()) {
            Double testAccuracy =
                    training.metrics() == null ? null : training.metrics().accuracy();
            conditions.add(RetrainRules.accuracyDecay(metrics, testAccuracy, policy));
        }
        conditions.add(RetrainRules.drift(metrics, request.service(), policy));
        return conditions;
    }

    private static List<RetrainCondition> inactiveServiceConditions(final RetrainPolicy policy, final String reason) {
        List<RetrainCondition> conditions = new ArrayList<>();
        if (policy.checksAccuracy()) {
            conditions.add(RetrainRules.inactive(ConditionKind.ACCURACY_DECAY, reason));
        }
        conditions.add(RetrainRules.inactive(ConditionKind.DRIFT, reason));
        return conditions;
    }

    private static Instant trainedAt(final RunMetadata training) {
        try {
            return Instant.parse(training.finishedAt());
        } catch (DateTimeParseException exception) {
            return null;
        }
    }
}

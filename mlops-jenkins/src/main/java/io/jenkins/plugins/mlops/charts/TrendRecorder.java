package io.jenkins.plugins.mlops.charts;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import io.jenkins.plugins.mlops.records.MlRunAction;
import io.jenkins.plugins.mlops.records.ModelVersionAction;
import io.mlops.contract.data.DataFingerprint;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.retrain.RetrainCondition;
import io.mlops.contract.retrain.RetrainDecision;
import io.mlops.report.MetricTrend;
import io.mlops.report.TrendPoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import jenkins.YesNoMaybe;

/**
 * Appends each completed build's {@link TrendIndex.Line} to its job's {@link TrendIndex}: the metrics and gate
 * thresholds of the build's last run that measured metrics (an {@code mlEvaluate}, else an {@code mlTrain}), the
 * training's algorithm, hyperparameters and data, the registered model version and its aliases, the deployments and
 * the retrain decision with its live accuracy. Builds without any ML step add nothing. Works without echarts-api, so the
 * index has the history once the chart can be drawn.
 */
@Extension(dynamicLoadable = YesNoMaybe.YES)
@SuppressWarnings("rawtypes")
public final class TrendRecorder extends RunListener<Run> {
    private static final Logger LOGGER = Logger.getLogger(TrendRecorder.class.getName());

    @Override
    public void onCompleted(Run run, TaskListener listener) {
        Optional<TrendIndex.Line> line =
                lineOf(run.getActions(MlRunAction.class), run.getActions(ModelVersionAction.class), run.getNumber());
        if (line.isEmpty()) {
            return;
        }
        TrendIndex index = new TrendIndex(run.getParent().getRootDir().toPath());
        try {
            index.append(line.get());
        } catch (IOException | RuntimeException failure) {
            // the build's own records are complete; only the job's index misses this build
            LOGGER.log(Level.WARNING, "cannot add " + run.getFullDisplayName() + " to " + index.file(), failure);
            listener.getLogger().println("[mlops] the metric trend misses this build: " + failure.getMessage());
        }
    }

    /**
     * Makes a build's trend point from its ML runs.
     *
     * @param runs        the build's ML runs, in order
     * @param buildNumber the build number
     * @return the point of the last run with metrics, or empty if none has metrics
     */
    static Optional<TrendPoint> pointOf(List<MlRunAction> runs, int buildNumber) {
        for (int i = runs.size() - 1; i >= 0; i--) {
            Optional<RunMetadata> metadata = runs.get(i).getMetadata();
            if (metadata.isPresent() && metadata.get().metrics() != null) {
                return Optional.of(TrendPoint.of(metadata.get(), "#" + buildNumber, buildNumber));
            }
        }
        return Optional.empty();
    }

    /**
     * Makes a build's index line from its ML runs and model versions.
     *
     * @param runs        the build's ML runs, in order
     * @param versions    the build's registrations and promotions, in order
     * @param buildNumber the build number
     * @return the line, or empty if the build ran no ML step whose records are available
     */
    static Optional<TrendIndex.Line> lineOf(
            List<MlRunAction> runs, List<ModelVersionAction> versions, int buildNumber) {
        List<RunMetadata> documents = new ArrayList<>();
        runs.forEach(run -> run.getMetadata().ifPresent(documents::add));
        if (documents.isEmpty() && versions.isEmpty()) {
            return Optional.empty();
        }
        Optional<TrendPoint> point = pointOf(runs, buildNumber);
        Map<String, Double> thresholds =
                new LinkedHashMap<>(point.map(TrendPoint::thresholds).orElse(Map.of()));
        Optional<RetrainDecision> decision = last(documents, RunMetadata::decision);
        Optional<RetrainCondition> live = decision.flatMap(TrendPoint::liveAccuracy);
        live.map(RetrainCondition::threshold).ifPresent(t -> thresholds.put(MetricTrend.LIVE_ACCURACY, t));
        // the data a model was made from comes first; a build that only evaluated shows its test data
        Optional<DataFingerprint> data = last(documents, run -> data(run, RunMetadata.TRAIN_DATA))
                .or(() -> last(documents, run -> data(run, RunMetadata.TEST_DATA)));
        Optional<ModelVersionAction> version =
                versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
        List<String> aliases = version.map(v -> versions.stream()
                        .filter(other -> other.getName().equals(v.getName()) && other.getVersion() == v.getVersion())
                        .map(ModelVersionAction::getAlias)
                        .filter(alias -> alias != null && !alias.isBlank())
                        .distinct()
                        .toList())
                .orElse(List.of());
        return Optional.of(new TrendIndex.Line(
                buildNumber,
                "#" + buildNumber,
                point.map(TrendPoint::metrics).orElse(Map.of()),
                thresholds,
                live.map(RetrainCondition::measured).orElse(null),
                last(documents, RunMetadata::algorithm).orElse(null),
                version.map(ModelVersionAction::getName).orElse(null),
                version.map(ModelVersionAction::getVersion).orElse(null),
                aliases,
                data.map(DataFingerprint::rows).orElse(null),
                data.map(d -> shortSha(d.sha256())).orElse(null),
                last(documents, RunMetadata::gates).map(g -> g.outcome().name()).orElse(null),
                documents.stream()
                        .filter(d -> d.deployment() != null)
                        .map(d -> d.deployment().status().name())
                        .toList(),
                decision.map(TrendRecorder::reason).orElse(null),
                last(documents, RunMetadata::hyperparameters).orElse(null)));
    }

    private static <T> Optional<T> last(List<RunMetadata> documents, Function<RunMetadata, T> field) {
        for (int i = documents.size() - 1; i >= 0; i--) {
            T value = field.apply(documents.get(i));
            if (value != null) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static DataFingerprint data(RunMetadata run, String role) {
        return run.data() == null ? null : run.data().get(role);
    }

    private static String reason(RetrainDecision decision) {
        return decision.retrain()
                ? decision.fired().stream().map(c -> c.kind().id()).collect(Collectors.joining(", "))
                : TrendIndex.Line.NOT_DUE;
    }

    private static String shortSha(String sha256) {
        return sha256 == null
                ? null
                : sha256.substring(0, Math.min(TrendIndex.Line.FINGERPRINT_CHARS, sha256.length()));
    }
}

package io.jenkins.plugins.mlops.charts;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import io.jenkins.plugins.mlops.records.MlRunAction;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.report.TrendPoint;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.YesNoMaybe;

/**
 * Appends each completed build's metrics to its job's {@link TrendIndex}: the metrics and gate thresholds of the
 * build's last run that measured metrics (an {@code mlEvaluate}, else an {@code mlTrain}). Builds without such a run
 * add nothing. Works without echarts-api, so the trend has the history once the chart can be drawn.
 */
@Extension(dynamicLoadable = YesNoMaybe.YES)
@SuppressWarnings("rawtypes")
public final class TrendRecorder extends RunListener<Run> {
    private static final Logger LOGGER = Logger.getLogger(TrendRecorder.class.getName());

    @Override
    public void onCompleted(Run run, TaskListener listener) {
        Optional<TrendPoint> point = pointOf(run.getActions(MlRunAction.class), run.getNumber());
        if (point.isEmpty()) {
            return;
        }
        TrendIndex index = new TrendIndex(run.getParent().getRootDir().toPath());
        try {
            index.append(point.get());
        } catch (IOException | RuntimeException failure) {
            // the build's own records are complete; only the job's trend misses this point
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
}

package io.mlops.report;

import io.mlops.contract.gates.GateResult;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.retrain.ConditionKind;
import io.mlops.contract.retrain.RetrainCondition;
import io.mlops.contract.retrain.RetrainDecision;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One run on a trend: its label on the x axis, its build number (for a click that opens the build), its metric
 * values and the thresholds of its gates, both by the metric names of {@link io.mlops.contract.metrics.MetricNames}.
 * The plugin makes points from its job-level index; the report from run metadata with {@link #of(RunMetadata,
 * String, int)}.
 *
 * @param label       the x-axis label, e.g. {@code #12}
 * @param buildNumber the build number, unique on one trend
 * @param metrics     metric values by name; other series (e.g. live accuracy) may be added by name too
 * @param thresholds  the thresholds of absolute gates by metric name
 */
public record TrendPoint(String label, int buildNumber, Map<String, Double> metrics, Map<String, Double> thresholds) {
    /**
     * Creates a point.
     */
    public TrendPoint {
        Objects.requireNonNull(label, "label == null");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        thresholds = Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
    }

    /**
     * Makes the point of one run: all its metrics and the thresholds of its gates. A gate relative to the baseline
     * has a threshold that moves with the baseline; it is drawn like the others, at the value it was compared with.
     *
     * @param run         the run's metadata, with metrics
     * @param label       the x-axis label
     * @param buildNumber the build number or the run's position in a series
     * @return the point
     * @throws IllegalArgumentException if the run has no metrics (e.g. a deploy run)
     */
    public static TrendPoint of(final RunMetadata run, final String label, final int buildNumber) {
        if (run.metrics() == null) {
            throw new IllegalArgumentException(
                    "run " + run.runId() + " (" + run.kind().id() + ") has no metrics to draw on a trend");
        }
        Map<String, Double> thresholds = new LinkedHashMap<>();
        if (run.gates() != null) {
            for (GateResult gate : run.gates().results()) {
                if (gate.threshold() != null) {
                    thresholds.putIfAbsent(gate.metric(), gate.threshold());
                }
            }
        }
        return new TrendPoint(label, buildNumber, run.metrics().byName(), thresholds);
    }

    /**
     * Adds the live accuracy of a retrain decision (its {@link ConditionKind#ACCURACY_DECAY} condition: the accuracy
     * the prediction service measured from feedback, and the threshold it was compared with) as the series
     * {@value MetricTrend#LIVE_ACCURACY}.
     *
     * @param decision the decision of the same build, e.g. of {@code mlRetrainWhen}
     * @return this point with the live accuracy, or this point if the decision measured none
     */
    public TrendPoint withLiveAccuracy(final RetrainDecision decision) {
        return liveAccuracy(decision)
                .map(condition -> {
                    Map<String, Double> values = new LinkedHashMap<>(metrics);
                    values.put(MetricTrend.LIVE_ACCURACY, condition.measured());
                    Map<String, Double> gates = new LinkedHashMap<>(thresholds);
                    if (condition.threshold() != null) {
                        gates.put(MetricTrend.LIVE_ACCURACY, condition.threshold());
                    }
                    return new TrendPoint(label, buildNumber, values, gates);
                })
                .orElse(this);
    }

    /**
     * Finds the live accuracy of a retrain decision: its {@link ConditionKind#ACCURACY_DECAY} condition with a measured
     * value ({@link RetrainCondition#measured()}, compared with {@link RetrainCondition#threshold()}).
     *
     * @param decision a retrain decision
     * @return the condition, or empty if the decision measured no live accuracy
     */
    public static Optional<RetrainCondition> liveAccuracy(final RetrainDecision decision) {
        return decision.conditions().stream()
                .filter(c -> c.kind() == ConditionKind.ACCURACY_DECAY && c.measured() != null)
                .findFirst();
    }
}

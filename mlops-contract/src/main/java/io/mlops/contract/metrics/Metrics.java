package io.mlops.contract.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The evaluation of a classifier on a test set.
 *
 * @param accuracy        share of correct predictions
 * @param macroPrecision  unweighted mean of the per-class precision
 * @param macroRecall     unweighted mean of the per-class recall
 * @param macroF1         unweighted mean of the per-class F1
 * @param weightedF1      per-class F1 weighted by support
 * @param logLoss         mean negative log-probability of the true class, {@code null} if the model gives
 *                        no probabilities
 * @param examples        the number of test examples
 * @param perClass        metrics per class
 * @param confusionMatrix the confusion matrix
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Metrics(
        double accuracy,
        double macroPrecision,
        double macroRecall,
        double macroF1,
        double weightedF1,
        Double logLoss,
        long examples,
        Map<String, ClassMetrics> perClass,
        ConfusionMatrix confusionMatrix) {
    /**
     * Creates metrics.
     */
    public Metrics {
        perClass = perClass == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perClass));
    }

    /**
     * Returns every metric a gate can name, by its name in {@link MetricNames}.
     *
     * @return the metrics by gate name; {@code logLoss} only where available
     */
    public Map<String, Double> byName() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(MetricNames.ACCURACY, accuracy);
        values.put(MetricNames.MACRO_PRECISION, macroPrecision);
        values.put(MetricNames.MACRO_RECALL, macroRecall);
        values.put(MetricNames.MACRO_F1, macroF1);
        values.put(MetricNames.WEIGHTED_F1, weightedF1);
        if (logLoss != null) {
            values.put(MetricNames.LOG_LOSS, logLoss);
        }
        perClass.forEach((label, m) -> {
            values.put(MetricNames.perClass(MetricNames.PRECISION, label), m.precision());
            values.put(MetricNames.perClass(MetricNames.RECALL, label), m.recall());
            values.put(MetricNames.perClass(MetricNames.F1, label), m.f1());
        });
        return values;
    }
}

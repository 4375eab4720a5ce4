package io.mlops.engine.eval;

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
     * Returns every metric a gate can name, by name: {@code accuracy}, {@code macroPrecision},
     * {@code macroRecall}, {@code macroF1}, {@code weightedF1}, {@code logLoss} and per class
     * {@code precision[c]}, {@code recall[c]}, {@code f1[c]}.
     *
     * @return the metrics by gate name; {@code logLoss} only where available
     */
    public Map<String, Double> byName() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("accuracy", accuracy);
        values.put("macroPrecision", macroPrecision);
        values.put("macroRecall", macroRecall);
        values.put("macroF1", macroF1);
        values.put("weightedF1", weightedF1);
        if (logLoss != null) {
            values.put("logLoss", logLoss);
        }
        perClass.forEach((label, m) -> {
            values.put("precision[" + label + "]", m.precision());
            values.put("recall[" + label + "]", m.recall());
            values.put("f1[" + label + "]", m.f1());
        });
        return values;
    }
}

package io.mlops.contract.metrics;

import java.util.List;

/**
 * The names of the metrics a gate, a report or the build page can name: the overall ones and, per class,
 * {@code precision[c]}, {@code recall[c]} and {@code f1[c]}.
 */
public final class MetricNames {
    /** Share of correct predictions. */
    public static final String ACCURACY = "accuracy";
    /** Unweighted mean of the per-class precision. */
    public static final String MACRO_PRECISION = "macroPrecision";
    /** Unweighted mean of the per-class recall. */
    public static final String MACRO_RECALL = "macroRecall";
    /** Unweighted mean of the per-class F1. */
    public static final String MACRO_F1 = "macroF1";
    /** Per-class F1 weighted by support. */
    public static final String WEIGHTED_F1 = "weightedF1";
    /** Mean negative log-probability of the true class; only for models that give probabilities. */
    public static final String LOG_LOSS = "logLoss";
    /** Per-class precision, as {@code precision[class]}. */
    public static final String PRECISION = "precision";
    /** Per-class recall, as {@code recall[class]}. */
    public static final String RECALL = "recall";
    /** Per-class F1, as {@code f1[class]}. */
    public static final String F1 = "f1";

    /** The overall metrics, in report order. */
    public static final List<String> OVERALL =
            List.of(ACCURACY, MACRO_PRECISION, MACRO_RECALL, MACRO_F1, WEIGHTED_F1, LOG_LOSS);
    /** The per-class metrics, in report order. */
    public static final List<String> PER_CLASS = List.of(PRECISION, RECALL, F1);

    private MetricNames() {}

    /**
     * Names a per-class metric.
     *
     * @param metric one of {@link #PER_CLASS}
     * @param label  the class
     * @return e.g. {@code recall[lodging]}
     */
    public static String perClass(final String metric, final String label) {
        return metric + "[" + label + "]";
    }
}

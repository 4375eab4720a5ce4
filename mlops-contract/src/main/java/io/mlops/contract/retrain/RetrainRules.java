package io.mlops.contract.retrain;

import io.mlops.contract.serving.LiveMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The rules of a retrain decision, on numbers only: each turns what was measured into a {@link RetrainCondition}. The
 * engine's {@code retrain-check} and the Jenkins triggers (which read a service's {@link LiveMetrics} on the
 * controller) call the same rules, so a condition means the same everywhere.
 */
public final class RetrainRules {
    private static final double MILLIS_PER_DAY = Duration.ofDays(1).toMillis();

    private RetrainRules() {}

    /**
     * Live accuracy decay: fires when the accuracy over the feedback window is below {@link
     * RetrainPolicy#accuracyBelow()}, or below the model's test accuracy minus {@link RetrainPolicy#maxAccuracyDrop()}
     * (the higher of both lines counts). It is inactive while fewer than {@link RetrainPolicy#minFeedback()} labelled
     * events are in the window.
     *
     * @param liveAccuracy the accuracy over the window, {@code null} while it is empty
     * @param labelled     labelled events in the window
     * @param testAccuracy the model's accuracy on its test data, or {@code null} if unknown
     * @param policy       the thresholds; one of the accuracy thresholds must be set
     * @return the condition
     * @throws IllegalArgumentException if the policy sets no accuracy threshold
     */
    public static RetrainCondition accuracyDecay(
            final Double liveAccuracy, final int labelled, final Double testAccuracy, final RetrainPolicy policy) {
        if (!policy.checksAccuracy()) {
            throw new IllegalArgumentException("no accuracy threshold: set accuracyBelow or maxAccuracyDrop");
        }
        RetrainCondition.Builder condition = RetrainCondition.builder(ConditionKind.ACCURACY_DECAY);
        Double relative = policy.maxAccuracyDrop() == null || testAccuracy == null
                ? null
                : testAccuracy - policy.maxAccuracyDrop();
        if (policy.accuracyBelow() == null && relative == null) {
            return inactive(
                    ConditionKind.ACCURACY_DECAY,
                    "the model records no test accuracy to subtract " + number(policy.maxAccuracyDrop()) + " from");
        }
        double threshold = Math.max(
                policy.accuracyBelow() == null ? Double.NEGATIVE_INFINITY : policy.accuracyBelow(),
                relative == null ? Double.NEGATIVE_INFINITY : relative);
        String line = relative != null && threshold == relative
                ? number(threshold) + " (test accuracy " + number(testAccuracy) + " - "
                        + number(policy.maxAccuracyDrop()) + ")"
                : number(threshold);
        if (liveAccuracy == null || labelled < policy.minFeedback()) {
            return inactive(
                    ConditionKind.ACCURACY_DECAY,
                    labelled + " labelled events in the feedback window; at least " + policy.minFeedback() + " needed");
        }
        boolean fired = liveAccuracy < threshold;
        return condition
                .status(fired ? ConditionStatus.FIRED : ConditionStatus.NOT_FIRED)
                .measured(liveAccuracy)
                .threshold(threshold)
                .detail("live accuracy " + number(liveAccuracy) + (fired ? " < " : " >= ") + line + " over " + labelled
                        + " labelled events")
                .build();
    }

    /**
     * Input drift: fires when the PSI of any feature is above {@link RetrainPolicy#driftAbove()}. The measured value is
     * the largest PSI; {@link RetrainCondition#values()} holds every feature's.
     *
     * @param psi    PSI by feature; empty when nothing could be compared
     * @param source where the PSI comes from, for the line, e.g. {@code service} or the batch file
     * @param policy the thresholds
     * @return the condition; inactive when {@code psi} is empty
     */
    public static RetrainCondition drift(
            final Map<String, Double> psi, final String source, final RetrainPolicy policy) {
        if (psi.isEmpty()) {
            return inactive(ConditionKind.DRIFT, source + " has no PSI for any feature yet");
        }
        Map.Entry<String, Double> worst =
                psi.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        boolean fired = worst.getValue() > policy.driftAbove();
        long drifted =
                psi.values().stream().filter(v -> v > policy.driftAbove()).count();
        return RetrainCondition.builder(ConditionKind.DRIFT)
                .status(fired ? ConditionStatus.FIRED : ConditionStatus.NOT_FIRED)
                .measured(worst.getValue())
                .threshold(policy.driftAbove())
                .detail("largest PSI " + number(worst.getValue()) + " (" + worst.getKey() + ")"
                        + (fired ? " > " : " <= ") + number(policy.driftAbove()) + " from " + source + "; "
                        + drifted + " of " + psi.size() + " features above")
                .values(new LinkedHashMap<>(psi))
                .build();
    }

    /**
     * Drift as the prediction service reports it.
     *
     * @param metrics the service's metrics
     * @param source  the service, for the line
     * @param policy  the thresholds
     * @return the condition
     */
    public static RetrainCondition drift(final LiveMetrics metrics, final String source, final RetrainPolicy policy) {
        return drift(metrics.driftPsi(), source, policy);
    }

    /**
     * Accuracy decay as the prediction service reports it.
     *
     * @param metrics      the service's metrics
     * @param testAccuracy the model's test accuracy, or {@code null}
     * @param policy       the thresholds
     * @return the condition
     */
    public static RetrainCondition accuracyDecay(
            final LiveMetrics metrics, final Double testAccuracy, final RetrainPolicy policy) {
        return accuracyDecay(metrics.liveAccuracy(), metrics.feedbackWindow(), testAccuracy, policy);
    }

    /**
     * Age: fires when the model was trained longer than {@link RetrainPolicy#maxAge()} ago. The measured value is the
     * age in days.
     *
     * @param trainedAt when the model was trained, or {@code null} if unknown
     * @param now       the current time
     * @param policy    the thresholds; {@link RetrainPolicy#maxAge()} must be set
     * @return the condition; inactive if {@code trainedAt} is unknown
     */
    public static RetrainCondition age(final Instant trainedAt, final Instant now, final RetrainPolicy policy) {
        Duration maxAge = Objects.requireNonNull(policy.maxAge(), "maxAge == null");
        if (trainedAt == null) {
            return inactive(ConditionKind.AGE, "the model's metadata does not say when it was trained");
        }
        Duration age = Duration.between(trainedAt, now);
        boolean fired = age.compareTo(maxAge) > 0;
        double days = age.toMillis() / MILLIS_PER_DAY;
        double limit = maxAge.toMillis() / MILLIS_PER_DAY;
        return RetrainCondition.builder(ConditionKind.AGE)
                .status(fired ? ConditionStatus.FIRED : ConditionStatus.NOT_FIRED)
                .measured(days)
                .threshold(limit)
                .detail("trained " + String.format(Locale.ROOT, "%.1f", days) + " days ago (" + trainedAt + ")"
                        + (fired ? " > " : " <= ") + String.format(Locale.ROOT, "%.1f", limit) + " days")
                .build();
    }

    /**
     * Data change: fires when the training data set differs from the model's input files, unless the data only grew
     * by fewer than {@link RetrainPolicy#minNewRows()} rows (a trickle). The measured value is the number of new rows.
     *
     * @param change how the data differs
     * @param policy the thresholds
     * @return the condition
     */
    public static RetrainCondition dataChanged(final DataChange change, final RetrainPolicy policy) {
        boolean fired = change.differs() && (!change.appendOnly() || change.newRows() >= policy.minNewRows());
        String files = change.added().size() + " new, " + change.changed().size() + " changed, "
                + change.removed().size() + " removed files";
        String detail;
        if (!change.differs()) {
            detail = "training data unchanged (" + change.unchangedFiles() + " files)";
        } else if (fired) {
            detail = change.newRows() + " new rows (" + files + ")"
                    + (change.appendOnly() ? " >= " + policy.minNewRows() : "; files were rewritten or removed");
        } else {
            detail = change.newRows() + " new rows (" + files + ") < " + policy.minNewRows() + ": a trickle, ignored";
        }
        return RetrainCondition.builder(ConditionKind.DATA_CHANGED)
                .status(fired ? ConditionStatus.FIRED : ConditionStatus.NOT_FIRED)
                .measured((double) change.newRows())
                .threshold((double) policy.minNewRows())
                .detail(detail)
                .build();
    }

    /**
     * Forced retraining: always fires.
     *
     * @return the condition
     */
    public static RetrainCondition forced() {
        return RetrainCondition.builder(ConditionKind.FORCED)
                .status(ConditionStatus.FIRED)
                .detail("retraining forced")
                .build();
    }

    /**
     * A condition that could not be checked.
     *
     * @param kind   the condition
     * @param reason why, one line naming what is missing or unreachable
     * @return the inactive condition
     */
    public static RetrainCondition inactive(final ConditionKind kind, final String reason) {
        return RetrainCondition.builder(kind)
                .status(ConditionStatus.INACTIVE)
                .detail("inactive: " + reason)
                .reason(reason)
                .build();
    }

    private static String number(final double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}

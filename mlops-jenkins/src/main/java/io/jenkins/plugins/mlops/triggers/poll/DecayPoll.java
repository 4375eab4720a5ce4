package io.jenkins.plugins.mlops.triggers.poll;

import io.mlops.contract.retrain.ConditionStatus;
import io.mlops.contract.retrain.RetrainCondition;
import io.mlops.contract.retrain.RetrainPolicy;
import io.mlops.contract.retrain.RetrainRules;
import io.mlops.contract.serving.LiveMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The model-decay decision, with the contract's {@link RetrainRules} (the same rules as {@code mlops retrain-check}):
 * live accuracy below a threshold, or a feature's PSI above one. A build is due when the served model is found
 * decayed and the last poll did not already start one for the same model: one build per decay of a model, not one
 * per poll while it stays decayed, and none after a restart (the saved state says the decay was already seen).
 */
public final class DecayPoll {
    static final String DECAYED = "decayed";
    static final String MODEL = "model";

    private DecayPoll() {}

    /**
     * Decides.
     *
     * @param saved   the state of the last poll
     * @param source  the service as configured
     * @param metrics what the service reports now
     * @param policy  the thresholds; accuracy is checked only if one of its thresholds is set
     * @param checksDrift whether drift is checked
     * @return the outcome and the state to save
     */
    public static PollResult check(
            final PollState saved,
            final String source,
            final LiveMetrics metrics,
            final RetrainPolicy policy,
            final boolean checksDrift) {
        List<RetrainCondition> conditions = new ArrayList<>();
        if (policy.checksAccuracy()) {
            conditions.add(RetrainRules.accuracyDecay(metrics, null, policy));
        }
        if (checksDrift) {
            conditions.add(RetrainRules.drift(metrics, source, policy));
        }
        String model = metrics.modelName() + " " + metrics.modelVersion() + " (" + metrics.modelSha256() + ")";
        List<String> fired = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (RetrainCondition condition : conditions) {
            if (condition.status() == ConditionStatus.FIRED) {
                fired.add(condition.detail());
            } else {
                others.add(
                        condition.status() == ConditionStatus.INACTIVE
                                ? condition.kind().id() + " not checked: " + condition.reason()
                                : condition.detail());
            }
        }
        boolean decayed = !fired.isEmpty();
        PollState next = new PollState(source, Map.of(DECAYED, Boolean.toString(decayed), MODEL, model));
        String served = metrics.modelName() + " " + metrics.modelVersion() + " at " + source;
        if (!decayed) {
            return new PollResult(PollOutcome.NO_CHANGE, served + ": " + String.join("; ", others), next);
        }
        Map<String, String> before = saved.entriesOf(source);
        boolean alreadySeen = Boolean.parseBoolean(before.get(DECAYED)) && model.equals(before.get(MODEL));
        String message = served + ": " + String.join("; ", fired);
        if (alreadySeen) {
            return new PollResult(PollOutcome.NO_CHANGE, message + " (decay already seen; build started before)", next);
        }
        return new PollResult(PollOutcome.CHANGED, message, next);
    }
}

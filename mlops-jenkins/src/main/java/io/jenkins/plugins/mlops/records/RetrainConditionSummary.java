package io.jenkins.plugins.mlops.records;

import io.mlops.contract.retrain.RetrainCondition;
import io.mlops.contract.text.Printable;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** One condition of a retrain decision, as the build page and {@code /api/json} show the contract's type. */
@ExportedBean(defaultVisibility = 2)
public final class RetrainConditionSummary {
    private final RetrainCondition condition;

    RetrainConditionSummary(RetrainCondition condition) {
        this.condition = condition;
    }

    /** @return what the condition looks at, e.g. {@code accuracy-decay} */
    @Exported
    public String getKind() {
        return condition.kind().id();
    }

    /** @return FIRED, NOT_FIRED or INACTIVE */
    @Exported
    public String getStatus() {
        return condition.status().name();
    }

    /** @return whether the condition asks for retraining */
    @Exported
    public boolean isFired() {
        return condition.fired();
    }

    /** @return the measured value (live accuracy, largest PSI, age in days, new rows), or {@code null} */
    @Exported(skipNull = true)
    public Double getValue() {
        return condition.measured();
    }

    /** @return the threshold the value was compared with, or {@code null} */
    @Exported(skipNull = true)
    public Double getThreshold() {
        return condition.threshold();
    }

    /** @return the engine's readable line, control characters escaped */
    @Exported
    public String getDetail() {
        return Printable.escape(condition.detail());
    }

    /** @return why an inactive condition could not be checked, control characters escaped, or {@code null} */
    @Exported(skipNull = true)
    public String getReason() {
        return condition.reason() == null ? null : Printable.escape(condition.reason());
    }
}

package io.jenkins.plugins.mlops.records;

import io.mlops.contract.retrain.DataChange;
import io.mlops.contract.retrain.RetrainDecision;
import io.mlops.contract.text.Printable;
import java.util.List;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** The decision of an {@code mlRetrainWhen} run, as the build page and {@code /api/json} show the contract's type. */
@ExportedBean(defaultVisibility = 2)
public final class RetrainDecisionSummary {
    private final RetrainDecision decision;

    RetrainDecisionSummary(RetrainDecision decision) {
        this.decision = decision;
    }

    /** @return whether retraining is due: at least one condition fired */
    @Exported
    public boolean isRetrain() {
        return decision.retrain();
    }

    /** @return the model checked, as given, control characters escaped */
    @Exported
    public String getModel() {
        return Printable.escape(decision.model());
    }

    /** @return when the model was trained (ISO-8601), or {@code null} */
    @Exported(skipNull = true)
    public String getTrainedAt() {
        return decision.trainedAt();
    }

    /** @return the decision in one line, e.g. {@code retrain: age}, control characters escaped */
    @Exported
    public String getSummary() {
        return Printable.escape(decision.summary());
    }

    /** @return every condition checked, in the order checked */
    @Exported(inline = true)
    public List<RetrainConditionSummary> getConditions() {
        return decision.conditions().stream().map(RetrainConditionSummary::new).toList();
    }

    /** @return the number of new rows in the training data, or {@code null} if the data was not checked */
    @Exported(skipNull = true)
    public Long getNewRows() {
        DataChange data = decision.newData();
        return data == null ? null : data.newRows();
    }

    /** @return the data files added since the model was trained; empty if none or not checked */
    @Exported
    public List<String> getAddedFiles() {
        DataChange data = decision.newData();
        return data == null
                ? List.of()
                : data.added().stream().map(f -> Printable.escape(f.file())).toList();
    }

    /** @return the data files changed since the model was trained; empty if none or not checked */
    @Exported
    public List<String> getChangedFiles() {
        DataChange data = decision.newData();
        return data == null
                ? List.of()
                : data.changed().stream().map(f -> Printable.escape(f.file())).toList();
    }
}

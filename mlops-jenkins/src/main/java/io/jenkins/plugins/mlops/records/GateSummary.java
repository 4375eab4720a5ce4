package io.jenkins.plugins.mlops.records;

import io.mlops.contract.gates.GateResult;
import io.mlops.contract.text.Printable;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** One gate of a run, as the build page and {@code /api/json} show the contract's {@link GateResult}. */
@ExportedBean(defaultVisibility = 2)
public final class GateSummary {
    private final GateResult gate;

    GateSummary(GateResult gate) {
        this.gate = gate;
    }

    /** @return the gate as written, control characters escaped */
    @Exported
    public String getExpression() {
        return Printable.escape(gate.expression());
    }

    /** @return the metric name */
    @Exported
    public String getMetric() {
        return gate.metric();
    }

    /** @return the comparison operator */
    @Exported
    public String getOperator() {
        return gate.operator();
    }

    /** @return the measured value, or {@code null} if it was not available */
    @Exported(skipNull = true)
    public Double getActual() {
        return gate.actual();
    }

    /** @return the threshold, or {@code null} */
    @Exported(skipNull = true)
    public Double getThreshold() {
        return gate.threshold();
    }

    /** @return the baseline's value of a baseline-relative gate, or {@code null} */
    @Exported(skipNull = true)
    public Double getBaseline() {
        return gate.baseline();
    }

    /** @return PASSED, UNSTABLE, FAILED or INACTIVE */
    @Exported
    public String getStatus() {
        return gate.status().name();
    }

    /** @return what a failure of this gate does: UNSTABLE or FAILURE */
    @Exported(skipNull = true)
    public String getCriticality() {
        return gate.criticality() == null ? null : gate.criticality().name();
    }
}

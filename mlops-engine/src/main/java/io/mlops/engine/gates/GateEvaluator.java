package io.mlops.engine.gates;

import io.mlops.contract.gates.Criticality;
import io.mlops.contract.gates.GateReport;
import io.mlops.contract.gates.GateResult;
import io.mlops.contract.gates.GateStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Applies gates to metrics. A gate whose metric is not available is INACTIVE, never an error. */
public final class GateEvaluator {
    /**
     * Evaluates gates.
     *
     * @param gates    the gates
     * @param metrics  the metrics of the evaluated model, by gate name
     * @param baseline the metrics of the baseline model on the same test data, {@code null} if there is none
     * @return the report
     */
    public GateReport evaluate(
            final List<Gate> gates, final Map<String, Double> metrics, final Map<String, Double> baseline) {
        List<GateResult> results = new ArrayList<>();
        GateStatus outcome = GateStatus.PASSED;
        for (Gate gate : gates) {
            GateResult result = evaluate(gate, metrics, baseline);
            results.add(result);
            if (result.status().compareTo(outcome) > 0) {
                outcome = result.status();
            }
        }
        return new GateReport(outcome, results);
    }

    private static GateResult evaluate(
            final Gate gate, final Map<String, Double> metrics, final Map<String, Double> baseline) {
        Double actual = metrics.get(gate.metric());
        Double base = gate.relative() && baseline != null ? baseline.get(gate.metric()) : null;
        Double threshold = gate.relative() ? (base == null ? null : base + gate.value()) : Double.valueOf(gate.value());
        GateStatus status;
        if (actual == null || threshold == null) {
            status = GateStatus.INACTIVE;
        } else if (gate.operator().test(actual, threshold)) {
            status = GateStatus.PASSED;
        } else {
            status = gate.criticality() == Criticality.FAILURE ? GateStatus.FAILED : GateStatus.UNSTABLE;
        }
        return new GateResult(
                gate.expression(),
                gate.metric(),
                gate.operator().symbol(),
                actual,
                threshold,
                base,
                status,
                gate.criticality());
    }
}

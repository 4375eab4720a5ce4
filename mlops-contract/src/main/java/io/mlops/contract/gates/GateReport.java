package io.mlops.contract.gates;

import java.util.List;

/**
 * The results of all gates of a run.
 *
 * @param outcome the worst status of all gates; {@link GateStatus#PASSED} if none failed
 * @param results the result of each gate, in order
 */
public record GateReport(GateStatus outcome, List<GateResult> results) {
    /**
     * Creates a report.
     */
    public GateReport {
        java.util.Objects.requireNonNull(outcome, "outcome == null");
        results = List.copyOf(results);
    }
}

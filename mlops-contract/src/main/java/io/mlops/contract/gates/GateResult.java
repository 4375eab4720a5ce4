package io.mlops.contract.gates;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The result of one gate.
 *
 * @param expression  the gate as written
 * @param metric      the metric
 * @param operator    the comparison symbol
 * @param actual      the metric's value, {@code null} if not available
 * @param threshold   the threshold it was compared with, {@code null} if not available
 * @param baseline    the baseline's value of the metric for relative gates
 * @param status      the result
 * @param criticality what a failure of this gate does
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GateResult(
        String expression,
        String metric,
        String operator,
        Double actual,
        Double threshold,
        Double baseline,
        GateStatus status,
        Criticality criticality) {}

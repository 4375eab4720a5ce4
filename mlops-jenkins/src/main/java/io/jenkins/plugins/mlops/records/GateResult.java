package io.jenkins.plugins.mlops.records;

import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * One evaluated quality gate, as recorded in the run metadata.
 */
@ExportedBean(defaultVisibility = 2)
public final class GateResult {
    private final String expression;
    private final String metric;
    private final String operator;
    private final Double actual;
    private final Double threshold;
    private final String status;
    private final String criticality;

    /**
     * Creates a gate result.
     *
     * @param expression the gate as written, e.g. {@code accuracy >= 0.90}
     * @param metric the metric name
     * @param operator the comparison operator
     * @param actual the measured value, or {@code null} if it could not be computed
     * @param threshold the threshold
     * @param status PASSED, UNSTABLE, FAILED or INACTIVE
     * @param criticality the build result on failure
     */
    public GateResult(
            String expression,
            String metric,
            String operator,
            Double actual,
            Double threshold,
            String status,
            String criticality) {
        this.expression = expression;
        this.metric = metric;
        this.operator = operator;
        this.actual = actual;
        this.threshold = threshold;
        this.status = status;
        this.criticality = criticality;
    }

    /** @return the gate as written */
    @Exported
    public String getExpression() {
        return expression;
    }

    /** @return the metric name */
    @Exported
    public String getMetric() {
        return metric;
    }

    /** @return the comparison operator */
    @Exported
    public String getOperator() {
        return operator;
    }

    /** @return the measured value, or {@code null} */
    @Exported(skipNull = true)
    public Double getActual() {
        return actual;
    }

    /** @return the threshold, or {@code null} */
    @Exported(skipNull = true)
    public Double getThreshold() {
        return threshold;
    }

    /** @return PASSED, UNSTABLE, FAILED or INACTIVE */
    @Exported
    public String getStatus() {
        return status;
    }

    /** @return the build result on failure */
    @Exported(skipNull = true)
    public String getCriticality() {
        return criticality;
    }
}

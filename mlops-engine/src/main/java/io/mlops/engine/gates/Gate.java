package io.mlops.engine.gates;

import io.mlops.contract.gates.Criticality;
import java.util.Objects;

/**
 * A condition on one metric, as data: {@code accuracy >= 0.9}, {@code recall[lodging] >= 0.8} or,
 * relative to a baseline model evaluated on the same test data, {@code accuracy >= baseline - 0.01}.
 *
 * @param expression  the expression as written
 * @param metric      the metric name, e.g. {@code macroF1} or {@code recall[lodging]}
 * @param operator    the comparison
 * @param value       the threshold, or the offset added to the baseline's value
 * @param relative    whether the threshold is the baseline's value of the same metric plus {@code value}
 * @param criticality what a failed gate does
 */
public record Gate(
        String expression, String metric, Operator operator, double value, boolean relative, Criticality criticality) {
    /**
     * Creates a gate.
     */
    public Gate {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(criticality, "criticality");
    }

    /** Comparisons. */
    public enum Operator {
        /** At least. */
        GE(">="),
        /** More than. */
        GT(">"),
        /** At most. */
        LE("<="),
        /** Less than. */
        LT("<");

        private final String symbol;

        Operator(final String symbol) {
            this.symbol = symbol;
        }

        /** @return the symbol, e.g. {@code >=} */
        public String symbol() {
            return symbol;
        }

        /**
         * Applies the comparison.
         *
         * @param actual    the metric's value
         * @param threshold the threshold
         * @return whether the condition holds
         */
        public boolean test(final double actual, final double threshold) {
            return switch (this) {
                case GE -> actual >= threshold;
                case GT -> actual > threshold;
                case LE -> actual <= threshold;
                case LT -> actual < threshold;
            };
        }
    }
}

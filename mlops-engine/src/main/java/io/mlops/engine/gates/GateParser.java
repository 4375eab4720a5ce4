package io.mlops.engine.gates;

import io.mlops.contract.MlopsException;
import io.mlops.contract.gates.Criticality;
import io.mlops.contract.metrics.MetricNames;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses gate expressions: {@code METRIC OP THRESHOLD [(unstable|failure)]}, where METRIC is
 * {@code accuracy}, {@code macroPrecision}, {@code macroRecall}, {@code macroF1}, {@code weightedF1},
 * {@code logLoss}, or {@code precision[CLASS]}, {@code recall[CLASS]}, {@code f1[CLASS]}; OP is one of
 * {@code >= > <= <}; THRESHOLD is a number, or {@code baseline}, {@code baseline - 0.01},
 * {@code baseline + 0.01}. The optional suffix overrides the default criticality.
 */
public final class GateParser {
    /** The metric names gates accept, without the per-class ones. */
    public static final List<String> METRICS = MetricNames.OVERALL;
    /** The per-class metric names, used as {@code name[class]}. */
    public static final List<String> CLASS_METRICS = MetricNames.PER_CLASS;

    private static final Pattern GATE = Pattern.compile(
            "\\s*([A-Za-z][A-Za-z0-9]*)(?:\\[([^\\]]+)])?\\s*(>=|<=|>|<)\\s*(.+?)\\s*(?:\\(\\s*([A-Za-z]+)\\s*\\))?\\s*");
    private static final Pattern BASELINE =
            Pattern.compile("baseline(?:\\s*([+-])\\s*(\\S+))?", Pattern.CASE_INSENSITIVE);

    private final Criticality defaultCriticality;

    /**
     * Creates a parser.
     *
     * @param defaultCriticality the criticality of gates without a suffix
     */
    public GateParser(final Criticality defaultCriticality) {
        this.defaultCriticality = defaultCriticality;
    }

    /**
     * Parses several gates.
     *
     * @param expressions the expressions
     * @return the gates, in order
     */
    public List<Gate> parse(final List<String> expressions) {
        return expressions.stream().map(this::parse).toList();
    }

    /**
     * Parses one gate.
     *
     * @param expression e.g. {@code accuracy >= baseline - 0.01 (unstable)}
     * @return the gate
     * @throws MlopsException naming the expression and what was expected
     */
    public Gate parse(final String expression) {
        Matcher m = GATE.matcher(expression == null ? "" : expression);
        if (!m.matches()) {
            throw new MlopsException("gate \"" + expression + "\" is not of the form 'METRIC OP THRESHOLD', "
                    + "e.g. 'accuracy >= 0.9' or 'macroF1 >= baseline - 0.01'");
        }
        String metric = metric(expression, m.group(1), m.group(2));
        Gate.Operator operator = operator(m.group(3));
        Criticality criticality = m.group(5) == null ? defaultCriticality : criticality(expression, m.group(5));
        String threshold = m.group(4);
        Matcher b = BASELINE.matcher(threshold);
        if (b.matches()) {
            double offset = 0;
            if (b.group(1) != null) {
                offset = number(expression, b.group(2)) * (b.group(1).equals("-") ? -1 : 1);
            }
            return new Gate(expression.strip(), metric, operator, offset, true, criticality);
        }
        return new Gate(expression.strip(), metric, operator, number(expression, threshold), false, criticality);
    }

    private static String metric(final String expression, final String name, final String label) {
        if (label != null) {
            return CLASS_METRICS.stream()
                    .filter(c -> c.equalsIgnoreCase(name))
                    .findFirst()
                    .map(c -> c + "[" + label.strip() + "]")
                    .orElseThrow(() -> new MlopsException("gate \"" + expression + "\": unknown per-class metric '"
                            + name + "'; expected one of "
                            + CLASS_METRICS.stream().map(c -> c + "[CLASS]").toList()));
        }
        return METRICS.stream()
                .filter(c -> c.equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new MlopsException("gate \"" + expression + "\": unknown metric '" + name
                        + "'; expected one of " + METRICS + " or "
                        + CLASS_METRICS.stream().map(c -> c + "[CLASS]").toList()));
    }

    private static Gate.Operator operator(final String symbol) {
        for (Gate.Operator operator : Gate.Operator.values()) {
            if (operator.symbol().equals(symbol)) {
                return operator;
            }
        }
        throw new IllegalStateException("the pattern only matches known operators: " + symbol);
    }

    private static Criticality criticality(final String expression, final String text) {
        try {
            return Criticality.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException exception) {
            throw new MlopsException("gate \"" + expression + "\": unknown criticality '" + text
                    + "'; expected (unstable) or (failure)");
        }
    }

    private static double number(final String expression, final String text) {
        try {
            double value = Double.parseDouble(text.strip());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException exception) {
            // reported below
        }
        throw new MlopsException("gate \"" + expression + "\": threshold \"" + text.strip()
                + "\" is not a number or 'baseline [+|- NUMBER]'");
    }
}
